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
import { chooseHierarchy } from './hierarchies.js'
import type { Policy } from './types.js'

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
  // sensitive values matter to the search only through l-diversity: the columns an l is asked of; with a
  // person column, a class must hold k distinct persons, which is distinct l-diversity of that column with l = k
  const diverse = before.sensitive.filter(name => lOf(before, name) !== null)
  const sensitive = [...diverse, ...(policy.person === undefined ? [] : [policy.person])].map(name => encodeColumn(table, name, source))
  checkHierarchyColumns(policy.hierarchies ?? {}, before, table)
  const chosen = qi.map(c => chooseHierarchy(c, policy.hierarchies?.[c.name], { baseDir: policy.baseDir }))
  const kernels = policy.kernels ?? loadKernels()
  const freq = kernels.frequencyTable([...qi, ...sensitive], n)
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
  const criteria: NodeCriteria = { k: before.k, l: sensitive.map((s, i) => i < diverse.length ? lOf(before, s.name) as number : before.k) }
  return {
    before, qi, sensitive, chosen, heights, n, metric, criteria, maxSuppression,
    suppressionLimit: Math.floor(maxSuppression * n),
    records,
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
    if (!before.quasiIdentifiers.includes(column)) {
      throw new RiskcheckError('E_HIERARCHY', `a hierarchy is given for column ${JSON.stringify(column)}, which is not a ` +
        `quasi-identifier (they are: ${before.quasiIdentifiers.join(', ')})`, 'name it in --qi, or drop its hierarchy')
    }
  }
}
