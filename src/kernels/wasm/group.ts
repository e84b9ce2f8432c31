// Grouping rows (or weighted tuples) into classes by the codes of some columns, in WebAssembly memory.
import type { CodeColumn } from '../../types.js'
import { KEY_SPACE } from './instance.js'
import type { Arena, Exports } from './instance.js'

/** Key ranges up to this many use a dense counting table; larger ones a hash table. */
const DENSE_MAX = 2 ** 26

/** A column to group by: its radix, and how to have its codes in memory (pointer and byte width). */
export interface GroupColumn {
  radix: number
  place(): { ptr: number; width: number }
}

/** Where grouping writes: class id per row (keys), class sizes, and optional per-row weights (0: none). */
export interface Grouping {
  keys: number
  sizes: number
  weights: number
  /** Leave class ids in `keys` (otherwise only the sizes are needed). */
  assignIds: boolean
}

/**
 * Class sizes into `sizes` (and, with assignIds, the class id of each row into `keys`); returns the number
 * of classes. Columns are folded into a mixed-radix key while it fits 32 bits; then the keys are compacted
 * to dense class ids (at most n of them) and folding goes on, with 64-bit pair keys when even that overflows.
 */
export function groupRows(x: Exports, mem: Arena, cols: GroupColumn[], n: number, g: Grouping): number {
  if (n === 0) return 0
  if (cols.length === 0) {
    mem.u32(g.keys, n).fill(0)
    mem.u32(g.sizes, 1)[0] = g.weights ? mem.u32(g.weights, n).reduce((a, w) => a + w, 0) : n
    return 1
  }
  let range = 1
  cols.forEach((col, j) => {
    const { ptr, width } = col.place()
    if (j === 0) {
      x.mixCodes(g.keys, n, ptr, width, col.radix, 1)
      range = col.radix
      return
    }
    if (range * col.radix > KEY_SPACE) range = compact(x, mem, g, n, range, true)
    if (range * col.radix <= KEY_SPACE) {
      x.mixCodes(g.keys, n, ptr, width, col.radix, 0)
      range *= col.radix
    } else {
      const log2 = hashLog2(Math.min(n, range * col.radix))
      range = x.combineHash(g.keys, n, ptr, width, col.radix, mem.alloc(16 * 2 ** log2), log2, g.sizes, g.weights)
    }
  })
  return compact(x, mem, g, n, range, g.assignIds)
}

function compact(x: Exports, mem: Arena, g: Grouping, n: number, range: number, assignIds: boolean): number {
  if (range <= 2 ** 16 || (range <= DENSE_MAX && range <= 8 * n)) {
    return x.compactDense(g.keys, n, range, mem.alloc(range * 4), g.sizes, assignIds ? 1 : 0, g.weights)
  }
  const log2 = hashLog2(Math.min(n, range))
  return x.compactHash(g.keys, n, mem.alloc(8 * 2 ** log2), log2, g.sizes, g.weights)
}

/** log2 of a power-of-two hash capacity at least twice the number of keys. */
function hashLog2(keys: number): number {
  return Math.max(4, Math.ceil(Math.log2(keys * 2)))
}

/** An upper bound of the number of classes: the rows, or the product of the radices if smaller. */
export function classBound(n: number, radices: number[]): number {
  return Math.max(1, Math.min(n, radices.reduce((a, r) => a * r, 1)))
}

/** Copy a column's chunks one after another to `ptr`; returns their byte width (1, 2 or 4). */
export function upload(mem: Arena, col: CodeColumn, ptr: number, n: number): number {
  if (!(Number.isInteger(col.radix) && col.radix >= 1 && col.radix < KEY_SPACE)) {
    throw new RangeError(`a code column's radix must be a whole number from 1 to 2^32 - 1, got ${col.radix}`)
  }
  const width = col.chunks.length ? col.chunks[0].BYTES_PER_ELEMENT : 4
  let at = 0
  for (const chunk of col.chunks) {
    if (chunk.BYTES_PER_ELEMENT !== width) throw new TypeError('code chunks of one column must share a width')
    mem.bytes(ptr + at * width, chunk.byteLength)
      .set(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength))
    at += chunk.length
  }
  if (at !== n) throw new RangeError(`code column holds ${at} rows, expected ${n}`)
  return width
}

/** A CodeColumn as a GroupColumn that is copied into `buffer` when grouping reaches it. */
export function uploaded(mem: Arena, col: CodeColumn, buffer: number, n: number): GroupColumn {
  return { radix: col.radix, place: () => ({ ptr: buffer, width: upload(mem, col, buffer, n) }) }
}
