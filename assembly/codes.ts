// Per-row code loops. Code columns arrive as 1, 2 or 4 byte unsigned integers (`width`).

/** Code i of a column of `width`-byte codes. */
@inline
export function codeAt(codesPtr: usize, i: u32, width: i32): u32 {
  if (width == 1) return <u32>load<u8>(codesPtr + <usize>i)
  if (width == 2) return <u32>load<u16>(codesPtr + (<usize>i << 1))
  return load<u32>(codesPtr + (<usize>i << 2))
}

/** Set code i of a column of `width`-byte codes. */
@inline
export function storeCode(codesPtr: usize, i: u32, width: i32, code: u32): void {
  if (width == 1) store<u8>(codesPtr + <usize>i, <u8>code)
  else if (width == 2) store<u16>(codesPtr + (<usize>i << 1), <u16>code)
  else store<u32>(codesPtr + (<usize>i << 2), code)
}

/**
 * Mixed-radix key step: keys[i] = keys[i] * radix + codes[i] (or keys[i] = codes[i] when `first`).
 * The host guarantees that the result fits in 32 bits.
 */
export function mixCodes(keysPtr: usize, nRows: i32, codesPtr: usize, width: i32, radix: u32, first: bool): void {
  if (first) {
    widenCodes(codesPtr, nRows, width, keysPtr)
    return
  }
  // One loop per width keeps the branch out of the hot loop.
  if (width == 1) {
    for (let i = 0; i < nRows; i++) {
      const p = keysPtr + (<usize>i << 2)
      store<u32>(p, load<u32>(p) * radix + <u32>load<u8>(codesPtr + <usize>i))
    }
  } else if (width == 2) {
    for (let i = 0; i < nRows; i++) {
      const p = keysPtr + (<usize>i << 2)
      store<u32>(p, load<u32>(p) * radix + <u32>load<u16>(codesPtr + (<usize>i << 1)))
    }
  } else {
    for (let i = 0; i < nRows; i++) {
      const p = keysPtr + (<usize>i << 2)
      store<u32>(p, load<u32>(p) * radix + load<u32>(codesPtr + (<usize>i << 2)))
    }
  }
}

/** outU32[i] = codes[i], widening 1 or 2 byte codes to 4 bytes. */
export function widenCodes(codesPtr: usize, nRows: i32, width: i32, outPtr: usize): void {
  if (width == 4) {
    memory.copy(outPtr, codesPtr, <usize>nRows << 2)
    return
  }
  for (let i = 0; i < nRows; i++) {
    store<u32>(outPtr + (<usize>i << 2), codeAt(codesPtr, <u32>i, width))
  }
}
