// Encoding passes over the raw values of integer Arrow columns without nulls (src/input/encode.ts): the
// range of a column, the values it uses, its codes. `kind` names
// the values' type: 0 i8, 1 u8, 2 i16, 3 u16, 4 i32, 5 u32. Bounds and offsets are f64, which hold any
// 32-bit value exactly.

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
