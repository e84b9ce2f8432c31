// Kernels of the generalisation search: they work on the frequency table (distinct tuples with counts),
// never on the rows. A node of the lattice remaps each quasi-identifier, regroups the tuples (classes.ts)
// and is judged here.
import { codeAt } from './codes'

/** out[i] = map[codes[i]]: the codes of one column at one generalisation level. */
export function remap(codesPtr: usize, n: i32, mapPtr: usize, outPtr: usize): void {
  for (let i = 0; i < n; i++) {
    const p = <usize>i << 2
    store<u32>(outPtr + p, load<u32>(mapPtr + (<usize>load<u32>(codesPtr + p) << 2)))
  }
}

/**
 * For the rows from .. from + n - 1 of a part (classIdsPtr points at row 0; class ids dense, below nClasses):
 * out[j] = the part's first row of class j, or 0xffffffff when it has none. The parts' tables are joined by
 * earliestRows.
 */
export function firstRows(classIdsPtr: usize, from: u32, n: i32, nClasses: i32, outPtr: usize): void {
  memory.fill(outPtr, 0xff, <usize>nClasses << 2)
  for (let i = <i32>from + n - 1; i >= <i32>from; i--) {
    store<u32>(outPtr + (<usize>load<u32>(classIdsPtr + (<usize>i << 2)) << 2), <u32>i)
  }
}

/**
 * Join the firstRows tables of `nParts` consecutive parts (`stride` bytes apart) for the classes
 * jFrom..jTo-1: the first table's entry becomes the first row of the class over all parts (the earliest
 * part that has one).
 */
export function earliestRows(tablesPtr: usize, nParts: i32, stride: usize, jFrom: u32, jTo: u32): void {
  for (let j = jFrom; j < jTo; j++) {
    const cell = <usize>j << 2
    let row = load<u32>(tablesPtr + cell)
    for (let t = 1; t < nParts && row == 0xffffffff; t++) row = load<u32>(tablesPtr + <usize>t * stride + cell)
    store<u32>(tablesPtr + cell, row)
  }
}

/** out[t] = codes[rows[t]] (u32), for the `width`-byte code column at codesPtr. */
export function gather(codesPtr: usize, width: i32, rowsPtr: usize, n: i32, outPtr: usize): void {
  for (let t = 0; t < n; t++) {
    store<u32>(outPtr + (<usize>t << 2), codeAt(codesPtr, load<u32>(rowsPtr + (<usize>t << 2)), width))
  }
}

/**
 * out[c] = number of distinct pairs among the tuples of class c, given the class id and the pair id
 * (class x sensitive value) of each tuple. `seenPtr` holds nPairs bytes.
 */
export function distinctPerClass(
  classIdsPtr: usize, pairIdsPtr: usize, n: i32, nPairs: i32, nClasses: i32, seenPtr: usize, outPtr: usize
): void {
  memory.fill(seenPtr, 0, <usize>nPairs)
  memory.fill(outPtr, 0, <usize>nClasses << 2)
  for (let t = 0; t < n; t++) {
    const pair = seenPtr + <usize>load<u32>(pairIdsPtr + (<usize>t << 2))
    if (load<u8>(pair) == 0) {
      store<u8>(pair, 1)
      const c = outPtr + (<usize>load<u32>(classIdsPtr + (<usize>t << 2)) << 2)
      store<u32>(c, load<u32>(c) + 1)
    }
  }
}

/** out[i] = 1 when the class of row i passes (fail[class] == 0), else 0; returns the rows that pass. */
export function keptOf(classIdsPtr: usize, n: i32, failPtr: usize, outPtr: usize): i32 {
  let kept: i32 = 0
  for (let i = 0; i < n; i++) {
    const pass = <i32>(load<u8>(failPtr + <usize>load<u32>(classIdsPtr + (<usize>i << 2))) == 0)
    store<u8>(outPtr + <usize>i, <u8>pass)
    kept += pass
  }
  return kept
}

/** fail[c] = 1 for the classes jFrom..jTo-1 whose value is below `threshold` (the others 0 with `reset`, else left). */
export function failBelow(valuesPtr: usize, jFrom: i32, jTo: i32, threshold: u32, failPtr: usize, reset: bool): void {
  if (reset) memory.fill(failPtr + <usize>jFrom, 0, <usize>(jTo - jFrom))
  for (let c = jFrom; c < jTo; c++) {
    if (load<u32>(valuesPtr + (<usize>c << 2)) < threshold) store<u8>(failPtr + <usize>c, 1)
  }
}

/**
 * For each block of `block` classes from jFrom (a multiple of the block) to jTo - 1, writes 4 f64
 * to outPtr (32 bytes per block, in order): records in failing classes (to suppress), failing classes, the
 * sum of the squared sizes of the passing classes (the discernibility of what is kept), the smallest passing
 * class (Infinity when none passes). The host sums the blocks in order, so that the rounding of a sum of
 * squares above 2^53 does not depend on how the blocks were shared among threads.
 */
export function suppression(sizesPtr: usize, failPtr: usize, jFrom: i32, jTo: i32, block: i32, outPtr: usize): void {
  for (let first = jFrom; first < jTo; first += block) {
    let records: f64 = 0, classes: f64 = 0, squares: f64 = 0, smallest: f64 = Infinity
    const end = min(jTo, first + block)
    for (let c = first; c < end; c++) {
      const f = <f64>load<u32>(sizesPtr + (<usize>c << 2))
      if (load<u8>(failPtr + <usize>c) != 0) {
        records += f
        classes++
      } else {
        squares += f * f
        if (f < smallest) smallest = f
      }
    }
    const out = outPtr + (<usize>((first - jFrom) / block) << 5)
    store<f64>(out, records)
    store<f64>(out, classes, 8)
    store<f64>(out, squares, 16)
    store<f64>(out, smallest, 24)
  }
}

/**
 * One column's kept records per generalised code, over the passing classes jFrom..jTo-1: records[code] +=
 * the class's size. Every tuple of a class shares its generalised codes, so the code of the class's first
 * tuple (firstRows) stands for all. `recordsPtr` holds `radix` f64 (zeroed here); counts stay exact.
 */
export function keptRecords(genPtr: usize, firstPtr: usize, sizesPtr: usize, failPtr: usize, jFrom: i32, jTo: i32,
  radix: u32, recordsPtr: usize): void {
  memory.fill(recordsPtr, 0, <usize>radix << 3)
  for (let c = jFrom; c < jTo; c++) {
    if (load<u8>(failPtr + <usize>c) == 0) {
      const at = recordsPtr + (<usize>load<u32>(genPtr + (<usize>load<u32>(firstPtr + (<usize>c << 2)) << 2)) << 3)
      store<f64>(at, load<f64>(at) + <f64>load<u32>(sizesPtr + (<usize>c << 2)))
    }
  }
}

/**
 * One column's kept loss: sum over the codes of cost[code] x the kept records with that code, summed over
 * `nParts` tables of keptRecords (radix f64 each, `stride` bytes apart). Summed in code order, so the figure
 * does not depend on how the classes were split.
 */
export function keptCost(recordsPtr: usize, nParts: i32, stride: usize, radix: u32, costPtr: usize): f64 {
  let sum: f64 = 0
  for (let code: u32 = 0; code < radix; code++) {
    let records: f64 = 0
    for (let t = 0; t < nParts; t++) records += load<f64>(recordsPtr + <usize>t * stride + (<usize>code << 3))
    if (records != 0) sum += records * load<f64>(costPtr + (<usize>code << 3))
  }
  return sum
}
