// The passes of encoding (src/input/encode.ts) over Arrow chunks without nulls, in WebAssembly: the
// chunks of one column are copied one after another into the scratch instance, the kernels of
// assembly/encode.ts pass over them, and what they find is copied out.
import type { CodeChunk } from '../../types.js'
import { arena, guard, scratchInstance } from './instance.js'
import type { Arena, Exports } from './instance.js'

/** The values of a column of integers of 32 bits or fewer. */
export type IntChunk = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

/** The kinds of integer the kernels read; u32 is also the kind of the ids of distinctValues. */
const KINDS = [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array]
const U32 = 5

/** The bytes of one column's chunks (`rowBytes` per row), one after another in the scratch instance. */
function loaded(chunks: ArrayBufferView[], rowBytes: number, what: string) {
  const x = scratchInstance()
  x.reset()
  const mem = arena(x, what)
  const bytes = chunks.reduce((a, c) => a + c.byteLength, 0)
  const ptr = mem.alloc(Math.max(bytes, 1))
  let at = 0
  for (const c of chunks) {
    mem.bytes(ptr + at, c.byteLength).set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength))
    at += c.byteLength
  }
  return { x, mem, ptr, rows: bytes / rowBytes, lengths: chunks.map(c => c.byteLength / rowBytes) }
}

/** Each chunk's codes codeOf[v - min], for the values of `kind` at ptr, `width` bytes each. */
function codesOut(x: Exports, mem: Arena, at: { ptr: number; rows: number; lengths: number[] }, kind: number, min: number,
  codeOf: Int32Array | Uint32Array, width: 1 | 2 | 4): CodeChunk[] {
  const table = mem.alloc(Math.max(codeOf.byteLength, 4))
  mem.bytes(table, codeOf.byteLength).set(new Uint8Array(codeOf.buffer, codeOf.byteOffset, codeOf.byteLength))
  const out = mem.alloc(at.rows * width)
  x.intCodes(at.ptr, at.rows, kind, min, table, out, width)
  const View = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Uint32Array
  let row = 0
  return at.lengths.map(length => {
    const codes = new View(mem.bytes(out + row * width, length * width).slice().buffer)
    row += length
    return codes
  })
}

/** Integer chunks (one type, none empty) of one column: their bounds, the values they use, their codes. */
export function intValues(chunks: IntChunk[], what: string) {
  const kind = KINDS.findIndex(K => chunks[0] instanceof K)
  const at = loaded(chunks, chunks[0].BYTES_PER_ELEMENT, what)
  const { x, mem, ptr, rows } = at
  return {
    /** The smallest and the largest value. */
    bounds: (): [number, number] => guard(() => {
      const out = mem.alloc(16)
      x.intBounds(ptr, rows, kind, out)
      const [min, max] = mem.f64(out, 2)
      return [min, max]
    }),
    /** used[v - min] = 1 for each value v, over min .. min + range - 1 (every value lies there). */
    markUsed: (min: number, used: Uint8Array) => guard(() => {
      const p = mem.alloc(used.length)
      mem.bytes(p, used.length).set(used)
      x.markInts(ptr, rows, kind, min, p)
      used.set(mem.bytes(p, used.length))
    }),
    /** Each chunk's codes codeOf[v - min], `width` bytes each. */
    codes: (min: number, codeOf: Int32Array, width: 1 | 2 | 4): CodeChunk[] => guard(() => codesOut(x, mem, at, kind, min, codeOf, width)),
  }
}

/**
 * The distinct bit patterns of chunks (none empty) of fixed-width values, `rowBytes` (4, 8 or 16) each:
 * `first` holds the row (over the chunks one after another) where each first appears, in that order;
 * `codes` gives each chunk's codes from the code of each pattern. Null when the patterns are more than
 * about an eighth of the rows.
 */
export function distinctValues(chunks: ArrayBufferView[], rowBytes: 4 | 8 | 16, what: string) {
  const loadedChunks = loaded(chunks, rowBytes, what)
  const { x, mem, ptr, rows } = loadedChunks
  return guard(() => {
    const ids = mem.alloc(rows * 4)
    const first = mem.alloc(rows * 4)
    const top = x.mark()
    // a table for up to 2^16 values first, then 16 times larger each time it fills up, up to one with room
    // for an eighth of the rows
    const most = Math.max(17, Math.ceil(Math.log2(Math.max(rows / 8, 1))) + 1)
    for (let log2 = 17; ; log2 = Math.min(log2 + 4, most)) {
      x.release(top)
      const count = x.distinctValues(ptr, rows, rowBytes, mem.alloc(2 * rowBytes * 2 ** log2), log2, ids, first)
      if (count < 0 && log2 >= most) return null
      if (count < 0) continue
      return {
        first: mem.u32(first, count).slice(),
        codes: (codeOf: Uint32Array, width: 1 | 2 | 4): CodeChunk[] =>
          guard(() => codesOut(x, mem, { ptr: ids, rows, lengths: loadedChunks.lengths }, U32, 0, codeOf, width)),
      }
    }
  })
}
