// The combinations of quasi-identifier values with fewer than k records: what a report shows only when the
// user asks it to reveal small cells.
import type { Table } from 'apache-arrow'
import { encodeColumn } from './input/encode.js'
import { loadKernels } from './kernels/wasm/index.js'
import { recordsOf } from './records.js'
import type { SmallClass } from './report/model.js'
import type { Kernels, RiskResult } from './types.js'

/** Most combinations a report lists. */
export const MAX_SMALL_CLASSES = 100

const order = new Intl.Collator('en', { numeric: true }).compare

/**
 * The classes of `table` (as analysed in `result`) with fewer than result.k records: the smallest first, then
 * by their values; at most `limit`.
 */
export function smallClasses(table: Table, result: RiskResult, limit = MAX_SMALL_CLASSES, kernels: Kernels = loadKernels()): SmallClass[] {
  const qi = result.quasiIdentifiers.map(name => encodeColumn(table, name, result.source ?? 'the table'))
  const freq = recordsOf(table, result.counts, kernels, result.source ?? 'the table').tuples(qi)
  const small: SmallClass[] = []
  freq.counts.forEach((records, t) => {
    if (records < result.k) small.push({ values: Object.fromEntries(qi.map((c, j) => [c.name, c.labels[freq.codes[j][t]]])), records })
  })
  const key = (c: SmallClass) => qi.map(q => c.values[q.name] ?? '\uffff').join('\u0000')
  return small.sort((a, b) => a.records - b.records || order(key(a), key(b))).slice(0, limit)
}
