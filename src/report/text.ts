// RiskResult -> the terminal summary, for people who are not programmers.
import Table from 'cli-table3'
import type { RiskResult } from '../types.js'

const BUCKETS: [number, number, string][] = [
  [1, 1, '1 (unique)'], [2, 2, '2'], [3, 4, '3-4'], [5, 9, '5-9'], [10, 19, '10-19'], [20, Infinity, '20 or more'],
]

const int = (n: number) => n.toLocaleString('en-US')
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`
const num = (x: number) => (Number.isInteger(x) ? int(x) : x < 0.01 ? x.toPrecision(3) : x.toFixed(4))

/** The terminal summary of a result: roles, verdict, risk figures, class sizes, l-diversity. */
export function renderText(r: RiskResult): string {
  return [header(r), verdictLine(r), riskTable(r), personTable(r), populationTable(r), sizeTable(r), diversityTable(r), footer(r)]
    .filter(Boolean).join('\n\n') + '\n'
}

function header(r: RiskResult): string {
  const from = { options: 'as given', metadata: "from the file's metadata", inferred: 'inferred: every column but pseudonyms' }
  const lines = [
    `riskcheck ${r.riskcheck}${r.source ? ` - ${r.source}` : ''} - ${int(r.rows)} records` +
      `${r.counts ? ` (a frequency table: each row a combination, its records in "${r.counts}")` : ''}`,
    `Quasi-identifiers (${from[r.roles.source]}): ${r.quasiIdentifiers.join(', ')}`,
    `Sensitive: ${r.sensitive.length ? r.sensitive.join(', ') : 'none'}`,
  ]
  for (const u of r.roles.unused) lines.push(`Not used: ${u.column} (${u.reason})`)
  for (const w of r.warnings) lines.push(`WARNING: ${w}`)
  if (r.coding) lines.push(codingLine(r.coding))
  lines.push('A missing value (null) counts as a value of its own.')
  return lines.join('\n')
}

/** "Coded by riskcheck 0.1.0 from x.arrow (20,000 records) for k = 5: birth_year 10-year bands, ...; 115 removed." */
function codingLine(c: NonNullable<RiskResult['coding']>): string {
  const columns = c.columns.map(col => `${col.column} ${col.level === 0 ? 'unchanged' : col.levelName === '*' ? 'suppressed (*)' : col.levelName}`).join(', ')
  const suppressed = c.suppressed === 0 ? 'no record suppressed'
    : `${int(c.suppressed)} records suppressed (${c.suppress === 'mark' ? 'marked *' : 'removed'})`
  return `Coded by riskcheck ${c.riskcheck}${c.source ? ` from ${c.source}` : ''} (${int(c.rows)} records) for k = ${c.k}` +
    `${c.l === null ? '' : `, l = ${c.l}`}: ${columns}; ${suppressed}.`
}

function verdictLine(r: RiskResult): string {
  const failed = r.checks.filter(c => !c.met)
  const risk = r.maxProsecutorRisk === null ? '' : ` (no record's prosecutor risk above ${r.maxProsecutorRisk})`
  const asked = r.checks.map(c => c.criterion === 'k-anonymity' ? `k = ${c.threshold}${c.column ? ` persons (${c.column})` : ''}${risk}`
    : c.criterion === 't-closeness' ? `t = ${c.threshold} on ${c.column} (${r.tCloseness?.[c.column as string]?.distance} distance)`
    : c.criterion === 'recursive l-diversity' ? `recursive (c,l)-diversity with c = ${c.threshold}, l = ${r.l} on ${c.column}`
      : `${c.criterion} l = ${c.threshold} on ${c.column}`)
  if (failed.length === 0) return `VERDICT: the file MEETS ${asked.join(', ')}.`
  const why = failed.map(c => c.criterion === 'k-anonymity'
    ? r.persons ? `${int(r.persons.personsBelowK)} persons (${pct(r.persons.personsBelowK, r.persons.persons)}) have a row in a ` +
      `class of fewer than ${r.k} persons, ${int(r.persons.uniquePersons)} of them alone in it`
      : `${int(r.recordsBelowK)} record${r.recordsBelowK === 1 ? '' : 's'} (${pct(r.recordsBelowK, r.rows)}) ${r.recordsBelowK === 1 ? 'is' : 'are'} in classes smaller than ${r.k}, ` +
      `${int(r.sampleUniques)} of them alone in their class`
    : c.criterion === 't-closeness' ? `${c.column} has t-closeness ${num(c.value as number)}, above ${c.threshold}`
    : c.criterion !== 'recursive l-diversity' ? `${c.column} has ${c.criterion} ${num(c.value as number)}, below ${c.threshold}`
      : c.value === null ? `${c.column} has no recursive (c,l) c for l = ${r.l}: a class has fewer than ${r.l} different values`
        : `${c.column} has recursive (c,l): c = ${num(c.value)} (l = ${r.l}), not below the c = ${c.threshold} asked`)
  return `VERDICT: the file does NOT meet ${asked.join(', ')}:\n  ${why.join(';\n  ')}.`
}

function table(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } })
}

function riskTable(r: RiskResult): string {
  const t = table(['Risk on the quasi-identifiers', ''])
  t.push(
    ['Records', int(r.rows)],
    ['Equivalence classes (distinct combinations)', int(r.classes)],
    ['Smallest class (the k the file has)', int(r.minClassSize)],
    ['Records alone in their class (sample uniques)', `${int(r.sampleUniques)} (${pct(r.sampleUniques, r.rows)})`],
    [`Records in classes smaller than ${r.k}`, `${int(r.recordsBelowK)} (${pct(r.recordsBelowK, r.rows)})`],
    ['Prosecutor risk, highest (1 / smallest class)', num(r.prosecutor.highest)],
    ['Prosecutor risk, average over records', num(r.prosecutor.average)],
    [`Records at risk (risk above 1/${r.k})`, pct(r.prosecutor.recordsAtRisk, 1)],
  )
  return t.toString()
}

/** With a person column: the classes counted in persons, and the history model when asked. */
function personTable(r: RiskResult): string {
  const p = r.persons
  if (!p) return ''
  const t = table([`Risk counted in persons (${p.column})`, ''])
  t.push(
    ['Persons (distinct)', int(p.persons)],
    ['Smallest class, in persons', int(p.minClassPersons)],
    ['Persons alone in a class of theirs', `${int(p.uniquePersons)} (${pct(p.uniquePersons, p.persons)})`],
    [`Persons in a class of fewer than ${r.k} persons`, `${int(p.personsBelowK)} (${pct(p.personsBelowK, p.persons)})`],
    ['Prosecutor risk of a person, highest', num(p.prosecutor.highest)],
    ['Prosecutor risk of a person, average over persons', num(p.prosecutor.average)],
  )
  if (p.history) {
    t.push(
      ['Histories (distinct sets of tuples of a person)', int(p.history.histories)],
      ['Persons unique by their history', `${int(p.history.uniquePersons)} (${pct(p.history.uniquePersons, p.persons)})`],
      [`Persons whose history fewer than ${r.k} share`, `${int(p.history.personsBelowK)} (${pct(p.history.personsBelowK, p.persons)})`],
    )
  }
  return t.toString()
}

/** With a sampling fraction, weights or a population table: the risk in the population. */
function populationTable(r: RiskResult): string {
  const p = r.population
  if (!p) return ''
  const u = p.uniqueness
  const model = u.estimator === 'none' ? (u.uniques === 0 ? 'no sample uniques' : 'the file is the population')
    : `${u.estimator}${u.estimator === 'zayatz' && u.converged.pitman === false ? ', Pitman did not converge'
      : u.estimator === 'zayatz' && u.converged.snb === false ? ', SNB did not converge' : ''}`
  const t = table(['Risk in the population', ''])
  t.push(
    ['Sampling fraction', `${num(p.samplingFraction)}${p.weight ? ` (records / sum of ${p.weight})` : ''}`],
    ['Population (records / sampling fraction)', int(Math.round(p.populationSize))],
    ['Population uniques, estimated (Dankar et al.)', `${int(Math.round(u.uniques))} (${pct(u.uniques, p.populationSize)}; ${model})`],
    ['Individual risk (sdcMicro), highest', num(p.individual.highest)],
    ['Expected re-identifications (sum of individual risks)', p.individual.expectedReidentifications.toFixed(1)],
    ['Global risk (expected re-identifications / records)', num(p.individual.globalRisk)],
  )
  const j = p.journalist
  if (j) {
    t.push(
      [`Journalist risk, highest (${j.table}: ${j.columns.join(', ')})`, num(j.highest)],
      [`Records at journalist risk above 1/${r.k}`, pct(j.recordsAtRisk, 1)],
      ['Marketer risk (expected share of correct matches)', num(j.marketer)],
    )
  }
  return t.toString()
}

function sizeTable(r: RiskResult): string {
  const t = table(['Class size', 'Classes', 'Records'])
  for (const [lo, hi, label] of BUCKETS) {
    const inBucket = r.classSizes.filter(s => s.size >= lo && s.size <= hi)
    const classes = inBucket.reduce((a, s) => a + s.classes, 0)
    const records = inBucket.reduce((a, s) => a + s.records, 0)
    t.push([label, int(classes), `${int(records)} (${pct(records, r.rows)})`])
  }
  return t.toString()
}

function diversityTable(r: RiskResult): string {
  if (r.sensitive.length === 0) return ''
  const l = r.sensitive.map(c => r.lDiversity[c].recursiveL)[0]
  const t = table(['l-diversity within classes', 'distinct l', 'entropy l', `recursive c (l = ${l})`, 'classes with one value'])
  for (const column of r.sensitive) {
    const d = r.lDiversity[column]
    t.push([column, int(d.distinct), d.entropy.toFixed(3), d.recursiveC === null ? 'none (see note)' : num(d.recursiveC),
      `${int(d.homogeneousClasses)} (${int(d.homogeneousRecords)} records)`])
  }
  const notes = r.sensitive.filter(c => r.lDiversity[c].recursiveC === null).map(c =>
    `Note: no c works for ${c}: ${int(r.lDiversity[c].classesBelowL)} classes have fewer than ${l} distinct values.`)
  const closeness = Object.entries(r.tCloseness ?? {}).map(([c, tc]) => `t-closeness of ${c}: ${tc.equal.toFixed(4)} ` +
    `(equal distance)${tc.ordered === null ? '' : `, ${tc.ordered.toFixed(4)} (ordered distance)`}` +
    `${tc.hierarchical === null ? '' : `, ${tc.hierarchical.toFixed(4)} (hierarchical distance)`}`)
  return [t.toString(), ...notes, ...closeness].join('\n')
}

/** For inferred roles: the command that names them, to narrow them down. */
function footer(r: RiskResult): string {
  if (r.roles.source !== 'inferred') return ''
  const args = [r.source ?? 'FILE', '--qi', r.quasiIdentifiers.join(',')]
  if (r.sensitive.length) args.push('--sensitive', r.sensitive.join(','))
  return `To choose the columns yourself: riskcheck ${args.map(shellWord).join(' ')}\n` +
    '(name as quasi-identifiers only what an outsider could know about a person)'
}

/** A word as a POSIX shell reads it: quoted when it holds spaces or other special characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
