// Information-loss metrics of risk-definitions.md, computed from what the evaluator returns for a node.
import type { FrequencyTable, NodeFigures } from '../types.js'

/** The metric the search minimises. */
export type Metric = 'loss' | 'precision' | 'discernibility'
export const METRICS: Metric[] = ['loss', 'precision', 'discernibility']

/** The three metrics of one node. Loss and precision are per column too. */
export interface InformationLoss {
  /** Iyengar's LM (ARX's "Loss"): mean over the quasi-identifiers of the mean cell loss; 0 = nothing lost. */
  loss: number
  /** Sweeney's precision: 1 - mean over quasi-identifiers and records of level / height; 1 = nothing lost. */
  precision: number
  /** Discernibility: sum of the squared sizes of the classes kept + rows x records suppressed. */
  discernibility: number
  /** Per quasi-identifier, in order: its LM and its precision. */
  columns: { loss: number; precision: number }[]
}

/**
 * LM cost of each generalised class at each level of one column, in whole units: (original values under it
 * - 1), counting only the values present in the data (records[code] > 0); divided by `scale` (distinct
 * original values - 1) it is the LM of a cell. Whole units make the sums exact, so the loss of a node does
 * not depend on the order in which its records were added up (judged on the tuples or rolled up).
 */
export function lossCosts(maps: Uint32Array[], records: Float64Array): { costs: Float64Array[]; scale: number } {
  const distinct = records.reduce((a, r) => a + (r > 0 ? 1 : 0), 0)
  const costs = maps.map(map => {
    const leaves = new Float64Array(Math.max(0, ...map) + 1)
    map.forEach((g, code) => { if (records[code] > 0) leaves[g]++ })
    return leaves.map(n => Math.max(0, n - 1))
  })
  return { costs, scale: Math.max(1, distinct - 1) }
}

/** Records with each code of column `column` of the frequency table (length `radix`). */
export function codeRecords(table: FrequencyTable, column: number, radix: number): Float64Array {
  const records = new Float64Array(radix)
  table.codes[column].forEach((code, t) => { records[code] += table.counts[t] })
  return records
}

/** Per level: the LM cost of the whole column at that level if no record were suppressed (x rows). */
export function levelCosts(records: Float64Array, maps: Uint32Array[], costs: Float64Array[]): number[] {
  return maps.map((map, h) => records.reduce((sum, r, code) => sum + r * costs[h][map[code]], 0))
}

/**
 * The metrics of a node at `levels` (heights: levels per column) from the evaluator's figures, over n rows;
 * `scales`: each column's lossCosts() scale.
 */
export function informationLoss(f: NodeFigures, levels: number[], heights: number[], scales: number[], n: number): InformationLoss {
  const s = f.suppressed
  const columns = levels.map((h, j) => ({
    loss: (f.keptCost[j] / scales[j] + s) / n,
    precision: 1 - ((n - s) * h / (heights[j] - 1) + s) / n,
  }))
  const mean = (xs: number[]) => xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0
  return {
    loss: mean(columns.map(c => c.loss)),
    precision: mean(columns.map(c => c.precision)),
    discernibility: f.keptSquares + n * s,
    columns,
  }
}

/** The figure the search minimises for `metric`. */
export function objective(metric: Metric, m: InformationLoss): number {
  return metric === 'loss' ? m.loss : metric === 'precision' ? 1 - m.precision : m.discernibility
}

/**
 * A lower bound of objective() at `levels` known without evaluating the node: the cost with no record
 * suppressed (a suppressed cell costs 1, the most a cell can cost). `fullCost[j][h]`: levelCosts() of column j,
 * in the units of lossCosts(), divided by `scales[j]`.
 * Discernibility has no such bound cheaper than the node itself: n (every record costs at least 1).
 */
export function objectiveBound(metric: Metric, levels: number[], heights: number[], fullCost: number[][], scales: number[],
  n: number): number {
  if (metric === 'discernibility') return n
  const m = levels.length
  if (m === 0) return 0
  if (metric === 'loss') return levels.reduce((a, h, j) => a + fullCost[j][h] / scales[j], 0) / n / m
  return levels.reduce((a, h, j) => a + h / (heights[j] - 1), 0) / m
}
