import { codeAt } from './codes'

// Equivalence classes: turn per-row keys into dense class ids 0..J-1 and count the rows of each class.
// Every routine is exact: keys are compared whole, never merged by a hash.

/** Weight of row i: weights[i], or 1 without weights (weightsPtr 0). */
@inline
function weightOf(weightsPtr: usize, i: i32): u32 {
  return weightsPtr == 0 ? 1 : load<u32>(weightsPtr + (<usize>i << 2))
}

/**
 * Dense compaction for keys below `range`: sizes[j] becomes the number of rows (or the sum of their
 * weights) of class j, classes in key order, and, when `assignIds`, keys[i] the class id of row i.
 * `tablePtr` holds `range` u32 and is left holding class id + 1 per key (0: key absent). Returns J.
 */
export function compactDense(
  keysPtr: usize, nRows: i32, range: u32, tablePtr: usize, sizesPtr: usize, assignIds: bool, weightsPtr: usize
): i32 {
  memory.fill(tablePtr, 0, <usize>range << 2)
  for (let i = 0; i < nRows; i++) {
    const slot = tablePtr + (<usize>load<u32>(keysPtr + (<usize>i << 2)) << 2)
    store<u32>(slot, load<u32>(slot) + weightOf(weightsPtr, i))
  }
  // Weights are at least 1, so a key is present exactly when its count is not 0.
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
 * The class of `key` in an open-addressing table (linear probing from slot h), adding it as class `next`
 * when absent. An entry is the key and class id + 1 (0 marks an empty slot).
 */
@inline
function classOf<K>(tablePtr: usize, mask: u32, h: u32, key: K, next: u32): u32 {
  const entry = <usize>sizeof<K>() << 1
  while (true) {
    const slot = tablePtr + <usize>h * entry
    const stored = load<u32>(slot + sizeof<K>())
    if (stored == 0) {
      store<K>(slot, key)
      store<u32>(slot + sizeof<K>(), next + 1)
      return next
    }
    if (load<K>(slot) == key) return stored - 1
    h = (h + 1) & mask
  }
}

/** Count row i (its weight) in class `id` (a new class when id == nClasses) and make id its key; returns the class count. */
@inline
function count(keysPtr: usize, i: i32, id: u32, nClasses: u32, sizesPtr: usize, weightsPtr: usize): u32 {
  const s = sizesPtr + (<usize>id << 2)
  if (id == nClasses) {
    store<u32>(s, weightOf(weightsPtr, i))
    nClasses++
  } else {
    store<u32>(s, load<u32>(s) + weightOf(weightsPtr, i))
  }
  store<u32>(keysPtr + (<usize>i << 2), id)
  return nClasses
}

/**
 * Hash compaction for 32-bit keys of any range (classes in order of first appearance; sizes weighted as in
 * compactDense). `tablePtr` holds
 * 2^log2Capacity entries of 8 bytes; the capacity must exceed the number of distinct keys.
 */
export function compactHash(
  keysPtr: usize, nRows: i32, tablePtr: usize, log2Capacity: i32, sizesPtr: usize, weightsPtr: usize
): i32 {
  const mask: u32 = (<u32>1 << log2Capacity) - 1
  const shift: u32 = 32 - <u32>log2Capacity
  memory.fill(tablePtr, 0, <usize>8 << log2Capacity)
  let nClasses: u32 = 0
  for (let i = 0; i < nRows; i++) {
    const key = load<u32>(keysPtr + (<usize>i << 2))
    const id = classOf<u32>(tablePtr, mask, (key * 0x9e3779b1) >>> shift, key, nClasses)
    nClasses = count(keysPtr, i, id, nClasses, sizesPtr, weightsPtr)
  }
  return <i32>nClasses
}

/**
 * Combine class ids with one more code column when ids * radix no longer fits 32 bits: the pair is a
 * 64-bit key (ids < 2^32, radix < 2^32), hashed with full-key comparison. Same output as compactHash;
 * `tablePtr` holds 2^log2Capacity entries of 16 bytes.
 */
export function combineHash(
  keysPtr: usize, nRows: i32, codesPtr: usize, width: i32, radix: u32,
  tablePtr: usize, log2Capacity: i32, sizesPtr: usize, weightsPtr: usize
): i32 {
  const mask: u32 = (<u32>1 << log2Capacity) - 1
  const shift: u64 = 64 - <u64>log2Capacity
  memory.fill(tablePtr, 0, <usize>16 << log2Capacity)
  let nClasses: u32 = 0
  for (let i = 0; i < nRows; i++) {
    const key: u64 = <u64>load<u32>(keysPtr + (<usize>i << 2)) * <u64>radix + <u64>codeAt(codesPtr, <u32>i, width)
    const id = classOf<u64>(tablePtr, mask, <u32>((key * 0x9e3779b97f4a7c15) >> shift), key, nClasses)
    nClasses = count(keysPtr, i, id, nClasses, sizesPtr, weightsPtr)
  }
  return <i32>nClasses
}
