// AnonymiseResult -> the terminal text of the proposal: the coding in words, what it costs, the alternatives.
import Table from 'cli-table3'
import type { RiskDrivers } from '../anonymise/drivers.js'
import type { AnonymiseResult, Coding, ColumnCoding } from '../anonymise/index.js'

/** Levels of a file or a map have no name of their own: the output shows the value most records get. */
const UNNAMED = /^(map )?level \d+$/

const int = (n: number) => n.toLocaleString('en-US')
const pct = (share: number) => `${(100 * share).toFixed(1)} %`
const fixed = (x: number) => x.toFixed(4)

/** The proposal (or why there is none), as text for the terminal. */
export function renderProposal(r: AnonymiseResult, out?: string): string {
  const s = r.search
  const searched = `Searched ${int(s.evaluated)} of ${int(s.nodes)} generalisations on ${int(s.distinctTuples)} distinct ` +
    `combinations in ${s.milliseconds < 1000 ? `${s.milliseconds} ms` : `${(s.milliseconds / 1000).toFixed(1)} s`} (metric: ${s.metric}; suppression limit ` +
    `${pct(s.maxSuppression)} = ${int(s.suppressionLimit)} records).`
  const assumed = r.assumptions.length
    ? `Hierarchies assumed (give your own with --hierarchy or --policy):\n${r.assumptions.map(a => `  ${a}`).join('\n')}` : ''
  if (r.reason === 'met') return ''
  if (r.reason === 'unsupported') {
    return `NO PROPOSAL: the generalisation search judges distinct l-diversity only; the ${r.before.lCriterion} criterion ` +
      'asked is measured above but not searched for (use --l-criterion distinct for a proposal).\n'
  }
  if (r.transformation === null || r.after === null) {
    const why = r.before.rows < r.before.k
      ? `the table has ${int(r.before.rows)} records, fewer than k = ${int(r.before.k)}.`
      : `even every quasi-identifier suppressed ("*") leaves classes that fail, with at most ${int(s.suppressionLimit)} ` +
        'records suppressed (and at least one kept).'
    return [`NO GENERALISATION meets the thresholds: ${why}`, assumed, searched].filter(Boolean).join('\n\n') + '\n'
  }
  const p = r.transformation
  const a = r.after
  const lines = [
    `PROPOSAL (least ${s.metric === 'precision' ? 'loss of precision' : s.metric}): ${inWords(p)}.\n` +
    `Then: k = ${a.persons ? `${int(a.persons.minClassPersons)} persons` : int(a.minClassSize)}, ${int(a.sampleUniques)} sample unique${a.sampleUniques === 1 ? '' : 's'}, average prosecutor risk ` +
    `${a.prosecutor.average.toFixed(4)} (${int(a.rows)} records in ${int(a.classes)} classes); ` +
    `${a.meetsThreshold ? 'the thresholds are met' : 'the thresholds are NOT met'}.`,
    costTable(p),
  ]
  if (r.alternatives.length) {
    lines.push(`Alternatives:\n${r.alternatives.map((c, i) => `  ${i + 1}. ${inWords(c)}; loss ${fixed(c.informationLoss.loss)}, ` +
      `then k = ${int(c.minClassSize)}.`).join('\n')}`)
  }
  const notes = r.notes.length ? `Notes:\n${r.notes.map(n => `  ${n}`).join('\n')}` : ''
  lines.push(assumed, notes, searched, out ? `Coded table written to ${out}.` : 'Write the coded table with --out FILE.arrow.')
  return lines.filter(Boolean).join('\n\n') + '\n'
}

/** The drivers of the risk as a table (empty without drivers). */
export function renderDrivers(d: RiskDrivers | undefined): string {
  if (!d) return ''
  const t = new Table({
    head: [`What drives the risk (${int(d.sampleUniques)} sample uniques)`, 'Left out', 'One level coarser'],
    style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const c of d.columns) {
    t.push([c.column, int(c.withoutIt), c.coarsened ? `${int(c.coarsened.sampleUniques)} (${c.coarsened.levelName})` : '-'])
  }
  return `\n${t.toString()}\nSample uniques if each quasi-identifier alone were left out, or coarsened one level of its ` +
    'hierarchy (- : its next level is "*", the same as leaving it out).\n' + renderMinimalUniques(d)
}

/** The smallest sets of quasi-identifiers that make records unique, the ten with most records. */
function renderMinimalUniques(d: RiskDrivers): string {
  const m = d.minimalUniques
  if (d.sampleUniques === 0) return ''
  const beyond = d.sampleUniques - m.recordsBySize.reduce((a, n) => a + n, 0)
  const bySize = m.recordsBySize.map((n, i) => `${int(n)} on ${i + 1} column${i ? 's' : ''}`)
  const lines = m.sets.slice(0, 10).map(set => `  ${set.columns.join(' + ')}: ${int(set.records)} record${set.records === 1 ? '' : 's'}`)
  return `\nMinimal sample uniques (sets of up to ${m.maxSize} quasi-identifiers on which a record is already alone, ` +
    `no smaller set being enough): of the ${int(d.sampleUniques)} sample uniques, ${bySize.join(', ')}` +
    `${beyond > 0 ? `, ${int(beyond)} only on more` : ''}.\n${lines.join('\n')}` +
    `${m.sets.length > 10 ? `\n  (${int(m.sets.length - 10)} more sets in --json)` : ''}\n`
}

/** "birth_year in 10-year bands, arr_residence to province, sex unchanged; 115 records (0.6 %) suppressed". */
export function inWords(c: Coding): string {
  const columns = c.columns.map(columnInWords).join(', ')
  const suppressed = c.suppressed === 0 ? 'no record suppressed'
    : `${int(c.suppressed)} record${c.suppressed === 1 ? '' : 's'} (${pct(c.suppressedShare)}) suppressed`
  return `${columns}; ${suppressed}`
}

function columnInWords(c: ColumnCoding): string {
  if (c.level === 0) return `${c.column} unchanged`
  if (c.level === c.levelNames.length - 1) return `${c.column} suppressed (*)`
  const example = UNNAMED.test(c.levelName) && c.example !== null ? ` (e.g. "${c.example}")` : ''
  return `${c.column} ${/band|class|interval/i.test(c.levelName) ? 'in' : 'to'} ${c.levelName}${example}`
}

function costTable(p: Coding): string {
  const t = new Table({
    head: ['Column', 'Hierarchy', 'Coded as', 'Loss', 'Precision'],
    style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const c of p.columns) {
    const codedAs = UNNAMED.test(c.levelName) && c.example !== null ? `level ${c.level}, e.g. "${c.example}"` : `level ${c.level}: ${c.levelName}`
    t.push([c.column, `${c.hierarchy}${c.assumed ? ' (assumed)' : ''}`, codedAs, fixed(c.loss), fixed(c.precision)])
  }
  const m = p.informationLoss
  t.push(['All (mean)', '', '', fixed(m.loss), fixed(m.precision)])
  return `${t.toString()}\nLoss: share of the detail lost per cell, 0 = none, 1 = all (suppressed cells count 1). ` +
    `Discernibility: ${int(m.discernibility)}.`
}
