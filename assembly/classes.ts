import { codeAt } from './codes'

// Equivalence classes: turn per-row keys into dense class ids 0..J-1 and count the rows of each class.
// Every routine is exact: keys are compared whole, never merged by a hash.
//
// Each routine works on a run of rows (or keys), so that the host can split the work into parts, one per
// thread, and join the parts: each part counts into a dense table of its own, and the tables are summed
// as runs of keys are numbered; hashed parts are merged in part order (mergeHash*). Either way the classes,
// their sizes and their ids are those one pass over all rows gives.

/** Weight of row i: weights[i], or 1 without weights (weightsPtr 0). */
@inline
function weightOf(weightsPtr: usize, i: i32): u32 {
  return weightsPtr == 0 ? 1 : load<u32>(weightsPtr + (<usize>i << 2))
}

/** table[key] = the rows (or the sum of their weights) with that key, for keys below `range`. */
export function countDense(keysPtr: usize, nRows: i32, range: u32, tablePtr: usize, weightsPtr: usize): void {
  memory.fill(tablePtr, 0, <usize>range << 2)
  for (let i = 0; i < nRows; i++) {
    const slot = tablePtr + (<usize>load<u32>(keysPtr + (<usize>i << 2)) << 2)
    store<u32>(slot, load<u32>(slot) + weightOf(weightsPtr, i))
  }
}

/** The count of `key` summed over `nTables` tables that start `stride` u32 apart. */
@inline
function summed(tablesPtr: usize, nTables: i32, stride: u32, key: u32): u32 {
  let count: u32 = 0
  for (let t = 0; t < nTables; t++) count += load<u32>(tablesPtr + <usize>t * (<usize>stride << 2) + (<usize>key << 2))
  return count
}

/** The keys present (counted in any of the `nTables` tables of countDense, `stride` u32 apart) among from .. from + count - 1. */
export function presentKeys(tablesPtr: usize, nTables: i32, stride: u32, from: u32, count: u32): u32 {
  let present: u32 = 0
  for (let key = from; key < from + count; key++) if (summed(tablesPtr, nTables, stride, key) != 0) present++
  return present
}

/**
 * Number the keys from .. from + count - 1 counted in any of `nTables` tables of countDense, in key order,
 * from class id `firstId` on: sizes[id] = the key's summed count, and the first table is left holding class
 * id + 1 per key (0: key absent). Runs of keys numbered with firstId = the keys present before them
 * (presentKeys) number the whole table. Returns the id after the run's last class.
 */
export function numberDense(tablesPtr: usize, nTables: i32, stride: u32, from: u32, count: u32, firstId: u32, sizesPtr: usize): u32 {
  let id = firstId
  for (let key = from; key < from + count; key++) {
    const c = summed(tablesPtr, nTables, stride, key)
    // Weights are at least 1, so a key is present exactly when its count is not 0.
    if (c != 0) {
      store<u32>(sizesPtr + (<usize>id << 2), c)
      id++
    }
    store<u32>(tablesPtr + (<usize>key << 2), c != 0 ? id : 0)
  }
  return id
}

/** keys[i] = the class id of key keys[i], from a table numbered by numberDense. */
export function assignDense(keysPtr: usize, nRows: i32, tablePtr: usize): void {
  for (let i = 0; i < nRows; i++) {
    const p = keysPtr + (<usize>i << 2)
    store<u32>(p, load<u32>(tablePtr + (<usize>load<u32>(p) << 2)) - 1)
  }
}

/**
 * The class of `key` in an open-addressing table (linear probing from slot h), adding it as class `next`
 * when absent. An entry is the key and class id + 1 (0 marks an empty slot).
 */
@inline
export function classOf<K>(tablePtr: usize, mask: u32, h: u32, key: K, next: u32): u32 {
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

/** The home slot of a 32-bit or 64-bit key in a table of 2^log2Capacity entries (Fibonacci hashing). */
@inline
export function home<K>(key: K, log2Capacity: i32): u32 {
  if (sizeof<K>() == 8) return <u32>((<u64>key * 0x9e3779b97f4a7c15) >> (64 - <u64>log2Capacity))
  return (<u32>key * 0x9e3779b1) >>> (32 - <u32>log2Capacity)
}

/**
 * Count `weight` in class `id` (a new class when id == nClasses, whose key goes to classKeys unless that
 * is 0); returns the class count.
 */
@inline
function add<K>(id: u32, nClasses: u32, weight: u32, key: K, sizesPtr: usize, classKeysPtr: usize): u32 {
  const s = sizesPtr + (<usize>id << 2)
  if (id == nClasses) {
    store<u32>(s, weight)
    if (classKeysPtr != 0) store<K>(classKeysPtr + (<usize>id << alignof<K>()), key)
    return nClasses + 1
  }
  store<u32>(s, load<u32>(s) + weight)
  return nClasses
}

/**
 * Hash compaction for 32-bit keys of any range: keys[i] becomes the class id (classes in order of first
 * appearance), sizes[j] the rows (or weights) of class j, and classKeys[j] (u32, unless 0) its key.
 * `tablePtr` holds 2^log2Capacity entries of 8 bytes; the capacity must exceed the number of distinct keys.
 */
export function compactHash(
  keysPtr: usize, nRows: i32, tablePtr: usize, log2Capacity: i32, sizesPtr: usize, weightsPtr: usize, classKeysPtr: usize
): i32 {
  const mask: u32 = (<u32>1 << log2Capacity) - 1
  memory.fill(tablePtr, 0, <usize>8 << log2Capacity)
  let nClasses: u32 = 0
  for (let i = 0; i < nRows; i++) {
    const p = keysPtr + (<usize>i << 2)
    const key = load<u32>(p)
    const id = classOf<u32>(tablePtr, mask, home<u32>(key, log2Capacity), key, nClasses)
    nClasses = add<u32>(id, nClasses, weightOf(weightsPtr, i), key, sizesPtr, classKeysPtr)
    store<u32>(p, id)
  }
  return <i32>nClasses
}

/**
 * Combine class ids with one more code column when ids * radix no longer fits 32 bits: the pair is a
 * 64-bit key (ids < 2^32, radix < 2^32), hashed with full-key comparison. Same output as compactHash, with
 * u64 classKeys; `tablePtr` holds 2^log2Capacity entries of 16 bytes.
 */
export function combineHash(
  keysPtr: usize, nRows: i32, codesPtr: usize, width: i32, radix: u32,
  tablePtr: usize, log2Capacity: i32, sizesPtr: usize, weightsPtr: usize, classKeysPtr: usize
): i32 {
  const mask: u32 = (<u32>1 << log2Capacity) - 1
  memory.fill(tablePtr, 0, <usize>16 << log2Capacity)
  let nClasses: u32 = 0
  for (let i = 0; i < nRows; i++) {
    const p = keysPtr + (<usize>i << 2)
    const key: u64 = <u64>load<u32>(p) * <u64>radix + <u64>codeAt(codesPtr, <u32>i, width)
    const id = classOf<u64>(tablePtr, mask, home<u64>(key, log2Capacity), key, nClasses)
    nClasses = add<u64>(id, nClasses, weightOf(weightsPtr, i), key, sizesPtr, classKeysPtr)
    store<u32>(p, id)
  }
  return <i32>nClasses
}

/**
 * Merge the classes of one part (its keys and sizes, as compactHash or combineHash left them) into the
 * classes of the parts before it: map[c] = the merged id of the part's class c; returns the merged class
 * count. Merging parts in row order numbers classes by first appearance over all rows. `clear` empties the
 * table first (for the first part).
 */
@inline
function mergeHash<K>(
  tablePtr: usize, log2Capacity: i32, clear: bool, classKeysPtr: usize, nPart: i32, partSizesPtr: usize,
  sizesPtr: usize, nClasses: u32, mapPtr: usize
): i32 {
  const mask: u32 = (<u32>1 << log2Capacity) - 1
  if (clear) memory.fill(tablePtr, 0, (<usize>sizeof<K>() << 1) << log2Capacity)
  for (let c = 0; c < nPart; c++) {
    const key = load<K>(classKeysPtr + (<usize>c << alignof<K>()))
    const id = classOf<K>(tablePtr, mask, home<K>(key, log2Capacity), key, nClasses)
    nClasses = add<K>(id, nClasses, load<u32>(partSizesPtr + (<usize>c << 2)), key, sizesPtr, 0)
    store<u32>(mapPtr + (<usize>c << 2), id)
  }
  return <i32>nClasses
}

/** mergeHash for the 32-bit keys of compactHash (tables of 8-byte entries). */
export function mergeHash32(
  tablePtr: usize, log2Capacity: i32, clear: bool, classKeysPtr: usize, nPart: i32, partSizesPtr: usize,
  sizesPtr: usize, nClasses: u32, mapPtr: usize
): i32 {
  return mergeHash<u32>(tablePtr, log2Capacity, clear, classKeysPtr, nPart, partSizesPtr, sizesPtr, nClasses, mapPtr)
}

/** mergeHash for the 64-bit keys of combineHash (tables of 16-byte entries). */
export function mergeHash64(
  tablePtr: usize, log2Capacity: i32, clear: bool, classKeysPtr: usize, nPart: i32, partSizesPtr: usize,
  sizesPtr: usize, nClasses: u32, mapPtr: usize
): i32 {
  return mergeHash<u64>(tablePtr, log2Capacity, clear, classKeysPtr, nPart, partSizesPtr, sizesPtr, nClasses, mapPtr)
}
