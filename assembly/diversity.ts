// l-diversity of one sensitive column over the equivalence classes (Machanavajjhala et al. 2007).

import { codeAt, storeCode } from './codes'

/** out[j] = the rows of class j among these rows (classIds dense, 0..nClasses-1). */
export function countClasses(classIdsPtr: usize, nRows: i32, nClasses: i32, outPtr: usize): void {
  memory.fill(outPtr, 0, <usize>nClasses << 2)
  for (let i = 0; i < nRows; i++) {
    const c = outPtr + (<usize>load<u32>(classIdsPtr + (<usize>i << 2)) << 2)
    store<u32>(c, load<u32>(c) + 1)
  }
}

/**
 * Where each part of the rows writes each class in a counting sort by class, for the classes jFrom..jTo-1
 * (whose rows start at `start` in the sorted buffer): class j's rows of part 0, then of part 1, and so on,
 * so that every class is one run of the sorted buffer. cursors[t][j] = where part t writes class j, from the
 * parts' class counts (`nParts` tables `stride` bytes apart, in `countsPtr`; the cursors alike).
 */
export function classCursors(countsPtr: usize, nParts: i32, stride: usize, jFrom: u32, jTo: u32, start: u32, cursorsPtr: usize): void {
  let cursor = start
  for (let j = jFrom; j < jTo; j++) {
    for (let t = 0; t < nParts; t++) {
      const cell = <usize>t * stride + (<usize>j << 2)
      store<u32>(cursorsPtr + cell, cursor)
      cursor += load<u32>(countsPtr + cell)
    }
  }
}

/**
 * Counting sort of one part's sensitive codes by class: sorted[cursors[class of row i]++] = codes[i]; with
 * weights (weightsPtr not 0), each row's weight goes along to sortedWeights at the same place.
 */
export function sortByClass(classIdsPtr: usize, nRows: i32, cursorsPtr: usize, codesPtr: usize, width: i32, sortedPtr: usize,
  weightsPtr: usize, sortedWeightsPtr: usize): void {
  for (let i = 0; i < nRows; i++) {
    const c = cursorsPtr + (<usize>load<u32>(classIdsPtr + (<usize>i << 2)) << 2)
    const at = load<u32>(c)
    storeCode(sortedPtr, at, width, codeAt(codesPtr, <u32>i, width))
    if (weightsPtr != 0) store<u32>(sortedWeightsPtr + (<usize>at << 2), load<u32>(weightsPtr + (<usize>i << 2)))
    store<u32>(c, at + 1)
  }
}

/** Bytes of scratch space diversity() needs for a sensitive radix. */
export function diversityScratchBytes(radix: u32): usize {
  return (<usize>radix << 2) * 3
}

/**
 * For the classes jFrom..jTo-1 (records in sizesPtr, sorted rows in rowsPtr: the same unless rows are
 * weighted) and the sensitive codes sorted by class (`width`-byte codes below `radix`; class jFrom's start
 * at `start`, each class after the one before; each row's weight at sortedWeightsPtr, or 1 when it is 0),
 * writes 7 f64 to outPtr:
 *   0 smallest number of distinct sensitive values in a class (distinct l; Infinity without classes)
 *   1 smallest entropy H = -sum q ln q over the classes (entropy l = exp of it; Infinity without classes)
 *   2 largest r1 / (r_l + ... + r_m) over the classes that have at least l distinct values
 *   3 classes with fewer than l distinct values, 4 their records
 *   5 classes with a single sensitive value, 6 their records
 * Runs of classes can go to different threads and their figures be joined (min, min, max, then sums).
 */
export function diversity(
  sortedPtr: usize, width: i32, sizesPtr: usize, rowsPtr: usize, jFrom: u32, jTo: u32, start: u32, radix: u32, l: i32,
  scratchPtr: usize, outPtr: usize, sortedWeightsPtr: usize
): void {
  const stamp = scratchPtr
  const counts = stamp + (<usize>radix << 2)
  const seen = counts + (<usize>radix << 2)
  const sorted = sortedPtr
  memory.fill(stamp, 0xff, <usize>radix << 2)

  let minDistinct: f64 = Infinity
  let minEntropy: f64 = Infinity
  let maxRatio: f64 = 0
  let fewerClasses: f64 = 0, fewerRecords: f64 = 0
  let homogeneousClasses: f64 = 0, homogeneousRecords: f64 = 0
  for (let j = jFrom; j < jTo; j++) {
    const f = load<u32>(sizesPtr + (<usize>j << 2))
    // Count the values of this class; `stamp` marks values already met in class j.
    let m: i32 = 0
    const end = start + load<u32>(rowsPtr + (<usize>j << 2))
    for (let at = start; at < end; at++) {
      const v = <usize>codeAt(sorted, at, width)
      if (load<u32>(stamp + (v << 2)) != <u32>j) {
        store<u32>(stamp + (v << 2), <u32>j)
        store<u32>(counts + (v << 2), 0)
        store<u32>(seen + (<usize>m << 2), <u32>v)
        m++
      }
      const w: u32 = sortedWeightsPtr == 0 ? 1 : load<u32>(sortedWeightsPtr + (<usize>at << 2))
      store<u32>(counts + (v << 2), load<u32>(counts + (v << 2)) + w)
    }
    start = end
    const size = <f64>f
    let h: f64 = 0
    for (let s = 0; s < m; s++) {
      const q = <f64>load<u32>(counts + (<usize>load<u32>(seen + (<usize>s << 2)) << 2)) / size
      h -= q * Math.log(q)
    }
    if (<f64>m < minDistinct) minDistinct = <f64>m
    if (h < minEntropy) minEntropy = h
    if (m == 1) { homogeneousClasses++; homogeneousRecords += size }
    if (m < l) {
      fewerClasses++
      fewerRecords += size
    } else {
      // Move the l-1 most frequent counts to the front of `seen` (selection), then r1 / rest.
      let top: f64 = 0
      let first: f64 = 0
      for (let t = 0; t < l - 1; t++) {
        let best = t
        let bestCount = load<u32>(counts + (<usize>load<u32>(seen + (<usize>t << 2)) << 2))
        for (let s = t + 1; s < m; s++) {
          const c = load<u32>(counts + (<usize>load<u32>(seen + (<usize>s << 2)) << 2))
          if (c > bestCount) { best = s; bestCount = c }
        }
        const tmp = load<u32>(seen + (<usize>t << 2))
        store<u32>(seen + (<usize>t << 2), load<u32>(seen + (<usize>best << 2)))
        store<u32>(seen + (<usize>best << 2), tmp)
        top += <f64>bestCount
        if (t == 0) first = <f64>bestCount
      }
      if (l == 1) {
        for (let s = 0; s < m; s++) {
          const c = <f64>load<u32>(counts + (<usize>load<u32>(seen + (<usize>s << 2)) << 2))
          if (c > first) first = c
        }
      }
      const ratio = first / (size - top)
      if (ratio > maxRatio) maxRatio = ratio
    }
  }
  store<f64>(outPtr, minDistinct)
  store<f64>(outPtr, minEntropy, 8)
  store<f64>(outPtr, maxRatio, 16)
  store<f64>(outPtr, fewerClasses, 24)
  store<f64>(outPtr, fewerRecords, 32)
  store<f64>(outPtr, homogeneousClasses, 40)
  store<f64>(outPtr, homogeneousRecords, 48)
}
