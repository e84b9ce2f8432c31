// Encoding passes over the raw values of Arrow columns without nulls (src/input/encode.ts): the range
// of an integer column, the values it uses, its codes; and the distinct values of a column of fixed-width
// values. `kind` names an integer type: 0 i8, 1 u8, 2 i16, 3 u16, 4 i32, 5 u32. Bounds and offsets are
// f64, which hold any 32-bit value exactly.

import { classOf, home } from './classes'
import { storeCode } from './codes'

@inline
function at<T>(ptr: usize, i: i32): i64 {
  return <i64>load<T>(ptr + (<usize>i << alignof<T>()))
}

function boundsOf<T>(ptr: usize, n: i32, outPtr: usize): void {
  let min: i64 = at<T>(ptr, 0)
  let max: i64 = min
  for (let i = 1; i < n; i++) {
    const v = at<T>(ptr, i)
    min = select<i64>(v, min, v < min)
    max = select<i64>(v, max, v > max)
  }
  store<f64>(outPtr, <f64>min)
  store<f64>(outPtr, <f64>max, 8)
}

/** out (2 f64): the smallest and the largest of n values (n at least 1). */
export function intBounds(ptr: usize, n: i32, kind: i32, outPtr: usize): void {
  if (kind == 0) boundsOf<i8>(ptr, n, outPtr)
  else if (kind == 1) boundsOf<u8>(ptr, n, outPtr)
  else if (kind == 2) boundsOf<i16>(ptr, n, outPtr)
  else if (kind == 3) boundsOf<u16>(ptr, n, outPtr)
  else if (kind == 4) boundsOf<i32>(ptr, n, outPtr)
  else boundsOf<u32>(ptr, n, outPtr)
}

function markOf<T>(ptr: usize, n: i32, min: i64, usedPtr: usize): void {
  for (let i = 0; i < n; i++) store<u8>(usedPtr + <usize>(at<T>(ptr, i) - min), 1)
}

/** used[v - min] = 1 for each of n values v (all at least min; `usedPtr` covers min .. max). */
export function markInts(ptr: usize, n: i32, kind: i32, min: f64, usedPtr: usize): void {
  const base = <i64>min
  if (kind == 0) markOf<i8>(ptr, n, base, usedPtr)
  else if (kind == 1) markOf<u8>(ptr, n, base, usedPtr)
  else if (kind == 2) markOf<i16>(ptr, n, base, usedPtr)
  else if (kind == 3) markOf<u16>(ptr, n, base, usedPtr)
  else if (kind == 4) markOf<i32>(ptr, n, base, usedPtr)
  else markOf<u32>(ptr, n, base, usedPtr)
}

function codesOf<T>(ptr: usize, n: i32, min: i64, codeOfPtr: usize, outPtr: usize, width: i32): void {
  for (let i = 0; i < n; i++) {
    storeCode(outPtr, <u32>i, width, load<u32>(codeOfPtr + (<usize>(at<T>(ptr, i) - min) << 2)))
  }
}

/** out[i] = codeOf[v - min] for each of n values v, as `width`-byte codes. */
export function intCodes(ptr: usize, n: i32, kind: i32, min: f64, codeOfPtr: usize, outPtr: usize, width: i32): void {
  const base = <i64>min
  if (kind == 0) codesOf<i8>(ptr, n, base, codeOfPtr, outPtr, width)
  else if (kind == 1) codesOf<u8>(ptr, n, base, codeOfPtr, outPtr, width)
  else if (kind == 2) codesOf<i16>(ptr, n, base, codeOfPtr, outPtr, width)
  else if (kind == 3) codesOf<u16>(ptr, n, base, codeOfPtr, outPtr, width)
  else if (kind == 4) codesOf<i32>(ptr, n, base, codeOfPtr, outPtr, width)
  else codesOf<u32>(ptr, n, base, codeOfPtr, outPtr, width)
}

function distinctOf<K>(ptr: usize, n: i32, tablePtr: usize, log2: i32, idsPtr: usize, firstPtr: usize): i32 {
  const mask: u32 = (<u32>1 << log2) - 1
  const room: u32 = <u32>1 << (log2 - 1)
  memory.fill(tablePtr, 0, (<usize>sizeof<K>() << 1) << log2)
  let count: u32 = 0
  for (let i = 0; i < n; i++) {
    const key = load<K>(ptr + (<usize>i << alignof<K>()))
    const id = classOf<K>(tablePtr, mask, home<K>(key, log2), key, count)
    if (id == count) {
      if (count == room) return -1
      store<u32>(firstPtr + (<usize>id << 2), <u32>i)
      count++
    }
    store<u32>(idsPtr + (<usize>i << 2), id)
  }
  return <i32>count
}

/** The 16-byte values (decimal128): entries of 32 bytes, the two halves of the key then id + 1. */
function distinct128(ptr: usize, n: i32, tablePtr: usize, log2: i32, idsPtr: usize, firstPtr: usize): i32 {
  const mask: u32 = (<u32>1 << log2) - 1
  const room: u32 = <u32>1 << (log2 - 1)
  memory.fill(tablePtr, 0, <usize>32 << log2)
  let count: u32 = 0
  for (let i = 0; i < n; i++) {
    const lo = load<u64>(ptr + (<usize>i << 4))
    const hi = load<u64>(ptr + (<usize>i << 4), 8)
    let h = home<u64>(lo ^ (hi * 0xc2b2ae3d27d4eb4f), log2)
    let id: u32 = 0
    while (true) {
      const slot = tablePtr + (<usize>h << 5)
      const stored = load<u32>(slot, 16)
      if (stored == 0) {
        if (count == room) return -1
        store<u64>(slot, lo)
        store<u64>(slot, hi, 8)
        store<u32>(slot, count + 1, 16)
        store<u32>(firstPtr + (<usize>count << 2), <u32>i)
        id = count++
        break
      }
      if (load<u64>(slot) == lo && load<u64>(slot, 8) == hi) { id = stored - 1; break }
      h = (h + 1) & mask
    }
    store<u32>(idsPtr + (<usize>i << 2), id)
  }
  return <i32>count
}

/**
 * The distinct bit patterns among n values of `bytes` bytes (4, 8 or 16), numbered by first appearance
 * (the host merges patterns that are one value, as -0 and 0 are): ids[i] = the number of value i,
 * first[id] = the row where it first appears. The table holds 2^log2 entries of 2 x bytes; returns the
 * count, or -1 when more than half the table would be needed (the host then tries a larger one).
 */
export function distinctValues(ptr: usize, n: i32, bytes: i32, tablePtr: usize, log2: i32, idsPtr: usize, firstPtr: usize): i32 {
  if (bytes == 4) return distinctOf<u32>(ptr, n, tablePtr, log2, idsPtr, firstPtr)
  if (bytes == 8) return distinctOf<u64>(ptr, n, tablePtr, log2, idsPtr, firstPtr)
  return distinct128(ptr, n, tablePtr, log2, idsPtr, firstPtr)
}
