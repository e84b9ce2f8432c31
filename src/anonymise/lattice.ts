// The lattice of one table under one policy: the hierarchies, the table of distinct tuples, and how to judge
// a node on it (WebAssembly, rolled up where it pays) and bound its loss without judging it.
import type { Table } from 'apache-arrow'
import { analyse } from '../analyse.js'
import { RiskcheckError } from '../errors.js'
import type { HierarchySpec } from '../hierarchy/index.js'
import { encodeColumn } from '../input/encode.js'
import { loadKernels } from '../kernels/wasm/index.js'
import { METRICS, codeRecords, informationLoss, levelCosts, lossCosts, objective, objectiveBound } from '../lattice/metrics.js'
import type { InformationLoss, Metric } from '../lattice/metrics.js'
import { rollingEvaluator } from '../lattice/rollup.js'
import { lOf } from '../risk.js'
import type { NodeCriteria, NodeFigures, RiskResult } from '../types.js'
import { sensitiveCloseness } from '../analyse.js'
import { judgedDistance } from '../closeness.js'
import { keptClasses, keptFigures } from './closeness-filter.js'
import type { ClosenessCriterion } from './closeness-filter.js'
import { countsOf, recordsOf } from '../records.js'
import { chooseHierarchy } from './hierarchies.js'
import type { Policy } from './types.js'

/** A node judged: its figures (with t-closeness when asked), the figures on k and l alone (which only
 * improve at coarser nodes: what the search prunes with), the three metrics, and the figure it minimises. */
export interface Judged { figures: NodeFigures; kl: NodeFigures; metrics: InformationLoss; objective: number }

/**
 * The lattice of generalisations of `table` under `policy`: the risk before, the hierarchies, and how to
 * judge a node (on the table of distinct tuples) and bound its objective without judging it.
 */
export function generalisationLattice(table: Table, policy: Policy, before = analyse(table, policy)) {
  const metric = policy.metric ?? 'loss'
  const maxSuppression = checkPolicy(policy, metric)
  const source = policy.source ?? 'the table'
  const kernels = policy.kernels ?? loadKernels()
  const input = recordsOf(table, countsOf(table, policy), kernels, source)
  const n = input.n
  const qi = before.quasiIdentifiers.map(name => encodeColumn(table, name, source))
  // sensitive values matter to the search only through l-diversity: the columns an l is asked of; with a
  // person column, a class must hold k distinct persons, which is distinct l-diversity of that column with l = k
  // t-closeness, when asked, looks at every sensitive column (l = 1: no l of its own)
  const diverse = before.sensitive.filter(name => lOf(before, name) !== null)
  const judgedColumns = [
    ...diverse.map(name => ({ name, l: lOf(before, name) as number })),
    ...(before.t === null ? [] : before.sensitive.filter(name => !diverse.includes(name)).map(name => ({ name, l: 1 }))),
    ...(policy.person === undefined ? [] : [{ name: policy.person, l: before.k }]),
  ]
  const sensitive = judgedColumns.map(c => encodeColumn(table, c.name, source))
  checkHierarchyColumns(policy.hierarchies ?? {}, before, table)
  const chosen = qi.map(c => chooseHierarchy(c, policy.hierarchies?.[c.name], { baseDir: policy.baseDir }))
  const freq = input.tuples([...qi, ...sensitive])
  const heights = chosen.map(c => c.hierarchy.maps.length)
  // records per original code of each quasi-identifier: which values occur, the cost of a level, examples
  const records = qi.map((c, j) => codeRecords(freq, j, c.radix))
  const lm = chosen.map((c, j) => lossCosts(c.hierarchy.maps, records[j]))
  const costs = lm.map(l => l.costs)
  const scales = lm.map(l => l.scale)
  const fullCost = chosen.map((c, j) => levelCosts(records[j], c.hierarchy.maps, costs[j]))
  const evaluator = rollingEvaluator(kernels, freq, {
    quasiIdentifiers: chosen.map((c, j) => ({
      column: j, maps: c.hierarchy.maps, costs: costs[j], radices: c.hierarchy.labels.map(l => Math.max(1, l.length)),
    })),
    sensitive: sensitive.map((s, i) => ({ column: qi.length + i, radix: s.radix })),
  })
  const criteria: NodeCriteria = { k: before.k, l: judgedColumns.map(c => c.l) }
  const closeness: ClosenessCriterion | null = before.t === null ? null : {
    t: before.t,
    columns: before.sensitive.map(name => {
      const index = judgedColumns.findIndex(c => c.name === name)
      const column = sensitiveCloseness(sensitive[index], policy)
      return { index: qi.length + index, column, distance: judgedDistance(column) }
    }),
  }
  const limit = Math.floor(maxSuppression * n)
  /** With t: the classes a node keeps (null without t, or when it fails k or l beyond the limit already). */
  const kept = (levels: number[], figures: NodeFigures) => {
    if (!closeness || figures.suppressed > limit) return null
    const classes = evaluator.classTable(levels)
    return { classes, kept: keptClasses(classes, qi.length, criteria, closeness) }
  }
  /** A frequency table's coded rows are combinations, not records: the classes they keep are given by key. */
  const keptByKey = input.counts !== null
  return {
    before, qi, sensitive, chosen, heights, n, metric, criteria, maxSuppression,
    suppressionLimit: limit,
    records,
    distinctTuples: freq.counts.length,
    /** How many nodes were judged on the distinct tuples and how many on a finer node's classes. */
    rollUp: evaluator.stats,
    bound: (levels: number[]) => objectiveBound(metric, levels, heights, fullCost, scales, n),
    judge(levels: number[]): Judged {
      const kl = evaluator.evaluate(levels, criteria)
      const t = kept(levels, kl)
      const figures = t ? keptFigures(t.classes, t.kept, levels.map((h, j) => costs[j][h])) : kl
      const metrics = informationLoss(figures, levels, heights, scales, n)
      return { figures, kl, metrics, objective: objective(metric, metrics) }
    },
    /** With t, or for a frequency table: the keys of the classes the node keeps (what the coded table keeps);
     * else null (the coded table judges its rows itself). */
    keptClasses(levels: number[]): Set<string> | null {
      const t = kept(levels, evaluator.evaluate(levels, criteria)) ??
        (keptByKey ? { kept: keptClasses(evaluator.classTable(levels), qi.length, criteria, { t: 1, columns: [] }) } : null)
      return t && new Set(t.kept.keys.filter((_, c) => t.kept.kept[c]))
    },
  }
}

export function checkPolicy(policy: Policy, metric: Metric): number {
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
  if (policy.suppress === 'mark' && policy.t !== undefined) {
    throw new RiskcheckError('E_OPTION', '--suppress mark cannot be combined with --t: the class of the marked records ' +
      'could be further than t from the rest, and the search does not judge it', 'use --suppress remove')
  }
  if (policy.suppress === 'mark' && policy.person !== undefined) {
    throw new RiskcheckError('E_OPTION', '--suppress mark cannot be combined with --person: the class of the marked ' +
      'records could hold fewer than k persons, and the search does not judge it', 'use --suppress remove')
  }
  if (!METRICS.includes(metric)) {
    throw new RiskcheckError('E_OPTION', `the metric must be loss, precision or discernibility, got ${JSON.stringify(metric)}`)
  }
  return s
}

export function checkHierarchyColumns(hierarchies: Record<string, HierarchySpec>, before: RiskResult, table: Table): void {
  for (const column of Object.keys(hierarchies)) {
    if (!table.schema.fields.some(f => f.name === column)) {
      throw new RiskcheckError('E_HIERARCHY', `a hierarchy is given for column ${JSON.stringify(column)}, and ` +
        `${before.source ?? 'the table'} has no such column`)
    }
    // a sensitive column's hierarchy gives its t-closeness the hierarchical distance
    if (!before.quasiIdentifiers.includes(column) && !before.sensitive.includes(column)) {
      throw new RiskcheckError('E_HIERARCHY', `a hierarchy is given for column ${JSON.stringify(column)}, which is not a ` +
        `quasi-identifier (they are: ${before.quasiIdentifiers.join(', ')}) nor a sensitive column`,
      'name it in --qi or --sensitive, or drop its hierarchy')
    }
  }
}
