// Report (data) + language -> the report as a document: sections of paragraphs, tables and charts, every
// sentence from the language's strings (i18n.ts). html.ts and markdown.ts only lay it out.
import { formatters, strings } from './i18n.js'
import type { Formatters, Lang, Strings } from './i18n.js'
import type { Report, RiskFigures } from './model.js'

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'h3'; text: string }
  | { kind: 'formula'; text: string }
  /** numeric[i]: column i holds figures (right-aligned). */
  | { kind: 'table'; head: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: 'chart'; title: string; bars: { label: string; share: number; text: string }[] }

export interface Section { id: string; title: string; blocks: Block[] }

export interface Document { lang: Lang; title: string; subtitle: string; sections: Section[] }

/** The document of a report in a language. */
export function reportDocument(r: Report, lang: Lang): Document {
  const s = strings[lang]
  const f = formatters(lang)
  const sections = [
    verdict(r, s, f), analysed(r, s, f), risk('before', s.sections.before, r.before, r, s, f),
    coding(r, s, f), after(r, s, f), method(s),
  ]
  return { lang, title: s.title, subtitle: s.subtitle(r.input.file ?? '-', f.date(r.generated)), sections }
}

type Ctx = [Report, Strings, Formatters]

function verdict(...[r, s, f]: Ctx): Section {
  const blocks: Block[] = []
  if (r.revealSmallCells) blocks.push({ kind: 'notice', text: s.revealNotice(f.int(r.parameters.k)) })
  blocks.push({ kind: 'p', text: s.verdict[r.verdict.outcome](r.verdict.metBefore, r.verdict.metAfter) })
  const after = r.verdict.checks.some(c => c.metAfter !== null)
  blocks.push({
    kind: 'table',
    head: [s.head.criterion, s.head.asked, s.head.before, ...(after ? [s.head.after] : [])],
    numeric: [false, true, true, true],
    rows: r.verdict.checks.map(c => [
      s.criterion(c.criterion, c.column),
      f.num(c.threshold),
      s.met(c.before === null ? s.none : f.num(c.before), c.metBefore),
      ...(after ? [s.met(c.after === null ? s.none : f.num(c.after), c.metAfter === true)] : []),
    ]),
  })
  if (r.warnings.length) blocks.push({ kind: 'h3', text: s.head.warnings }, { kind: 'list', items: r.warnings })
  return { id: 'verdict', title: s.sections.verdict, blocks }
}

function analysed(...[r, s, f]: Ctx): Section {
  const p = r.parameters
  const facts: [string, string][] = [
    [s.fact.file, r.input.file ?? s.none],
    [s.fact.size, r.input.bytes === null ? s.none : s.bytes(f.int(r.input.bytes))],
    ['SHA-256', r.input.sha256 ?? s.none],
    [s.fact.records, r.input.counts === null ? f.int(r.input.rows) : s.countedIn(f.int(r.input.rows), r.input.counts)],
    ...(r.input.persons === null ? [] : [[s.fact.persons, f.int(r.input.persons)] as [string, string]]),
    [s.fact.nulls, s.nullsValue],
    [s.fact.version, `riskcheck ${r.riskcheck} (${r.format})`],
    [s.fact.command, r.command ?? s.none],
    [s.fact.generated, f.date(r.generated)],
  ]
  const parameters: [string, string][] = [
    [s.param.quasiIdentifiers, p.quasiIdentifiers.join(', ')],
    [s.param.sensitive, p.sensitive.join(', ') || s.none],
    [s.param.rolesFrom, s.rolesFrom[p.rolesFrom]],
    ['k', f.int(p.k)],
    ['t', p.t === null ? s.none : f.num(p.t)],
    [s.param.maxProsecutorRisk, p.maxProsecutorRisk === null ? s.none : f.num(p.maxProsecutorRisk)],
    ['l', p.l === null ? s.none : `${f.int(p.l)} (${p.lCriterion})`],
    [s.param.lByColumn, p.lByColumn === null ? s.none : Object.entries(p.lByColumn).map(([c, l]) => `${c}: ${l}`).join(', ')],
    ['c', p.c === null ? s.none : f.num(p.c)],
    [s.param.maxSuppression, p.maxSuppression === null ? s.none
      : s.suppressionLimit(f.pct(p.maxSuppression), f.int(p.suppressionLimit ?? 0))],
    [s.param.metric, p.metric ?? s.none],
    [s.param.suppress, p.suppress === null ? s.none : s.suppressHow[p.suppress]],
  ]
  return {
    id: 'analysed', title: s.sections.analysed, blocks: [
      keyValues(s.head.fact, facts),
      { kind: 'h3', text: s.head.parameters },
      keyValues(s.head.parameter, parameters),
      { kind: 'h3', text: s.head.columns },
      {
        kind: 'table', head: [s.head.column, s.head.type, s.head.role, s.head.distinct],
        numeric: [false, false, false, true],
        rows: r.input.columns.map(c => [c.name, c.type ?? s.none, s.role(c.role, c.note), c.distinct === null ? s.none : f.int(c.distinct)]),
      },
    ],
  }
}

function keyValues(head: string, rows: [string, string][]): Block {
  return { kind: 'table', head: [head, ''], numeric: [false, false], rows }
}

/** Risk figures of one table (before or after the coding), in the same form. */
function risk(id: string, title: string, x: RiskFigures, r: Report, s: Strings, f: Formatters): Section {
  const k = r.parameters.k
  const share = (n: number) => `${f.int(n)} (${f.pct(n / x.rows)})`
  const blocks: Block[] = [
    keyValues(s.head.figure, [
      [s.fig.records, f.int(x.rows)],
      [s.fig.classes, f.int(x.classes)],
      [s.fig.smallest, f.int(x.minClassSize)],
      [s.fig.largest, f.int(x.maxClassSize)],
      [s.fig.uniques, share(x.sampleUniques)],
      [s.fig.belowK(f.int(k)), share(x.recordsBelowK)],
      [s.fig.highest, f.prob(x.prosecutor.highest)],
      [s.fig.average, f.prob(x.prosecutor.average)],
      [s.fig.atRisk(f.int(k)), f.pct(x.prosecutor.recordsAtRisk)],
    ]),
    ...personFigures(x, k, s, f),
    ...populationFigures(x, k, s, f),
    { kind: 'h3', text: s.head.classSizes },
    {
      kind: 'chart', title: s.chartTitle,
      bars: x.classSizes.map(b => ({ label: s.bucket(b.from, b.to), share: b.records / x.rows, text: f.pct(b.records / x.rows) })),
    },
    {
      kind: 'table', head: [s.head.classSize, s.head.classes, s.head.records, s.head.share], numeric: [false, true, true, true],
      rows: x.classSizes.map(b => [s.bucket(b.from, b.to), f.int(b.classes), f.int(b.records), f.pct(b.records / x.rows)]),
    },
  ]
  if (x.lDiversity.length) {
    blocks.push({ kind: 'h3', text: s.head.lDiversity }, {
      kind: 'table',
      head: [s.head.column, s.head.distinctL, s.head.entropyL, s.head.recursiveC(x.lDiversity[0].recursiveL), s.head.homogeneous],
      numeric: [false, true, true, true, true],
      rows: x.lDiversity.map(d => [d.column, f.int(d.distinct), f.dec(d.entropy, 3),
        d.recursiveC === null ? s.noC(f.int(d.classesBelowL)) : f.dec(d.recursiveC, 3),
        s.classesRecords(f.int(d.homogeneousClasses), f.int(d.homogeneousRecords))]),
    })
  }
  if (x.tCloseness) {
    blocks.push({ kind: 'h3', text: s.head.tCloseness }, {
      kind: 'table',
      head: [s.head.column, s.head.equalDistance, s.head.orderedDistance, s.head.hierarchicalDistance, s.head.judged],
      numeric: [false, true, true, true, true],
      rows: x.tCloseness.map(t => [t.column, f.dec(t.equal, 4), t.ordered === null ? s.none : f.dec(t.ordered, 4),
        t.hierarchical === null ? s.none : f.dec(t.hierarchical, 4), `${f.dec(t.t, 4)} (${t.distance})`]),
    })
  }
  if (id === 'before') blocks.push(...drivers(r, s, f), ...smallClasses(r, s, f))
  return { id, title, blocks }
}

/** With a person column: the classes counted in persons, and the history model when asked. */
function personFigures(x: RiskFigures, k: number, s: Strings, f: Formatters): Block[] {
  const p = x.persons
  if (!p) return []
  const share = (n: number) => `${f.int(n)} (${f.pct(n / p.persons)})`
  const rows: [string, string][] = [
    [s.person.persons, f.int(p.persons)],
    [s.person.smallest, f.int(p.minClassPersons)],
    [s.person.unique, share(p.uniquePersons)],
    [s.person.belowK(f.int(k)), share(p.personsBelowK)],
    [s.person.highest, f.prob(p.prosecutor.highest)],
    [s.person.average, f.prob(p.prosecutor.average)],
  ]
  if (p.history) {
    rows.push([s.person.histories, f.int(p.history.histories)], [s.person.historyUnique, share(p.history.uniquePersons)],
      [s.person.historyBelowK(f.int(k)), share(p.history.personsBelowK)])
  }
  return [{ kind: 'h3', text: s.person.title(p.column) }, keyValues(s.head.figure, rows)]
}

/** With a sampling fraction, weights or a population table: the risk in the population. */
function populationFigures(x: RiskFigures, k: number, s: Strings, f: Formatters): Block[] {
  const p = x.population
  if (!p) return []
  const rows: [string, string][] = [
    [s.pop.fraction, `${f.num(p.samplingFraction)}${p.weight ? ` (${s.pop.fromWeights(p.weight)})` : ''}`],
    [s.pop.size, f.int(Math.round(p.populationSize))],
    [s.pop.uniques, `${f.int(Math.round(p.uniques))} (${f.pct(p.uniquesShare)}; ${s.pop.model(p.estimator, p.converged.pitman, p.converged.snb)})`],
    [s.pop.individual, f.prob(p.individual.highest)],
    [s.pop.expected, f.dec(p.individual.expectedReidentifications, 1)],
    [s.pop.global, f.prob(p.individual.globalRisk)],
  ]
  const j = p.journalist
  if (j) {
    rows.push([s.pop.journalist(j.table, j.columns.join(', ')), f.prob(j.highest)], [s.pop.atRisk(f.int(k)), f.pct(j.recordsAtRisk)],
      [s.pop.marketer, f.prob(j.marketer)])
  }
  return [{ kind: 'h3', text: s.pop.title }, keyValues(s.head.figure, rows)]
}

function drivers(...[r, s, f]: Ctx): Block[] {
  const d = r.drivers
  if (!d) return [{ kind: 'h3', text: s.head.drivers }, { kind: 'p', text: s.noDrivers }]
  const drop = (n: number) => d.sampleUniques - n
  const top = [...d.columns].sort((a, b) => drop(b.withoutIt) - drop(a.withoutIt))[0]
  return [
    { kind: 'h3', text: s.head.drivers },
    { kind: 'p', text: s.driversIntro(f.int(d.sampleUniques)) },
    {
      kind: 'table', head: [s.head.column, s.head.leftOut, s.head.coarsened], numeric: [false, true, true],
      rows: d.columns.map(c => [c.column, f.int(c.withoutIt),
        c.coarsened ? `${f.int(c.coarsened.sampleUniques)} (${c.coarsened.levelName})` : s.none]),
    },
    ...(top && d.sampleUniques > 0 ? [{ kind: 'p' as const, text: s.topDriver(top.column, f.int(drop(top.withoutIt))) }] : []),
    ...minimalUniques(d, s, f),
  ]
}

/** The ten sets of quasi-identifiers that single out most records, and how small the sets are. */
function minimalUniques(d: NonNullable<Report['drivers']>, s: Strings, f: Formatters): Block[] {
  const m = d.minimalUniques
  if (d.sampleUniques === 0) return []
  const beyond = d.sampleUniques - m.recordsBySize.reduce((a, n) => a + n, 0)
  return [
    { kind: 'h3', text: s.msu.title },
    { kind: 'p', text: s.msu.intro(f.int(m.maxSize)) },
    {
      kind: 'table', head: [s.msu.columns, s.msu.records], numeric: [false, true],
      rows: m.sets.slice(0, 10).map(set => [set.columns.join(' + '), f.int(set.records)]),
    },
    ...(m.sets.length > 10 ? [{ kind: 'p' as const, text: s.msu.moreSets(f.int(m.sets.length - 10)) }] : []),
    {
      kind: 'table', head: [s.msu.size, s.head.records], numeric: [false, true],
      rows: [...m.recordsBySize.map((n, i) => [f.int(i + 1), f.int(n)]), [s.msu.more(f.int(m.maxSize)), f.int(beyond)]],
    },
  ]
}

function smallClasses(...[r, s, f]: Ctx): Block[] {
  if (!r.smallClasses) return []
  const qi = r.parameters.quasiIdentifiers
  return [
    { kind: 'h3', text: s.head.smallClasses },
    { kind: 'notice', text: s.smallClassesIntro(f.int(r.parameters.k), f.int(r.smallClasses.length)) },
    {
      kind: 'table', head: [...qi, s.head.records], numeric: [...qi.map(() => false), true],
      rows: r.smallClasses.map(c => [...qi.map(q => c.values[q] ?? 'null'), f.int(c.records)]),
    },
  ]
}

function coding(...[r, s, f]: Ctx): Section {
  const p = r.proposal
  const title = s.sections.coding
  if (!p) return { id: 'coding', title, blocks: [{ kind: 'p', text: s.noProposal[r.verdict.outcome] }] }
  const k = f.int(r.parameters.k)
  const blocks: Block[] = [
    { kind: 'p', text: s.proposalIntro(f.int(r.search?.evaluated ?? 0), f.int(r.search?.nodes ?? 0), f.int(r.search?.distinctTuples ?? 0)) },
    {
      kind: 'table',
      head: [s.head.column, s.head.hierarchy, s.head.level, s.head.loss, s.head.precision],
      numeric: [false, false, false, true, true],
      rows: [
        ...p.columns.map(c => [c.column, c.assumed ? s.assumed(c.hierarchy) : c.hierarchy,
          s.level(c.level, c.levelNames.length - 1, c.levelName), f.dec(c.loss, 4), f.dec(c.precision, 4)]),
        [s.allColumns, '', '', f.dec(p.informationLoss.loss, 4), f.dec(p.informationLoss.precision, 4)],
      ],
    },
    { kind: 'p', text: s.suppressed(f.int(p.suppressed), f.pct(p.suppressedShare), r.parameters.suppress ?? 'remove', k) },
    { kind: 'p', text: s.lossNote(f.int(p.informationLoss.discernibility)) },
  ]
  if (r.assumptions.length) blocks.push({ kind: 'h3', text: s.head.assumptions }, { kind: 'list', items: r.assumptions })
  if (r.notes.length) blocks.push({ kind: 'h3', text: s.head.notes }, { kind: 'list', items: r.notes })
  blocks.push({ kind: 'h3', text: s.head.mappings }, { kind: 'p', text: s.mappingIntro(k) })
  const count = (records: number | null) => records !== null ? f.int(records) : s.withheld
  for (const c of p.columns) {
    const m = c.mapping
    const unit = m.unit === 'persons' ? s.head.persons : s.head.records
    blocks.push({ kind: 'h3', text: s.mappingOf(c.column, s.level(c.level, c.levelNames.length - 1, c.levelName)) })
    if (m.values) {
      blocks.push({
        kind: 'table', head: [s.head.original, s.head.published, unit], numeric: [false, false, true],
        rows: m.values.map(v => [v.folded === null ? v.value ?? 'null' : s.folded(f.int(v.folded), k, m.unit),
          v.named ? v.published ?? 'null' : s.unnamed(k, m.unit), count(v.records)]),
      })
    } else if (m.classes) {
      blocks.push({ kind: 'p', text: s.unlisted[m.unlisted ?? 'many'](f.int(m.distinctValues)) }, {
        kind: 'table', head: [s.head.published, s.head.values, unit], numeric: [false, true, true],
        rows: m.classes.map(x => [x.named ? x.published ?? 'null' : s.unnamed(k, m.unit), f.int(x.values), count(x.records)]),
      })
    }
  }
  return { id: 'coding', title, blocks }
}

function after(...[r, s, f]: Ctx): Section {
  if (!r.after) return { id: 'after', title: s.sections.after, blocks: [{ kind: 'p', text: s.noAfter }] }
  const section = risk('after', s.sections.after, r.after, r, s, f)
  section.blocks.push({ kind: 'h3', text: s.head.alternatives })
  if (r.alternatives.length === 0) section.blocks.push({ kind: 'p', text: s.noAlternatives })
  else {
    section.blocks.push({ kind: 'p', text: s.alternativesIntro }, {
      kind: 'table', head: ['#', s.head.coding, s.head.suppressedRecords, s.head.loss, s.head.smallest],
      numeric: [true, false, true, true, true],
      rows: r.alternatives.map((a, i) => [String(i + 1),
        a.columns.map(c => `${c.column}: ${s.level(c.level, null, c.levelName)}`).join('; '),
        f.int(a.suppressed), f.dec(a.loss, 4), f.int(a.minClassSize)]),
    })
  }
  return section
}

function method(s: Strings): Section {
  const blocks: Block[] = [{ kind: 'p', text: s.methodIntro }]
  for (const d of s.definitions) {
    blocks.push({ kind: 'h3', text: d.name }, { kind: 'p', text: d.words }, { kind: 'formula', text: d.formula },
      { kind: 'p', text: d.reference })
  }
  blocks.push({ kind: 'h3', text: s.head.limits }, { kind: 'list', items: s.limits })
  return { id: 'method', title: s.sections.method, blocks }
}
