// Minimal sample uniques: for each record alone in its class, the smallest sets of quasi-identifiers on
// which it is already alone (no smaller set inside it is enough), up to a bounded size, counted per set, so
// that a reviewer reads "birth_year + arr_residence + kg1 make 1,204 records unique".
// Worked on the table of distinct tuples: a record can only be unique on a set if its whole tuple is.
import type { FrequencyTable } from './types.js'

/** One set of quasi-identifiers and the records for which it is a minimal unique set. */
export interface MinimalUniqueSet {
  columns: string[]
  records: number
}

export interface MinimalUniques {
  /** The largest set size searched. */
  maxSize: number
  /** Sets with at least one record, most records first (then smaller sets, then by name). */
  sets: MinimalUniqueSet[]
  /** recordsBySize[s - 1]: records whose smallest unique set has s columns (s = 1..maxSize). */
  recordsBySize: number[]
}

/** Default bound on the set size: sets of up to three quasi-identifiers. */
export const DEFAULT_MAX_SIZE = 3

/**
 * The minimal sample uniques of the records of `freq` (codes of the quasi-identifiers named `names`, with
 * their radices) on sets of at most `maxSize` columns.
 */
export function minimalUniques(freq: FrequencyTable, names: string[], radices: number[], maxSize = DEFAULT_MAX_SIZE): MinimalUniques {
  const p = names.length
  const size = Math.max(0, Math.min(maxSize, p))
  // only tuples of one record can be unique on a set of their columns
  const candidates: number[] = []
  freq.counts.forEach((c, t) => { if (c === 1) candidates.push(t) })
  const uniqueOn = new Map<string, Uint8Array>() // set -> per candidate: unique on it
  const counts: MinimalUniqueSet[] = []
  const smallest = new Uint8Array(candidates.length) // size of the smallest unique set, 0 for none yet
  for (const set of subsets(p, size)) {
    const unique = uniqueOnSet(freq, set, radices, candidates)
    uniqueOn.set(set.join(), unique)
    // minimal: unique on the set, and on none of the sets one column smaller (uniqueness only grows with the set)
    const smaller = set.map(j => uniqueOn.get(set.filter(i => i !== j).join()))
    let records = 0
    for (let i = 0; i < candidates.length; i++) {
      if (!unique[i] || smaller.some(u => u?.[i])) continue
      records++
      if (smallest[i] === 0) smallest[i] = set.length
    }
    if (records > 0) counts.push({ columns: set.map(j => names[j]), records })
  }
  const recordsBySize = Array.from({ length: size }, (_, s) => smallest.reduce((n, m) => n + (m === s + 1 ? 1 : 0), 0))
  counts.sort((a, b) => b.records - a.records || a.columns.length - b.columns.length ||
    a.columns.join('\u0000').localeCompare(b.columns.join('\u0000')))
  return { maxSize: size, sets: counts, recordsBySize }
}

/** The sets of 1..maxSize of p columns, smaller sets first, each as its column indices in ascending order. */
function* subsets(p: number, maxSize: number): Generator<number[]> {
  for (let s = 1; s <= maxSize; s++) {
    const set = Array.from({ length: s }, (_, i) => i)
    while (true) {
      yield [...set]
      let i = s - 1
      while (i >= 0 && set[i] === p - s + i) i--
      if (i < 0) break
      set[i]++
      for (let j = i + 1; j < s; j++) set[j] = set[j - 1] + 1
    }
  }
}

/** Per candidate tuple: whether no other record shares its values on the columns of `set`. */
function uniqueOnSet(freq: FrequencyTable, set: number[], radices: number[], candidates: number[]): Uint8Array {
  const exact = set.reduce((product, j) => product * Math.max(1, radices[j]), 1) <= Number.MAX_SAFE_INTEGER
  const keyOf = (t: number): number | string => exact
    ? set.reduce((key, j) => key * Math.max(1, radices[j]) + freq.codes[j][t], 0)
    : set.map(j => freq.codes[j][t]).join(',')
  const records = new Map<number | string, number>()
  freq.counts.forEach((c, t) => { const key = keyOf(t); records.set(key, (records.get(key) ?? 0) + c) })
  return Uint8Array.from(candidates, t => records.get(keyOf(t)) === 1 ? 1 : 0)
}
