// The passes of encoding integer columns (src/input/encode.ts) over Arrow chunks without nulls, in
// WebAssembly: the chunks of one column are copied one after another into an instance kept for encoding,
// the kernels of assembly/encode.ts pass over them, and what they find is copied out.
import type { CodeChunk } from '../../types.js'
import { arena, guard, instantiate, kernelModule } from './instance.js'
import type { Exports } from './instance.js'

/** The values of a column of integers of 32 bits or fewer. */
export type IntChunk = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

const KINDS = [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array]

let instance: Exports | undefined

/**
 * The chunks of one column, one after another in the encoding instance (made once: its memory, grown to the
 * largest column so far, is then reused without the cost of touching fresh pages).
 */
function loaded(chunks: IntChunk[], what: string) {
  const x = (instance ??= instantiate(kernelModule()))
  x.reset()
  const mem = arena(x, what)
  const bytes = chunks.reduce((a, c) => a + c.byteLength, 0)
  const ptr = mem.alloc(Math.max(bytes, 1))
  let at = 0
  for (const c of chunks) {
    mem.bytes(ptr + at, c.byteLength).set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength))
    at += c.byteLength
  }
  const rows = chunks.reduce((a, c) => a + c.length, 0)
  return { x, mem, ptr, rows }
}

/** Integer chunks (one type, none empty) of one column: their bounds, the values they use, their codes. */
export function intValues(chunks: IntChunk[], what: string) {
  const kind = KINDS.findIndex(K => chunks[0] instanceof K)
  const { x, mem, ptr, rows } = loaded(chunks, what)
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
      const at = mem.alloc(used.length)
      mem.bytes(at, used.length).set(used)
      x.markInts(ptr, rows, kind, min, at)
      used.set(mem.bytes(at, used.length))
    }),
    /** Each chunk's codes codeOf[v - min], `width` bytes each. */
    codes: (min: number, codeOf: Int32Array, width: 1 | 2 | 4): CodeChunk[] => guard(() => {
      const table = mem.alloc(codeOf.byteLength)
      mem.bytes(table, codeOf.byteLength).set(new Uint8Array(codeOf.buffer, codeOf.byteOffset, codeOf.byteLength))
      const out = mem.alloc(rows * width)
      x.intCodes(ptr, rows, kind, min, table, out, width)
      const View = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Uint32Array
      let row = 0
      return chunks.map(c => {
        const codes = new View(mem.bytes(out + row * width, c.length * width).slice().buffer)
        row += c.length
        return codes
      })
    }),
  }
}
