// l-diversity of one sensitive column over the equivalence classes (Machanavajjhala et al. 2007).

import { codeAt, storeCode } from './codes'

/** Bytes of scratch space diversity() needs. */
export function diversityScratchBytes(nRows: i32, nClasses: i32, radix: u32, width: i32): usize {
  return ((<usize>nClasses + 1) << 2) + ((<usize>nRows * <usize>width + 3) & ~(<usize>3)) + (<usize>radix << 2) * 3
}

/**
 * For the classes given by classIds (dense, 0..nClasses-1, sizes in sizesPtr) and one sensitive code
 * column (`width`-byte codes below `radix`), writes 7 f64 to outPtr:
 *   0 smallest number of distinct sensitive values in a class (distinct l)
 *   1 smallest entropy H = -sum q ln q over the classes (entropy l = exp of it)
 *   2 largest r1 / (r_l + ... + r_m) over the classes that have at least l distinct values
 *   3 classes with fewer than l distinct values, 4 their records
 *   5 classes with a single sensitive value, 6 their records
 */
export function diversity(
  classIdsPtr: usize, nRows: i32, nClasses: i32, sizesPtr: usize,
  codesPtr: usize, width: i32, radix: u32, l: i32, scratchPtr: usize, outPtr: usize
): void {
  const cursor = scratchPtr
  const sorted = cursor + ((<usize>nClasses + 1) << 2)
  const stamp = sorted + ((<usize>nRows * <usize>width + 3) & ~(<usize>3))
  const counts = stamp + (<usize>radix << 2)
  const seen = counts + (<usize>radix << 2)

  // Counting sort of the sensitive codes by class: class j's codes land in sorted[start_j .. start_j + f_j).
  let start: u32 = 0
  for (let j = 0; j < nClasses; j++) {
    store<u32>(cursor + (<usize>j << 2), start)
    start += load<u32>(sizesPtr + (<usize>j << 2))
  }
  for (let i = 0; i < nRows; i++) {
    const c = cursor + (<usize>load<u32>(classIdsPtr + (<usize>i << 2)) << 2)
    const at = load<u32>(c)
    storeCode(sorted, at, width, codeAt(codesPtr, <u32>i, width))
    store<u32>(c, at + 1)
  }
  memory.fill(stamp, 0xff, <usize>radix << 2)

  let minDistinct: f64 = Infinity
  let minEntropy: f64 = Infinity
  let maxRatio: f64 = 0
  let fewerClasses: f64 = 0, fewerRecords: f64 = 0
  let homogeneousClasses: f64 = 0, homogeneousRecords: f64 = 0
  let end: u32 = 0
  for (let j = 0; j < nClasses; j++) {
    const f = load<u32>(sizesPtr + (<usize>j << 2))
    const begin = end
    end += f
    // Count the values of this class; `stamp` marks values already met in class j.
    let m: i32 = 0
    for (let at = begin; at < end; at++) {
      const v = <usize>codeAt(sorted, at, width)
      if (load<u32>(stamp + (v << 2)) != <u32>j) {
        store<u32>(stamp + (v << 2), <u32>j)
        store<u32>(counts + (v << 2), 0)
        store<u32>(seen + (<usize>m << 2), <u32>v)
        m++
      }
      store<u32>(counts + (v << 2), load<u32>(counts + (v << 2)) + 1)
    }
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
  store<f64>(outPtr, nClasses == 0 ? 0 : minDistinct)
  store<f64>(outPtr, nClasses == 0 ? 0 : minEntropy, 8)
  store<f64>(outPtr, maxRatio, 16)
  store<f64>(outPtr, fewerClasses, 24)
  store<f64>(outPtr, fewerRecords, 32)
  store<f64>(outPtr, homogeneousClasses, 40)
  store<f64>(outPtr, homogeneousRecords, 48)
}
