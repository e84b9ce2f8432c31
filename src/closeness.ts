// t-closeness (Li, Li, Venkatasubramanian, ICDE 2007): how far the distribution of a sensitive column
// within a class may be from its distribution over the whole table; t is the largest distance (EMD) over
// the classes. Three ground distances (risk-definitions.md): equal (any values), ordered (numbers, in
// numeric order), hierarchical (along a hierarchy of the values). Computed on the table of distinct
// (quasi-identifier..., sensitive) tuples.
import type { Hierarchy } from './hierarchy/index.js'
import type { EncodedColumn, FrequencyTable } from './types.js'

export type Distance = 'equal' | 'ordered' | 'hierarchical'

/** t of one sensitive column with each distance that applies, and the one a threshold is judged with. */
export interface TCloseness {
  /** max over classes of (1/2) sum_s |q_s - p_s| (any values). */
  equal: number
  /** max over classes of (1/(m-1)) sum_i |sum_{k<=i} (q_k - p_k)|, values in numeric order; null for text. */
  ordered: number | null
  /** max over classes of the EMD along the column's hierarchy; null without a hierarchy. */
  hierarchical: number | null
  /** The distance a t threshold is judged with: hierarchical when there is a hierarchy, else ordered for
   * numbers, else equal; and t with it. */
  distance: Distance
  t: number
}

/** What the distances need to know of a sensitive column. */
export interface ClosenessColumn {
  radix: number
  /** Codes in numeric order of their values; null for a column that is not of a number type, or has a null. */
  order: number[] | null
  /** The column's hierarchy (maps[h][code], maps[0] the identity, the last level one class), or null. */
  maps: Uint32Array[] | null
}

/** A distance prepared against the whole table's value counts: class value counts -> EMD. */
export type PreparedDistance = (classCounts: Float64Array) => number

/** Arrow types whose values are numbers (text that looks like numbers, such as codes, is not ordered). */
const NUMERIC = /^(Int|Uint|Float|Decimal)/

export function closenessColumn(column: EncodedColumn, hierarchy: Hierarchy | null = null): ClosenessColumn {
  const values = column.labels.map((label, code) => ({ code, value: label === null || label.trim() === '' ? NaN : Number(label) }))
  const numeric = NUMERIC.test(column.type) && values.every(v => Number.isFinite(v.value))
  const order = numeric ? values.sort((a, b) => a.value - b.value).map(v => v.code) : null
  return { radix: column.radix, order, maps: hierarchy?.maps ?? null }
}

/** The distance a threshold is judged with for this column. */
export function judgedDistance(c: ClosenessColumn): Distance {
  return c.maps ? 'hierarchical' : c.order ? 'ordered' : 'equal'
}

/** `kind` against the value counts of the whole table (or of the records kept). */
export function prepareDistance(kind: Distance, c: ClosenessColumn, overall: Float64Array): PreparedDistance {
  const q = normalise(overall)
  switch (kind) {
    case 'equal': return counts => equalDistance(normalise(counts), q)
    case 'ordered': {
      // m: the values present in the whole table
      const present = (c.order ?? []).filter(code => overall[code] > 0)
      return counts => orderedDistance(normalise(counts), q, present)
    }
    case 'hierarchical': {
      const maps = c.maps as Uint32Array[]
      const parents = parentsOf(maps)
      return counts => hierarchicalDistance(normalise(counts), q, maps, parents)
    }
  }
}

/**
 * t-closeness of the sensitive column `table.codes[qi]` (the columns before it are the quasi-identifiers).
 */
export function tCloseness(table: FrequencyTable, qi: number, c: ClosenessColumn): TCloseness {
  const { classes, overall } = classCounts(table, qi, c.radix)
  const largest = (kind: Distance) => {
    const d = prepareDistance(kind, c, overall)
    let t = 0
    for (const counts of classes) t = Math.max(t, d(counts))
    return t
  }
  const equal = largest('equal')
  const ordered = c.order ? largest('ordered') : null
  const hierarchical = c.maps ? largest('hierarchical') : null
  const distance = judgedDistance(c)
  return { equal, ordered, hierarchical, distance, t: { equal, ordered, hierarchical }[distance] as number }
}

/** Value counts of the sensitive column per class (classes keyed by the quasi-identifier codes) and overall. */
function classCounts(table: FrequencyTable, qi: number, radix: number): { classes: Float64Array[]; overall: Float64Array } {
  const overall = new Float64Array(radix)
  const classes = new Map<string, Float64Array>()
  table.counts.forEach((count, t) => {
    const key = table.codes.slice(0, qi).map(c => c[t]).join(',')
    let counts = classes.get(key)
    if (!counts) { counts = new Float64Array(radix); classes.set(key, counts) }
    counts[table.codes[qi][t]] += count
    overall[table.codes[qi][t]] += count
  })
  return { classes: [...classes.values()], overall }
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

/**
 * EMD along a hierarchy of height H (maps.length - 1): the extra mass of each leaf is p - q; at each inner
 * node N of level h, pos and neg are the sums of the positive and negative extras of its children, it costs
 * (h / H) * min(pos, neg), and its own extra is pos - neg. `parents[h][g]`: the class at level h + 1 of class g
 * of level h.
 */
export function hierarchicalDistance(p: Float64Array, q: Float64Array, maps: Uint32Array[], parents = parentsOf(maps)): number {
  const height = maps.length - 1
  if (height < 1) return 0
  let extra = Float64Array.from(p, (x, s) => x - q[s])
  let cost = 0
  for (let h = 1; h <= height; h++) {
    const up = parents[h - 1]
    const size = up.reduce((m, g) => Math.max(m, g + 1), 0)
    const pos = new Float64Array(size)
    const neg = new Float64Array(size)
    extra.forEach((e, child) => { if (e > 0) pos[up[child]] += e; else neg[up[child]] -= e })
    for (let g = 0; g < size; g++) cost += (h / height) * Math.min(pos[g], neg[g])
    extra = pos.map((x, g) => x - neg[g])
  }
  return cost
}

/** parents[h][g]: the class at level h + 1 above class g of level h (hierarchies are nested). */
export function parentsOf(maps: Uint32Array[]): Uint32Array[] {
  return maps.slice(0, -1).map((map, h) => {
    const size = map.reduce((m, g) => Math.max(m, g + 1), 0)
    const up = new Uint32Array(size)
    map.forEach((g, code) => { up[g] = maps[h + 1][code] })
    return up
  })
}

function normalise(counts: Float64Array): Float64Array {
  const total = counts.reduce((a, c) => a + c, 0)
  return counts.map(c => total > 0 ? c / total : 0)
}
