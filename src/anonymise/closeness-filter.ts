// t-closeness as a criterion of the generalisation search: which classes of a node are kept when every
// kept class must also be within t of the distribution of the records kept. Classes failing k or l go first;
// then, since removing classes changes the distribution they are compared with, classes beyond t are removed
// until none is left to remove, so that the coded table measured afterwards meets t exactly as it is judged.
import { prepareDistance } from '../closeness.js'
import type { ClosenessColumn, Distance } from '../closeness.js'
import { T_TOLERANCE } from '../risk.js'
import type { FrequencyTable, NodeCriteria, NodeFigures } from '../types.js'

/** The t asked, and the sensitive columns it is asked of: their column in the class table and distances. */
export interface ClosenessCriterion {
  t: number
  columns: { index: number; column: ClosenessColumn; distance: Distance }[]
}

/** The classes of a node: the class of each tuple, each class's records, and which are kept. */
export interface KeptClasses {
  classOf: Uint32Array
  sizes: Float64Array
  kept: Uint8Array
  /** Each class's quasi-identifier codes joined by commas (what the coded table keys rows by). */
  keys: string[]
}

/**
 * The classes of the class table `table` of a node (its first `qi` columns the quasi-identifiers at the node's
 * levels, then the evaluator's sensitive columns, whose l criteria are `criteria.l`) that are kept.
 */
export function keptClasses(table: FrequencyTable, qi: number, criteria: NodeCriteria, closeness: ClosenessCriterion): KeptClasses {
  const n = table.counts.length
  const ids = new Map<string, number>()
  const keys: string[] = []
  const classOf = new Uint32Array(n)
  for (let t = 0; t < n; t++) {
    const key = table.codes.slice(0, qi).map(c => c[t]).join(',')
    let id = ids.get(key)
    if (id === undefined) { id = keys.length; ids.set(key, id); keys.push(key) }
    classOf[t] = id
  }
  const sizes = new Float64Array(keys.length)
  classOf.forEach((c, t) => { sizes[c] += table.counts[t] })
  const kept = Uint8Array.from(sizes, size => size >= criteria.k ? 1 : 0)
  criteria.l.forEach((l, i) => {
    if (l <= 1) return
    const values = keys.map(() => new Set<number>())
    classOf.forEach((c, t) => values[c].add(table.codes[qi + i][t]))
    values.forEach((v, c) => { if (v.size < l) kept[c] = 0 })
  })
  // tuples of each class, to rebuild a class's value counts
  const tuplesOf: number[][] = keys.map(() => [])
  classOf.forEach((c, t) => tuplesOf[c].push(t))
  for (let changed = true; changed;) {
    changed = false
    for (const { index, column, distance } of closeness.columns) {
      const overall = new Float64Array(column.radix)
      classOf.forEach((c, t) => { if (kept[c]) overall[table.codes[index][t]] += table.counts[t] })
      const measure = prepareDistance(distance, column, overall)
      const counts = new Float64Array(column.radix)
      for (let c = 0; c < keys.length; c++) {
        if (!kept[c]) continue
        for (const t of tuplesOf[c]) counts[table.codes[index][t]] += table.counts[t]
        if (measure(counts) > closeness.t + T_TOLERANCE) { kept[c] = 0; changed = true }
        for (const t of tuplesOf[c]) counts[table.codes[index][t]] = 0
      }
    }
  }
  return { classOf, sizes, kept, keys }
}

/**
 * What the evaluator would return for the node if it judged t too: the figures of the classes kept.
 * `costs[j]`: the loss cost of each code of quasi-identifier j at the node's level.
 */
export function keptFigures(table: FrequencyTable, k: KeptClasses, costs: Float64Array[]): NodeFigures {
  let suppressed = 0
  let failingClasses = 0
  let keptSquares = 0
  let minKeptClassSize = Infinity
  k.sizes.forEach((size, c) => {
    if (k.kept[c]) { keptSquares += size * size; minKeptClassSize = Math.min(minKeptClassSize, size) } else { suppressed += size; failingClasses++ }
  })
  const keptCost = costs.map((cost, j) => {
    let sum = 0
    k.classOf.forEach((c, t) => { if (k.kept[c]) sum += table.counts[t] * cost[table.codes[j][t]] })
    return sum
  })
  return {
    classes: k.sizes.length, failingClasses, suppressed, keptSquares, keptCost,
    minKeptClassSize: minKeptClassSize === Infinity ? 0 : minKeptClassSize,
  }
}
