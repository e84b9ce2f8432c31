import { codeAt } from './codes'

// Equivalence classes: turn per-row keys into dense class ids 0..J-1 and count the rows of each class.
// Every routine is exact: keys are compared whole, never merged by a hash.

/**
 * Dense compaction for keys below `range`: sizes[j] becomes the number of rows of class j (classes in key
 * order) and, when `assignIds`, keys[i] the class id of row i. `tablePtr` holds `range` u32. Returns J.
 */
export function compactDense(keysPtr: usize, nRows: i32, range: u32, tablePtr: usize, sizesPtr: usize, assignIds: bool): i32 {
  memory.fill(tablePtr, 0, <usize>range << 2)
  for (let i = 0; i < nRows; i++) {
    const slot = tablePtr + (<usize>load<u32>(keysPtr + (<usize>i << 2)) << 2)
    store<u32>(slot, load<u32>(slot) + 1)
  }
  let nClasses: u32 = 0
  for (let key: u32 = 0; key < range; key++) {
    const slot = tablePtr + (<usize>key << 2)
    const count = load<u32>(slot)
    if (count != 0) {
      store<u32>(sizesPtr + (<usize>nClasses << 2), count)
      nClasses++
      store<u32>(slot, nClasses)
    }
  }
  if (assignIds) {
    for (let i = 0; i < nRows; i++) {
      const p = keysPtr + (<usize>i << 2)
      store<u32>(p, load<u32>(tablePtr + (<usize>load<u32>(p) << 2)) - 1)
    }
  }
  return <i32>nClasses
}

/**
 * Hash compaction for 32-bit keys of any range (open addressing, linear probing, classes in order of
 * first appearance). `tablePtr` holds 2^log2Capacity entries of 8 bytes; capacity must exceed nRows.
 */
export function compactHash(keysPtr: usize, nRows: i32, tablePtr: usize, log2Capacity: i32, sizesPtr: usize): i32 {
  const mask: u32 = (<u32>1 << log2Capacity) - 1
  const shift: u32 = 32 - <u32>log2Capacity
  memory.fill(tablePtr, 0, <usize>8 << log2Capacity)
  let nClasses: u32 = 0
  for (let i = 0; i < nRows; i++) {
    const p = keysPtr + (<usize>i << 2)
    const key = load<u32>(p)
    let h: u32 = (key * 0x9e3779b1) >>> shift
    let id: u32 = 0
    while (true) {
      const slot = tablePtr + (<usize>h << 3)
      const stored = load<u32>(slot, 4)
      if (stored == 0) {
        nClasses++
        store<u32>(slot, key)
        store<u32>(slot, nClasses, 4)
        store<u32>(sizesPtr + (<usize>(nClasses - 1) << 2), 0)
        id = nClasses - 1
        break
      }
      if (load<u32>(slot) == key) {
        id = stored - 1
        break
      }
      h = (h + 1) & mask
    }
    const s = sizesPtr + (<usize>id << 2)
    store<u32>(s, load<u32>(s) + 1)
    store<u32>(p, id)
  }
  return <i32>nClasses
}

/**
 * Combine class ids with one more code column when ids * radix no longer fits 32 bits: the pair is a
 * 64-bit key (ids < 2^32, radix <= 2^32), hashed with full-key comparison. Same output as compactHash;
 * `tablePtr` holds 2^log2Capacity entries of 16 bytes.
 */
export function combineHash(
  keysPtr: usize, nRows: i32, codesPtr: usize, width: i32, radix: u32,
  tablePtr: usize, log2Capacity: i32, sizesPtr: usize
): i32 {
  const mask: u64 = (<u64>1 << log2Capacity) - 1
  const shift: u64 = 64 - <u64>log2Capacity
  memory.fill(tablePtr, 0, <usize>16 << log2Capacity)
  let nClasses: u32 = 0
  for (let i = 0; i < nRows; i++) {
    const p = keysPtr + (<usize>i << 2)
    const key: u64 = <u64>load<u32>(p) * <u64>radix + <u64>codeAt(codesPtr, <u32>i, width)
    let h: u64 = (key * 0x9e3779b97f4a7c15) >> shift
    let id: u32 = 0
    while (true) {
      const slot = tablePtr + (<usize>h << 4)
      const stored = load<u32>(slot, 8)
      if (stored == 0) {
        nClasses++
        store<u64>(slot, key)
        store<u32>(slot, nClasses, 8)
        store<u32>(sizesPtr + (<usize>(nClasses - 1) << 2), 0)
        id = nClasses - 1
        break
      }
      if (load<u64>(slot) == key) {
        id = stored - 1
        break
      }
      h = (h + 1) & mask
    }
    const s = sizesPtr + (<usize>id << 2)
    store<u32>(s, load<u32>(s) + 1)
    store<u32>(p, id)
  }
  return <i32>nClasses
}
