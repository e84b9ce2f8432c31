// A run's results -> the report as data: every figure the HTML and Markdown reports show, in no language.
// This is the JSON report (schema/report.schema.json); it never holds a combination of quasi-identifier values
// with fewer than k records, nor a count below k, unless revealSmallCells is asked.
import type { RiskDrivers } from '../anonymise/drivers.js'
import type { AnonymiseResult, Coding, ColumnCoding } from '../anonymise/index.js'
import type { ColumnMapping } from '../anonymise/mapping.js'
import type { TCloseness } from '../closeness.js'
import type { IdentifierFinding, RiskResult } from '../types.js'
import { VERSION } from '../version.js'

/** The identification of the report format; bumped when a field changes meaning. */
export const REPORT_FORMAT = 'riskcheck-report/1'

/** Above this many distinct values, a column's mapping lists its published classes only. */
export const MAX_MAPPED_VALUES = 1000

/** Class-size buckets of the reports: [from, to] (to null: no upper bound). */
export const BUCKETS: [number, number | null][] = [[1, 1], [2, 2], [3, 4], [5, 9], [10, 19], [20, null]]

/** What the report says about the input, besides the results: the file, the command, the moment. */
export interface ReportContext {
  /** The input file: its name as given, size and SHA-256. */
  input?: { file: string; bytes: number; sha256: string }
  /** The command line as typed (or a description of the library call). */
  command?: string
  /** When the report was made (default: now). */
  generated?: Date
  /** What drives the risk (riskDrivers() on the input), when computed. */
  drivers?: RiskDrivers
  /** The combinations with fewer than k records: given only when the user asks to reveal them. */
  smallClasses?: SmallClass[]
}

/** A combination of quasi-identifier values with fewer than k records (shown only when asked). */
export interface SmallClass {
  values: Record<string, string | null>
  records: number
}

/** The risk figures of one table, as the reports show them. */
export interface RiskFigures {
  rows: number
  classes: number
  minClassSize: number
  maxClassSize: number
  sampleUniques: number
  recordsBelowK: number
  classSizes: { from: number; to: number | null; classes: number; records: number }[]
  prosecutor: RiskResult['prosecutor']
  lDiversity: ({ column: string } & RiskResult['lDiversity'][string])[]
  tCloseness: ({ column: string } & TCloseness)[] | null
  /** With a person column: the classes counted in persons (and the history model); else null. */
  persons: RiskResult['persons']
  /** With a sampling fraction, weights or a population table: the risk in the population (without the fits'
   * details); else null. */
  population: {
    samplingFraction: number
    weight: string | null
    populationSize: number
    uniques: number
    uniquesShare: number
    estimator: string
    converged: { pitman: boolean | null; snb: boolean | null }
    individual: { highest: number; expectedReidentifications: number; globalRisk: number }
    journalist: NonNullable<RiskResult['population']>['journalist']
  } | null
}

/** A row of a value mapping: one original value (folded null), or the values of a published class that have
 * fewer than k records (or persons) each, folded into one row (folded: how many; value null). records: null
 * when withheld (fewer than k, or withheld so that no such count can be worked out by subtraction). */
export interface MappedValue {
  value: string | null
  folded: number | null
  /** The class it is published as; null (with named false) for the classes of fewer than k records in all,
   * and for an identifier's classes of one value, which are not named either. */
  published: string | null
  named: boolean
  records: number | null
}
export interface MappedClass { published: string | null; named: boolean; values: number; records: number | null }

/** A quasi-identifier of the proposal: its coding (without the example value) and its value mapping. */
export interface ProposedColumn extends Omit<ColumnCoding, 'example'> {
  mapping: {
    distinctValues: number
    /** What the counts count: records, or persons with a person column. */
    unit: 'records' | 'persons'
    /** Why the values are not listed (then only `classes`): 'suppressed' (published as "*"), 'identifier' (the
     * identifier lint flags the column), 'many' (more than MAX_MAPPED_VALUES values); null when listed. */
    unlisted: 'suppressed' | 'identifier' | 'many' | null
    /** Each original value with at least k records (persons) and its class, the others folded per class; null
     * when unlisted. */
    values: MappedValue[] | null
    /** When unlisted: each published class, with how many original values it holds; else null. */
    classes: MappedClass[] | null
  }
}

export interface Alternative {
  columns: { column: string; level: number; levelName: string }[]
  suppressed: number
  loss: number
  precision: number
  discernibility: number
  classes: number
  minClassSize: number
}

/** Why there is or is not a proposal. */
export type Outcome = 'met' | 'proposed' | 'impossible' | 'unsupported' | 'not-searched'

export interface Report {
  format: typeof REPORT_FORMAT
  riskcheck: string
  /** The only field that differs between two runs of the same command on the same file. */
  generated: string
  revealSmallCells: boolean
  command: string | null
  input: {
    file: string | null
    bytes: number | null
    sha256: string | null
    rows: number
    /** Distinct persons, with a person column; else null. */
    persons: number | null
    /** The count column when the input is a frequency table (rows are combinations); else null. */
    counts: string | null
    nulls: 'value'
    columns: { name: string; type: string | null; role: string; distinct: number | null; note: string | null }[]
  }
  parameters: {
    quasiIdentifiers: string[]
    sensitive: string[]
    rolesFrom: RiskResult['roles']['source']
    k: number
    t: number | null
    maxProsecutorRisk: number | null
    l: number | null
    lByColumn: Record<string, number> | null
    lCriterion: RiskResult['lCriterion']
    c: number | null
    maxSuppression: number | null
    suppressionLimit: number | null
    metric: string | null
    suppress: 'remove' | 'mark' | null
  }
  verdict: {
    outcome: Outcome
    metBefore: boolean
    metAfter: boolean | null
    checks: {
      criterion: RiskResult['checks'][number]['criterion']
      column: string | null
      threshold: number
      before: number | null
      metBefore: boolean
      after: number | null
      metAfter: boolean | null
    }[]
  }
  warnings: string[]
  identifiers: IdentifierFinding[]
  before: RiskFigures
  drivers: RiskDrivers | null
  proposal: {
    columns: ProposedColumn[]
    suppressed: number
    suppressedShare: number
    informationLoss: { metric: string; loss: number; precision: number; discernibility: number }
  } | null
  after: RiskFigures | null
  alternatives: Alternative[]
  search: { nodes: number; evaluated: number; distinctTuples: number } | null
  assumptions: string[]
  notes: string[]
  smallClasses: SmallClass[] | null
}

const isAnonymised = (r: AnonymiseResult | RiskResult): r is AnonymiseResult => 'before' in r

/** The report of an analysis (RiskResult) or of an analysis with a proposal (AnonymiseResult). */
export function buildReport(result: AnonymiseResult | RiskResult, context: ReportContext = {}): Report {
  const a = isAnonymised(result) ? result : null
  const before = a ? a.before : result as RiskResult
  const after = a?.after ?? null
  const k = before.k
  return {
    format: REPORT_FORMAT,
    riskcheck: VERSION,
    generated: (context.generated ?? new Date()).toISOString(),
    revealSmallCells: context.smallClasses !== undefined,
    command: context.command ?? null,
    input: {
      file: context.input?.file ?? before.source,
      bytes: context.input?.bytes ?? null,
      sha256: context.input?.sha256 ?? null,
      rows: before.rows,
      persons: before.persons?.persons ?? null,
      counts: before.counts,
      nulls: before.nulls,
      columns: [
        ...before.columns.map(c => ({ name: c.name, type: c.type, role: c.role, distinct: c.distinct, note: null })),
        ...before.roles.unused.map(u => ({ name: u.column, type: null, role: 'not used', distinct: null, note: u.reason })),
      ],
    },
    parameters: {
      quasiIdentifiers: before.quasiIdentifiers,
      sensitive: before.sensitive,
      rolesFrom: before.roles.source,
      k,
      t: before.t,
      maxProsecutorRisk: before.maxProsecutorRisk,
      l: before.l,
      lByColumn: before.lByColumn,
      lCriterion: before.lCriterion,
      c: before.c,
      maxSuppression: a ? a.search.maxSuppression : null,
      suppressionLimit: a ? a.search.suppressionLimit : null,
      metric: a ? a.search.metric : null,
      suppress: a?.transformation ? (after?.coding?.suppress ?? 'remove') : null,
    },
    verdict: {
      outcome: !a ? (before.meetsThreshold ? 'met' : 'not-searched') : a.reason === null ? 'proposed' : a.reason,
      metBefore: before.meetsThreshold,
      metAfter: after ? after.meetsThreshold : null,
      checks: before.checks.map((c, i) => ({
        criterion: c.criterion, column: c.column, threshold: c.threshold,
        before: c.value, metBefore: c.met,
        after: after ? after.checks[i].value : null, metAfter: after ? after.checks[i].met : null,
      })),
    },
    warnings: before.warnings,
    identifiers: before.identifiers,
    before: figuresOf(before),
    drivers: context.drivers ?? null,
    proposal: a?.transformation && a.mappings ? proposalOf(a.transformation, a.mappings, k, before.identifiers.map(f => f.column)) : null,
    after: after && figuresOf(after),
    alternatives: (a?.alternatives ?? []).map(alternativeOf),
    search: a && a.reason !== 'met' && a.reason !== 'unsupported'
      ? { nodes: a.search.nodes, evaluated: a.search.evaluated, distinctTuples: a.search.distinctTuples } : null,
    assumptions: a?.assumptions ?? [],
    notes: a?.notes ?? [],
    smallClasses: context.smallClasses ?? null,
  }
}

/** The figures of one table; class sizes bucketed. */
export function figuresOf(r: RiskResult): RiskFigures {
  return {
    rows: r.rows,
    classes: r.classes,
    minClassSize: r.minClassSize,
    maxClassSize: r.maxClassSize,
    sampleUniques: r.sampleUniques,
    recordsBelowK: r.recordsBelowK,
    classSizes: BUCKETS.map(([from, to]) => {
      const inBucket = r.classSizes.filter(s => s.size >= from && (to === null || s.size <= to))
      return {
        from, to,
        classes: inBucket.reduce((n, s) => n + s.classes, 0),
        records: inBucket.reduce((n, s) => n + s.records, 0),
      }
    }),
    prosecutor: r.prosecutor,
    lDiversity: r.sensitive.map(column => ({ column, ...r.lDiversity[column] })),
    tCloseness: r.tCloseness && Object.entries(r.tCloseness).map(([column, t]) => ({ column, ...t })),
    persons: r.persons,
    population: r.population && {
      samplingFraction: r.population.samplingFraction,
      weight: r.population.weight,
      populationSize: r.population.populationSize,
      uniques: r.population.uniqueness.uniques,
      uniquesShare: r.population.uniqueness.share,
      estimator: r.population.uniqueness.estimator,
      converged: r.population.uniqueness.converged,
      individual: r.population.individual,
      journalist: r.population.journalist,
    },
  }
}

function proposalOf(t: Coding, mappings: ColumnMapping[], k: number, flagged: string[]): NonNullable<Report['proposal']> {
  return {
    columns: t.columns.map((c, j) => ({
      column: c.column, hierarchy: c.hierarchy, assumed: c.assumed, levelNames: c.levelNames,
      level: c.level, levelName: c.levelName, loss: c.loss, precision: c.precision,
      mapping: mappingOf(mappings[j], k, c.level === c.levelNames.length - 1 ? 'suppressed'
        : flagged.includes(c.column) ? 'identifier' : mappings[j].values.length > MAX_MAPPED_VALUES ? 'many' : null),
    })),
    suppressed: t.suppressed,
    suppressedShare: t.suppressedShare,
    informationLoss: {
      metric: t.informationLoss.metric, loss: t.informationLoss.loss,
      precision: t.informationLoss.precision, discernibility: t.informationLoss.discernibility,
    },
  }
}

/**
 * One column's mapping. No value with fewer than k records (persons) is named: those of a published class are
 * folded into one row. A column published as "*", flagged as an identifier, or of too many values is given
 * class by class. Counts below k are withheld, with others so that none can be worked out (hideSmall).
 */
function mappingOf(m: ColumnMapping, k: number, unlisted: ProposedColumn['mapping']['unlisted']): ProposedColumn['mapping'] {
  const base = { distinctValues: m.values.length, unit: m.unit, unlisted }
  const byClass = new Map<string | null, { listed: ColumnMapping['values']; folded: number; small: number; values: number; total: number }>()
  for (const v of m.values) {
    const cls = byClass.get(v.published) ?? { listed: [], folded: 0, small: 0, values: 0, total: m.classTotals.get(v.published) ?? 0 }
    cls.values++
    if (v.records >= k) cls.listed.push(v)
    else { cls.folded++; cls.small += v.records }
    byClass.set(v.published, cls)
  }
  // classes of fewer than k in all, and an identifier's classes of one value (its values, then): neither their
  // values nor their names, one row for them all
  const unnamed = (c: { total: number; values: number }) => c.total < k || (unlisted === 'identifier' && c.values === 1)
  const tiny = [...byClass.values()].filter(unnamed)
  const tinyRow = tiny.length ? { values: tiny.reduce((a, c) => a + c.values, 0), records: tiny.reduce((a, c) => a + c.total, 0),
    most: tiny.length * (k - 1) } : null
  const named = [...byClass].filter(([, c]) => !unnamed(c))
  if (unlisted) {
    const classes: MappedClass[] = named.map(([published, c]) => ({ published, named: true, values: c.values, records: c.total }))
    if (tinyRow) classes.push({ published: null, named: false, values: tinyRow.values, records: tinyRow.records })
    // a named class has k or more; the row of the tiny classes at least one record per value, at most k - 1 per class
    const shown = hideSmall(classes.map(c => c.records as number), k, classes.map(c => c.named ? k : c.values),
      classes.map(c => c.named ? Infinity : (tinyRow as { most: number }).most))
    return { ...base, values: null, classes: classes.map((c, i) => ({ ...c, records: shown[i] })) }
  }
  const rows: MappedValue[] = []
  for (const [published, c] of named) {
    for (const v of c.listed) rows.push({ value: v.value, folded: null, published, named: true, records: v.records })
    if (c.folded > 0) rows.push({ value: null, folded: c.folded, published, named: true, records: c.small })
  }
  if (tinyRow) rows.push({ value: null, folded: tinyRow.values, published: null, named: false, records: tinyRow.records })
  // a listed value has k or more; a folded row at least one record per value and at most k - 1 per value
  // (the row of the tiny classes at most k - 1 per class)
  const shown = hideSmall(rows.map(r => r.records as number), k, rows.map(r => r.folded ?? k),
    rows.map(r => r.folded === null ? Infinity : r.named ? r.folded * (k - 1) : (tinyRow as { most: number }).most))
  return { ...base, values: rows.map((r, i) => ({ ...r, records: shown[i] })), classes: null }
}

/**
 * The counts of one table as they may be shown: those below k withheld (null), and then the smallest shown
 * ones too, until nothing can be worked out from the table's total. `lower[i]` and `upper[i]`: what a reader
 * knows count i to be at least and at most when withheld (k and no bound for a value listed because it has
 * k; for a row that folds n values of fewer than k each, n and n(k - 1)); default 1 and k - 1 below k, k and
 * no bound from k. Safe when the withheld counts add up to k or more and a count below k withheld is not
 * pinned down: the others' lower bounds leave it room to reach k - 1 (slack of k - 2 or more), and their
 * upper bounds leave it room to be as small as its own lower bound.
 */
export function hideSmall(counts: number[], k: number, lower: number[] = counts.map(c => c < k ? 1 : k),
  upper: number[] = counts.map(c => c < k ? k - 1 : Infinity)): (number | null)[] {
  const shown: (number | null)[] = counts.map(c => c < k ? null : c)
  if (!shown.includes(null)) return shown
  const bySize = counts.map((c, i) => [c, i]).filter(([c]) => c >= k).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const safe = () => {
    const withheld = shown.flatMap((x, i) => x === null ? [i] : [])
    const total = withheld.reduce((a, i) => a + counts[i], 0)
    const bounds = withheld.reduce((a, i) => a + lower[i], 0)
    const room = withheld.reduce((a, i) => a + upper[i], 0)
    return total >= k && total - bounds >= k - 2 &&
      withheld.every(i => counts[i] >= k || total - (room - upper[i]) <= lower[i])
  }
  for (const [, i] of bySize) {
    if (safe()) break
    shown[i] = null
  }
  return shown
}

function alternativeOf(c: Coding): Alternative {
  return {
    columns: c.columns.map(col => ({ column: col.column, level: col.level, levelName: col.levelName })),
    suppressed: c.suppressed,
    loss: c.informationLoss.loss,
    precision: c.informationLoss.precision,
    discernibility: c.informationLoss.discernibility,
    classes: c.classes,
    minClassSize: c.minClassSize,
  }
}
