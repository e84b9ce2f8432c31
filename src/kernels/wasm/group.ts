// Grouping rows (or weighted tuples) into classes by the codes of some columns, in WebAssembly memory.
import type { CodeColumn } from '../../types.js'
import { KEY_SPACE } from './instance.js'
import type { Arena, Exports } from './instance.js'
import { apart, rowParts } from './team.js'
import type { Part, Team } from './team.js'

/** Key ranges up to this many use a dense counting table; larger ones a hash table. */
const DENSE_MAX = 2 ** 26
/** The counting tables of the parts of a dense compaction take at most this many bytes together. */
const DENSE_PARTS_BYTES = 2 ** 28

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
 * The rows are cut into the team's parts; the parts' counts are joined so that the classes and their order
 * are those of one pass (key order for a dense table, order of first appearance for a hash table).
 */
export function groupRows(x: Exports, mem: Arena, cols: GroupColumn[], n: number, g: Grouping, team: Team): number {
  if (n === 0) return 0
  if (cols.length === 0) {
    mem.u32(g.keys, n).fill(0)
    mem.u32(g.sizes, 1)[0] = g.weights ? mem.u32(g.weights, n).reduce((a, w) => a + w, 0) : n
    return 1
  }
  const parts = rowParts(n, team.size)
  let range = 1
  cols.forEach((col, j) => {
    const { ptr, width } = col.place()
    if (j === 0) {
      team.run('mixCodes', parts.map(p => [g.keys + 4 * p.from, p.count, ptr + width * p.from, width, col.radix, 1]))
      range = col.radix
      return
    }
    if (range * col.radix > KEY_SPACE) range = compact(x, mem, g, n, range, true, team)
    if (range * col.radix <= KEY_SPACE) {
      team.run('mixCodes', parts.map(p => [g.keys + 4 * p.from, p.count, ptr + width * p.from, width, col.radix, 0]))
      range *= col.radix
    } else {
      range = joinHashed(x, mem, g, parts, team, 8, Math.min(n, range * col.radix), (p, table, log2, sizes, classKeys) =>
        [g.keys + 4 * p.from, p.count, ptr + width * p.from, width, col.radix, table, log2, sizes, weightsAt(g, p), classKeys])
    }
  })
  return compact(x, mem, g, n, range, g.assignIds, team)
}

const weightsAt = (g: Grouping, p: Part) => g.weights ? g.weights + 4 * p.from : 0

function compact(x: Exports, mem: Arena, g: Grouping, n: number, range: number, assignIds: boolean, team: Team): number {
  if (range <= 2 ** 16 || (range <= DENSE_MAX && range <= 8 * n)) {
    // a counting table per part (counts add up exactly, so fewer parts than the team's give the same result)
    const parts = rowParts(n, Math.max(1, Math.min(team.size, Math.floor(DENSE_PARTS_BYTES / (4 * range)))))
    const tables = mem.alloc(apart(4 * range) * parts.length)
    const stride = apart(4 * range) / 4
    team.run('countDense', parts.map((p, t) => [g.keys + 4 * p.from, p.count, range, tables + 4 * stride * t, weightsAt(g, p)]))
    const keyRuns = rowParts(range, parts.length)
    const present = parts.length === 1 ? [0]
      : team.run('presentKeys', keyRuns.map(r => [tables, parts.length, stride, r.from, r.count]))
    const firstIds = present.map((_, t) => present.slice(0, t).reduce((a, c) => a + c, 0))
    const classes = team.run('numberDense', keyRuns.map((r, t) => [tables, parts.length, stride, r.from, r.count, firstIds[t], g.sizes]))
      .at(-1) as number
    if (assignIds) team.run('assignDense', parts.map(p => [g.keys + 4 * p.from, p.count, tables]))
    return classes
  }
  return joinHashed(x, mem, g, rowParts(n, team.size), team, 4, Math.min(n, range), (p, table, log2, sizes, classKeys) =>
    [g.keys + 4 * p.from, p.count, table, log2, sizes, weightsAt(g, p), classKeys])
}

/**
 * Hash each part's rows (compactHash for 4-byte keys, combineHash for 8-byte ones; `args` gives a part's
 * arguments), then merge the parts' classes in row order and renumber each part's rows to the merged ids.
 * `distinct` bounds the classes of the whole table.
 */
function joinHashed(x: Exports, mem: Arena, g: Grouping, parts: Part[], team: Team, keyBytes: 4 | 8, distinct: number,
  args: (p: Part, table: number, log2: number, sizes: number, classKeys: number) => number[]): number {
  const kernel = keyBytes === 4 ? 'compactHash' : 'combineHash'
  const entry = 2 * keyBytes
  if (parts.length === 1) {
    const log2 = hashLog2(distinct)
    return team.run(kernel, [args(parts[0], mem.alloc(entry * 2 ** log2), log2, g.sizes, 0)])[0]
  }
  const local = parts.map(p => {
    const bound = Math.min(p.count, distinct)
    const log2 = hashLog2(bound)
    return { table: mem.alloc(entry * 2 ** log2), log2, sizes: mem.alloc(4 * bound), classKeys: mem.alloc(keyBytes * bound) }
  })
  const counts = team.run(kernel, parts.map((p, t) => args(p, local[t].table, local[t].log2, local[t].sizes, local[t].classKeys)))
  const log2 = hashLog2(Math.min(distinct, counts.reduce((a, c) => a + c, 0)))
  const table = mem.alloc(entry * 2 ** log2)
  const merge = keyBytes === 4 ? x.mergeHash32 : x.mergeHash64
  let classes = 0
  const maps = parts.map((_, t) => {
    const map = mem.alloc(4 * counts[t])
    classes = merge(table, log2, t === 0 ? 1 : 0, local[t].classKeys, counts[t], local[t].sizes, g.sizes, classes, map)
    return map
  })
  team.run('remap', parts.map((p, t) => [g.keys + 4 * p.from, p.count, maps[t], g.keys + 4 * p.from]))
  return classes
}

/** log2 of a power-of-two hash capacity at least twice the number of keys. */
function hashLog2(keys: number): number {
  return Math.max(4, Math.ceil(Math.log2(keys * 2)))
}

/**
 * The first row of each of `classes` classes (class ids of the n rows in `keys`): each part of the rows
 * finds its own first rows, then runs of classes take the earliest part's.
 */
export function firstRowsOf(mem: Arena, team: Team, keys: number, n: number, classes: number): number {
  const parts = rowParts(n, team.size)
  const stride = apart(4 * classes)
  const tables = mem.alloc(stride * parts.length)
  team.run('firstRows', parts.map((p, t) => [keys, p.from, p.count, classes, tables + stride * t]))
  if (parts.length > 1) team.run('earliestRows', team.parts(classes).map(r => [tables, parts.length, stride, r.from, r.from + r.count]))
  return tables
}

/** out[t] = codes[rows[t]] as u32 for t < n (`width`-byte codes), a thread per run. */
export function gathered(team: Team, codes: number, width: number, rows: number, n: number, out: number): void {
  team.run('gather', team.parts(n).map(r => [codes, width, rows + 4 * r.from, r.count, out + 4 * r.from]))
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
