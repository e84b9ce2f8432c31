// anonymise(table, policy): measure, search the lattice of generalisations for the one with the least
// information loss that meets the thresholds within the suppression limit, code the table, measure again.
import type { Table } from 'apache-arrow'
import { analyse, CODING_KEY } from '../analyse.js'
import type { AnalyseOptions } from '../analyse.js'
import { RiskcheckError } from '../errors.js'
import { arrondissementNotes } from '../hierarchy/index.js'
import type { HierarchySpec } from '../hierarchy/index.js'
import { encodeColumn } from '../input/encode.js'
import { loadKernels } from '../kernels/wasm/index.js'
import { informationLoss, levelCosts, lossCosts, objective, objectiveBound, presentCodes } from '../lattice/metrics.js'
import type { InformationLoss, Metric } from '../lattice/metrics.js'
import { rollingEvaluator } from '../lattice/rollup.js'
import { ROLE_KEY } from '../roles.js'
import { searchLattice } from '../lattice/search.js'
import type { Candidate } from '../lattice/search.js'
import { lOf } from '../risk.js'
import type { CodingRecord, FrequencyTable, NodeCriteria, NodeFigures, RiskResult } from '../types.js'
import { VERSION } from '../version.js'
import { codeTable } from './coded.js'
import { chooseHierarchy } from './hierarchies.js'
import type { ChosenHierarchy } from './hierarchies.js'

/** What anonymise() is asked: the thresholds and roles of analyse(), and how it may generalise. */
export interface Policy extends AnalyseOptions {
  /** Share of the records that may be suppressed (removed), 0 to 1 (default 0). */
  maxSuppression?: number
  /** The information-loss metric to minimise (default 'loss'). */
  metric?: Metric
  /** Hierarchy spec per quasi-identifier; the others get defaults (see defaultSpec()). */
  hierarchies?: Record<string, HierarchySpec>
  /** Where relative hierarchy file paths start (default: the working directory). */
  baseDir?: string
  /** How many alternatives to propose besides the best (default 3). */
  alternatives?: number
  /** What happens to the records of classes that still fail: removed (default), or kept with every
   * quasi-identifier set to "*" ('mark'; they then form one class of their own). */
  suppress?: 'remove' | 'mark'
}

/** How one quasi-identifier is coded. */
export interface ColumnCoding {
  column: string
  /** What the hierarchy is, and whether riskcheck chose it (no hierarchy given). */
  hierarchy: string
  assumed: boolean
  /** The names of the hierarchy's levels, the original first and "*" (suppressed) last. */
  levelNames: string[]
  /** The level applied (0 = unchanged) and its name. */
  level: number
  levelName: string
  /** The published value of most records at that level, to show what a level of a file or map looks like. */
  example: string | null
  /** This column's information loss (LM) and precision. */
  loss: number
  precision: number
}

/** One generalisation that meets the thresholds: the level of each column and what it costs. */
export interface Coding {
  columns: ColumnCoding[]
  /** Level per quasi-identifier, by name. */
  levels: Record<string, number>
  /** Records removed because their class still fails a threshold, and their share of the rows. */
  suppressed: number
  suppressedShare: number
  /** The metric minimised, and all three metrics of this coding. */
  informationLoss: InformationLoss & { metric: Metric }
  /** Classes, smallest class and average prosecutor risk of the records kept. */
  classes: number
  minClassSize: number
  averageProsecutor: number
}

/** What anonymise() returns. */
export interface AnonymiseResult {
  /** The risk of the table as it is. */
  before: RiskResult
  /** The coding proposed; null when the thresholds are already met or when no generalisation meets them. */
  transformation: Coding | null
  /** The risk of the coded table (measured on its rows), or null with no transformation. */
  after: RiskResult | null
  /** Other codings that meet the thresholds: the best without suppression, then the runners-up. */
  alternatives: Coding[]
  /** The coded table (transformation applied, suppressed records removed or marked), or null. */
  table: Table | null
  /** Why transformation is null: 'met' (nothing to do), 'impossible' (not even "*" everywhere meets them),
   * 'unsupported' (entropy or recursive l-diversity asked: the search judges distinct l only). */
  reason: 'met' | 'impossible' | 'unsupported' | null
  search: {
    metric: Metric
    maxSuppression: number
    /** Most records the limit allows: floor(maxSuppression x rows). */
    suppressionLimit: number
    /** Nodes in the lattice; nodes judged (by both searches), of which rolled up from a finer node's classes;
     * nodes the first search skipped as known to fail. */
    nodes: number
    evaluated: number
    rolledUp: number
    pruned: number
    distinctTuples: number
    /** Time of the search alone (not the reading, the frequency table, the coding or the analysis after). */
    milliseconds: number
  }
  /** Hierarchies riskcheck chose itself, in words. */
  assumptions: string[]
  /** What a reader of the coding should know about the values (e.g. arrondissement codes changed in 2019). */
  notes: string[]
}

/**
 * Propose the generalisation of least information loss that meets the thresholds of `policy`.
 * @example const { proposal, table } = anonymise(readArrow('extract.arrow'), { k: 5, maxSuppression: 0.01 })
 */
export function anonymise(table: Table, policy: Policy = {}): AnonymiseResult {
  const maxSuppression = checkPolicy(policy, policy.metric ?? 'loss')
  const before = analyse(table, policy)
  // the evaluator judges distinct l-diversity only; entropy and recursive l are measured, not searched for
  const unsupported = (before.l !== null || before.lByColumn !== null) && before.lCriterion !== 'distinct'
  if (before.meetsThreshold || unsupported) {
    // nothing to search, but a hierarchy that is given must still fit the data: a policy is checked whole
    checkHierarchyColumns(policy.hierarchies ?? {}, before, table)
    for (const [column, spec] of Object.entries(policy.hierarchies ?? {})) {
      chooseHierarchy(encodeColumn(table, column, before.source ?? 'the table'), spec, { baseDir: policy.baseDir })
    }
    return {
      before, transformation: null, after: null, alternatives: [], table: null, reason: unsupported ? 'unsupported' : 'met',
      assumptions: [], notes: [],
      search: { metric: policy.metric ?? 'loss', maxSuppression, suppressionLimit: Math.floor(maxSuppression * before.rows), nodes: 0, evaluated: 0, rolledUp: 0, pruned: 0,
        distinctTuples: before.classes, milliseconds: 0 },
    }
  }
  const lattice = generalisationLattice(table, policy, before)
  const suppress = policy.suppress ?? 'remove'
  const started = performance.now()
  const { chosen, metric, n } = lattice
  // the search without suppression (for an alternative) meets many nodes of the first: judge each once
  const judgedNodes = new Map<string, Judged>()
  const judge = (levels: number[]) => {
    const key = levels.join(',')
    let judged = judgedNodes.get(key)
    if (!judged) { judged = lattice.judge(levels); judgedNodes.set(key, judged) }
    return judged
  }
  const search = (limit: number, keep: number) => searchLattice({
    heights: lattice.heights,
    bound: lattice.bound,
    evaluate: levels => {
      const judged = judge(levels)
      const s = judged.figures.suppressed
      // everything suppressed leaves no table; marked records form one class, which must itself reach k
      const feasible = s <= limit && s < n
      const acceptable = feasible && (suppress === 'remove' || s === 0 || s >= lattice.criteria.k)
      return { feasible, acceptable, loss: judged.objective, tie: s, figures: judged }
    },
  }, keep)
  const found = search(lattice.suppressionLimit, 1 + (policy.alternatives ?? 3))
  const summary = (c: Candidate<Judged>) => coding(c, chosen, metric, n, lattice.freq)
  const [best, ...runnersUp] = found.ranked
  let alternatives = runnersUp.map(summary)
  if (best && best.figures.figures.suppressed > 0) {
    const unsuppressed = search(0, 1).ranked[0]
    if (unsuppressed) alternatives = [summary(unsuppressed), ...alternatives.filter(a => !sameLevels(a, unsuppressed))]
  }
  // a coding that publishes the same classes as the best (a level that merges nothing more) is no alternative
  const same = (a: Coding, b: Coding) => a.suppressed === b.suppressed && a.classes === b.classes &&
    a.informationLoss.loss === b.informationLoss.loss && a.minClassSize === b.minClassSize
  alternatives = alternatives.filter(a => !best || !same(a, summary(best))).slice(0, policy.alternatives ?? 3)
  const searchFigures = {
    metric, maxSuppression: lattice.maxSuppression, suppressionLimit: lattice.suppressionLimit, nodes: found.nodes,
    evaluated: judgedNodes.size, rolledUp: lattice.rollUp.rolled, pruned: found.pruned, distinctTuples: lattice.distinctTuples, milliseconds: 0,
  }
  const assumptions = chosen.flatMap(c => c.assumed ? [`${c.hierarchy.column}: ${c.source} (${c.hierarchy.levelNames.join(' > ')})`] : [])
  searchFigures.milliseconds = Math.round(performance.now() - started)
  const notes = [
    ...chosen.flatMap((c, j) => c.source === 'preset "be-arrondissement"'
      ? arrondissementNotes(lattice.qi[j].labels).map(note => `${c.hierarchy.column}: ${note}`) : []),
    ...table.schema.fields.filter(f => f.metadata.get(ROLE_KEY) === 'identifier').map(f => `${f.name}: an identifier ` +
      '(riskcheck.role), kept unchanged in the coded table; a pseudonym still links records to other data, drop it if ' +
      'the recipients do not need it'),
  ]
  const done = (r: Omit<AnonymiseResult, 'search' | 'assumptions' | 'before' | 'notes'>): AnonymiseResult =>
    ({ before, ...r, search: searchFigures, assumptions, notes })
  if (!best) return done({ transformation: null, after: null, alternatives: [], table: null, reason: 'impossible' })
  const transformation = summary(best)
  const coded = codeTable(table, {
    qi: lattice.qi, sensitive: lattice.sensitive, hierarchies: chosen.map(c => c.hierarchy), levels: best.levels,
    criteria: lattice.criteria, suppress, sensitiveNames: before.sensitive,
    metadata: { [CODING_KEY]: JSON.stringify(codingRecord(transformation, before, lattice.maxSuppression, suppress)) },
  })
  // measured as a later `riskcheck coded.arrow` will: roles from the coded table's metadata
  const after = analyse(coded, { ...policy, qi: undefined, sensitive: undefined, source: undefined })
  checkAgreement(transformation, after, n, suppress)
  return done({ transformation, after, alternatives, table: coded, reason: null })
}

/** A node judged: the evaluator's figures, the three metrics, and the figure the search minimises. */
export interface Judged { figures: NodeFigures; metrics: InformationLoss; objective: number }

/**
 * The lattice of generalisations of `table` under `policy`: the risk before, the hierarchies, and how to
 * judge a node (on the table of distinct tuples) and bound its objective without judging it.
 */
export function generalisationLattice(table: Table, policy: Policy, before = analyse(table, policy)) {
  const metric = policy.metric ?? 'loss'
  const maxSuppression = checkPolicy(policy, metric)
  const source = policy.source ?? 'the table'
  const n = table.numRows
  const qi = before.quasiIdentifiers.map(name => encodeColumn(table, name, source))
  // sensitive values matter to the search only through l-diversity: the columns an l is asked of
  const sensitive = before.sensitive.filter(name => lOf(before, name) !== null).map(name => encodeColumn(table, name, source))
  checkHierarchyColumns(policy.hierarchies ?? {}, before, table)
  const chosen = qi.map(c => chooseHierarchy(c, policy.hierarchies?.[c.name], { baseDir: policy.baseDir }))
  const kernels = policy.kernels ?? loadKernels()
  const freq = kernels.frequencyTable([...qi, ...sensitive], n)
  const heights = chosen.map(c => c.hierarchy.maps.length)
  const lm = chosen.map((c, j) => lossCosts(c.hierarchy.maps, presentCodes(freq, j, qi[j].radix)))
  const costs = lm.map(l => l.costs)
  const scales = lm.map(l => l.scale)
  const fullCost = chosen.map((c, j) => levelCosts(freq, j, c.hierarchy.maps, costs[j]))
  const evaluator = rollingEvaluator(kernels, freq, {
    quasiIdentifiers: chosen.map((c, j) => ({
      column: j, maps: c.hierarchy.maps, costs: costs[j], radices: c.hierarchy.labels.map(l => Math.max(1, l.length)),
    })),
    sensitive: sensitive.map((s, i) => ({ column: qi.length + i, radix: s.radix })),
  })
  const criteria: NodeCriteria = { k: before.k, l: sensitive.map(s => lOf(before, s.name) as number) }
  return {
    before, qi, sensitive, chosen, heights, n, metric, criteria, maxSuppression,
    suppressionLimit: Math.floor(maxSuppression * n),
    freq,
    distinctTuples: freq.counts.length,
    /** How many nodes were judged on the distinct tuples and how many on a finer node's classes. */
    rollUp: evaluator.stats,
    bound: (levels: number[]) => objectiveBound(metric, levels, heights, fullCost, scales, n),
    judge(levels: number[]): Judged {
      const figures = evaluator.evaluate(levels, criteria)
      const metrics = informationLoss(figures, levels, heights, scales, n)
      return { figures, metrics, objective: objective(metric, metrics) }
    },
  }
}

function coding(c: Candidate<Judged>, chosen: ChosenHierarchy[], metric: Metric, n: number, freq: FrequencyTable): Coding {
  const { figures, metrics } = c.figures
  const kept = n - figures.suppressed
  const columns = chosen.map((h, j): ColumnCoding => ({
    column: h.hierarchy.column, hierarchy: h.source, assumed: h.assumed, levelNames: h.hierarchy.levelNames,
    level: c.levels[j], levelName: h.hierarchy.levelNames[c.levels[j]], example: commonest(h, c.levels[j], freq, j),
    loss: metrics.columns[j].loss, precision: metrics.columns[j].precision,
  }))
  return {
    columns,
    levels: Object.fromEntries(columns.map(col => [col.column, col.level])),
    suppressed: figures.suppressed,
    suppressedShare: figures.suppressed / n,
    informationLoss: { metric, ...metrics },
    classes: figures.classes - figures.failingClasses,
    minClassSize: figures.minKeptClassSize,
    averageProsecutor: kept > 0 ? (figures.classes - figures.failingClasses) / kept : 0,
  }
}

/** The label of the class with the most records at `level` of column j of the frequency table. */
function commonest(h: ChosenHierarchy, level: number, freq: FrequencyTable, j: number): string | null {
  const map = h.hierarchy.maps[level]
  const records = new Float64Array(h.hierarchy.labels[level].length)
  freq.codes[j].forEach((code, t) => { records[map[code]] += freq.counts[t] })
  const g = records.reduce((best, r, i) => r > records[best] ? i : best, 0)
  return h.hierarchy.labels[level][g] ?? null
}

function sameLevels(a: Coding, c: Candidate<Judged>): boolean {
  return a.columns.every((col, j) => col.level === c.levels[j])
}

/** What the schema metadata of a coded table records (key riskcheck.coding): enough to redo the coding. */
function codingRecord(t: Coding, before: RiskResult, maxSuppression: number, suppress: 'remove' | 'mark'): CodingRecord {
  return {
    riskcheck: VERSION,
    source: before.source,
    rows: before.rows,
    k: before.k,
    maxProsecutorRisk: before.maxProsecutorRisk,
    l: before.l,
    lByColumn: before.lByColumn,
    maxSuppression,
    metric: t.informationLoss.metric,
    suppress,
    suppressed: t.suppressed,
    columns: t.columns.map(c => ({ column: c.column, hierarchy: c.hierarchy, level: c.level, levelName: c.levelName })),
  }
}

/**
 * The coded table, measured from its rows, must agree with what the search computed on the tuples; marked
 * records ("*" everywhere) form one more class.
 */
function checkAgreement(t: Coding, a: RiskResult, rows: number, suppress: 'remove' | 'mark'): void {
  const marked = suppress === 'mark' && t.suppressed > 0
  const rowsAfter = suppress === 'mark' ? rows : rows - t.suppressed
  const classes = t.classes + (marked ? 1 : 0)
  const smallest = marked ? Math.min(t.minClassSize || Infinity, t.suppressed) : t.minClassSize
  if (a.rows !== rowsAfter || a.classes !== classes || a.minClassSize !== smallest || !a.meetsThreshold) {
    throw new RiskcheckError('E_KERNEL', `the coded table (${a.rows} rows, ${a.classes} classes, smallest ${a.minClassSize}) ` +
      `does not agree with the search (${rowsAfter} rows, ${classes} classes, smallest ${smallest}); this is a bug in riskcheck`)
  }
}

function checkPolicy(policy: Policy, metric: Metric): number {
  const s = policy.maxSuppression ?? 0
  if (!(Number.isFinite(s) && s >= 0 && s <= 1)) {
    throw new RiskcheckError('E_OPTION', `the suppression limit must be a share from 0 to 1 (0 % to 100 %), got ${s}`)
  }
  if (!['remove', 'mark'].includes(policy.suppress ?? 'remove')) {
    throw new RiskcheckError('E_OPTION', `suppression must be remove or mark, got ${JSON.stringify(policy.suppress)}`)
  }
  if (policy.suppress === 'mark' && (policy.l !== undefined || policy.lByColumn !== undefined)) {
    throw new RiskcheckError('E_OPTION', '--suppress mark cannot be combined with --l: the class of the marked records ' +
      'could fail l-diversity, and the search does not judge it', 'use --suppress remove')
  }
  if (!['loss', 'precision', 'discernibility'].includes(metric)) {
    throw new RiskcheckError('E_OPTION', `the metric must be loss, precision or discernibility, got ${JSON.stringify(metric)}`)
  }
  return s
}

function checkHierarchyColumns(hierarchies: Record<string, HierarchySpec>, before: RiskResult, table: Table): void {
  for (const column of Object.keys(hierarchies)) {
    if (!table.schema.fields.some(f => f.name === column)) {
      throw new RiskcheckError('E_HIERARCHY', `a hierarchy is given for column ${JSON.stringify(column)}, and ` +
        `${before.source ?? 'the table'} has no such column`)
    }
    if (!before.quasiIdentifiers.includes(column)) {
      throw new RiskcheckError('E_HIERARCHY', `a hierarchy is given for column ${JSON.stringify(column)}, which is not a ` +
        `quasi-identifier (they are: ${before.quasiIdentifiers.join(', ')})`, 'name it in --qi, or drop its hierarchy')
    }
  }
}
