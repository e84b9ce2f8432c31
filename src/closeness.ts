// t-closeness (Li, Li, Venkatasubramanian, ICDE 2007): how far the distribution of a sensitive column
// within a class may be from its distribution over the whole table; t is the largest distance (EMD) over
// the classes. Computed on the table of distinct (quasi-identifier..., sensitive) tuples.
import type { EncodedColumn, FrequencyTable } from './types.js'

/** t of one sensitive column: with the equal distance, and with the ordered distance when its values are numbers. */
export interface TCloseness {
  /** max over classes of (1/2) sum_s |q_s - p_s| (any values). */
  equal: number
  /** max over classes of (1/(m-1)) sum_i |sum_{k<=i} (q_k - p_k)|, values in numeric order; null for text. */
  ordered: number | null
}

/**
 * t-closeness of the sensitive column `table.codes[qi]` (the columns before it are the quasi-identifiers),
 * whose codes `sensitive` labels.
 */
export function tCloseness(table: FrequencyTable, qi: number, sensitive: EncodedColumn): TCloseness {
  const m = sensitive.radix
  const overall = new Float64Array(m)
  const classes = new Map<string, Float64Array>()
  table.counts.forEach((count, t) => {
    const key = table.codes.slice(0, qi).map(c => c[t]).join(',')
    let counts = classes.get(key)
    if (!counts) { counts = new Float64Array(m); classes.set(key, counts) }
    counts[table.codes[qi][t]] += count
    overall[table.codes[qi][t]] += count
  })
  const q = normalise(overall)
  const order = numericOrder(sensitive, overall)
  let equal = 0
  let ordered: number | null = order ? 0 : null
  for (const counts of classes.values()) {
    const p = normalise(counts)
    equal = Math.max(equal, equalDistance(p, q))
    if (order && ordered !== null) ordered = Math.max(ordered, orderedDistance(p, q, order))
  }
  return { equal, ordered }
}

/** EMD with every two values at distance 1: half the total variation. */
export function equalDistance(p: Float64Array, q: Float64Array): number {
  let sum = 0
  for (let s = 0; s < p.length; s++) sum += Math.abs(q[s] - p[s])
  return sum / 2
}

/** EMD with values at distance |i - j| / (m - 1) in `order` (codes, smallest value first); m values present. */
export function orderedDistance(p: Float64Array, q: Float64Array, order: number[]): number {
  if (order.length < 2) return 0
  let running = 0
  let sum = 0
  for (const code of order) {
    running += q[code] - p[code]
    sum += Math.abs(running)
  }
  return sum / (order.length - 1)
}

function label(c: EncodedColumn, code: number): string {
  return (c.labels[code] ?? '').trim()
}

function normalise(counts: Float64Array): Float64Array {
  const total = counts.reduce((a, c) => a + c, 0)
  return counts.map(c => total > 0 ? c / total : 0)
}

/** The codes of the values present (count > 0), smallest number first; null when one is not a number (or null). */
function numericOrder(c: EncodedColumn, counts: Float64Array): number[] | null {
  const values = c.labels.flatMap((label, code) => counts[code] > 0 ? [{ code, value: label === null ? NaN : Number(label) }] : [])
  if (values.some(v => label(c, v.code) === '' || !Number.isFinite(v.value))) return null
  return values.sort((a, b) => a.value - b.value).map(v => v.code)
}
