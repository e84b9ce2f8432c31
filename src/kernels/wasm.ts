// The only module that touches WebAssembly: it loads build/riskcheck.wasm, copies code columns into its
// memory, calls the kernels and copies the figures out. See assembly/ for the kernels themselves.
import { readFileSync } from 'node:fs'
import { RiskcheckError } from '../errors.js'
import type { CodeColumn, DiversityFigures, KernelInput, KernelOutput, Kernels } from '../types.js'

interface Exports {
  memory: WebAssembly.Memory
  alloc(bytes: number): number
  reset(): void
  mark(): number
  release(at: number): void
  mixCodes(keys: number, n: number, codes: number, width: number, radix: number, first: number): void
  compactDense(keys: number, n: number, range: number, table: number, sizes: number, assignIds: number): number
  compactHash(keys: number, n: number, table: number, log2Capacity: number, sizes: number): number
  combineHash(keys: number, n: number, codes: number, width: number, radix: number,
    table: number, log2Capacity: number, sizes: number): number
  classStats(sizes: number, nClasses: number, k: number, out: number): void
  sizeHistogram(sizes: number, nClasses: number, out: number, maxSize: number): void
  diversityScratchBytes(n: number, nClasses: number, radix: number, width: number): number
  diversity(classIds: number, n: number, nClasses: number, sizes: number, codes: number, width: number,
    radix: number, l: number, scratch: number, out: number): void
}

const WASM_PATH = new URL('../../build/riskcheck.wasm', import.meta.url)
const KEY_SPACE = 2 ** 32
/** Key ranges up to this many use a dense counting table; larger ones a hash table. */
const DENSE_MAX = 2 ** 26

let shared: Kernels | undefined

/** The WebAssembly kernels, compiled once per process from build/riskcheck.wasm (or from `bytes`). */
export function loadKernels(bytes?: Uint8Array): Kernels {
  if (!bytes && shared) return shared
  const module = new WebAssembly.Module(bytes ?? readWasm())
  const x = new WebAssembly.Instance(module, {}).exports as unknown as Exports
  const kernels: Kernels = { frequencies: input => guard(() => frequencies(x, input)) }
  if (!bytes) shared = kernels
  return kernels
}

function readWasm(): Uint8Array {
  try {
    return readFileSync(WASM_PATH)
  } catch {
    throw new RiskcheckError('E_KERNEL', `the WebAssembly kernel ${WASM_PATH.pathname} is missing`,
      'build it with: npm run build')
  }
}

function guard<T>(run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      throw new RiskcheckError('E_KERNEL', `the WebAssembly kernel failed (${(e as Error).message}); this is a bug in riskcheck`)
    }
    throw e
  }
}

function frequencies(x: Exports, input: KernelInput): KernelOutput {
  const n = input.rows
  x.reset()
  const mem = arena(x, n)
  const columns = [...input.quasiIdentifiers, ...input.sensitive]
  const maxWidth = Math.max(1, ...columns.map(c => c.chunks[0]?.BYTES_PER_ELEMENT ?? 1))
  // Persistent: class id per row, and class sizes (there are at most min(n, product of radices) classes).
  const keys = mem.alloc(n * 4)
  const sizes = mem.alloc(Math.max(1, Math.min(n, input.quasiIdentifiers.reduce((a, c) => a * c.radix, 1))) * 4)
  const scratch = x.mark()
  const column = mem.alloc(n * maxWidth)
  const b = { keys, sizes, column, assignIds: input.sensitive.length > 0 }
  const nClasses = groupRows(x, mem, input.quasiIdentifiers, n, b)
  x.release(scratch)

  const stats = mem.alloc(16)
  x.classStats(sizes, nClasses, input.k, stats)
  const [minClassSize, maxClassSize, recordsBelowK, sampleUniques] = mem.u32(stats, 4)
  const histogram = readHistogram(x, mem, sizes, nClasses, maxClassSize)

  const out = mem.alloc(7 * 8)
  const diversity = input.sensitive.map((col): DiversityFigures => {
    const at = x.mark()
    const codes = mem.alloc(n * maxWidth)
    const width = upload(mem, col, codes, n)
    const work = mem.alloc(x.diversityScratchBytes(n, nClasses, col.radix, width))
    x.diversity(keys, n, nClasses, sizes, codes, width, col.radix, input.l, work, out)
    x.release(at)
    const f = mem.f64(out, 7)
    return { distinct: f[0], entropyH: f[1], maxRatio: f[2], classesBelowL: f[3], recordsBelowL: f[4],
      homogeneousClasses: f[5], homogeneousRecords: f[6] }
  })
  return { classes: nClasses, minClassSize, maxClassSize, recordsBelowK, sampleUniques, histogram, diversity }
}

interface Buffers { keys: number; sizes: number; column: number; assignIds: boolean }

/**
 * Class sizes into `sizes` (and, with assignIds, the class id of each row into `keys`); returns the number
 * of classes. Columns are folded into a mixed-radix key while it fits 32 bits; then the keys are compacted
 * to dense class ids (at most n of them) and folding goes on, with 64-bit pair keys when even that overflows.
 */
function groupRows(x: Exports, mem: Arena, cols: CodeColumn[], n: number, b: Buffers): number {
  if (n === 0) return 0
  if (cols.length === 0) {
    mem.u32(b.keys, n).fill(0)
    mem.u32(b.sizes, 1)[0] = n
    return 1
  }
  let range = 1
  cols.forEach((col, j) => {
    const width = upload(mem, col, b.column, n)
    if (j === 0) {
      x.mixCodes(b.keys, n, b.column, width, col.radix, 1)
      range = col.radix
      return
    }
    if (range * col.radix > KEY_SPACE) range = compact(x, mem, b, n, range, true)
    if (range * col.radix <= KEY_SPACE) {
      x.mixCodes(b.keys, n, b.column, width, col.radix, 0)
      range *= col.radix
    } else {
      const log2 = hashLog2(Math.min(n, range * col.radix))
      const table = mem.alloc(16 * 2 ** log2)
      range = x.combineHash(b.keys, n, b.column, width, col.radix, table, log2, b.sizes)
    }
  })
  return compact(x, mem, b, n, range, b.assignIds)
}

function compact(x: Exports, mem: Arena, b: Buffers, n: number, range: number, assignIds: boolean): number {
  if (range <= 2 ** 16 || (range <= DENSE_MAX && range <= 8 * n)) {
    return x.compactDense(b.keys, n, range, mem.alloc(range * 4), b.sizes, assignIds ? 1 : 0)
  }
  const log2 = hashLog2(Math.min(n, range))
  return x.compactHash(b.keys, n, mem.alloc(8 * 2 ** log2), log2, b.sizes)
}

/** log2 of a power-of-two hash capacity at least twice the number of keys. */
function hashLog2(keys: number): number {
  return Math.max(4, Math.ceil(Math.log2(keys * 2)))
}

function readHistogram(x: Exports, mem: Arena, sizes: number, nClasses: number, maxSize: number): [number, number][] {
  const out = mem.alloc((maxSize + 1) * 4)
  x.sizeHistogram(sizes, nClasses, out, maxSize)
  const counts = mem.u32(out, maxSize + 1)
  const histogram: [number, number][] = []
  for (let size = 1; size <= maxSize; size++) if (counts[size] > 0) histogram.push([size, counts[size]])
  return histogram
}

/** Copy a column's chunks one after another to `ptr`; returns their byte width (1, 2 or 4). */
function upload(mem: Arena, col: CodeColumn, ptr: number, n: number): number {
  if (!(Number.isInteger(col.radix) && col.radix >= 1 && col.radix < KEY_SPACE)) {
    throw new RangeError(`a code column's radix must be a whole number from 1 to 2^32 - 1, got ${col.radix}`)
  }
  const width = col.chunks.length ? col.chunks[0].BYTES_PER_ELEMENT : 4
  let at = 0
  for (const chunk of col.chunks) {
    if (chunk.BYTES_PER_ELEMENT !== width) throw new TypeError('code chunks of one column must share a width')
    mem.bytes(ptr + at * width, chunk.byteLength).set(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength))
    at += chunk.length
  }
  if (at !== n) throw new RangeError(`code column holds ${at} rows, expected ${n}`)
  return width
}

interface Arena {
  alloc(bytes: number): number
  u32(ptr: number, length: number): Uint32Array
  f64(ptr: number, length: number): Float64Array
  bytes(ptr: number, length: number): Uint8Array
}

function arena(x: Exports, n: number): Arena {
  return {
    alloc(bytes) {
      const ptr = bytes < KEY_SPACE ? x.alloc(bytes) : 0
      if (ptr === 0) {
        throw new RiskcheckError('E_MEMORY', `${n} rows need more than the 4 GiB of WebAssembly memory`,
          'analyse fewer rows or fewer columns at a time')
      }
      return ptr >>> 0
    },
    // Fresh views on every access: memory.grow() detaches the old ones.
    u32: (ptr, length) => new Uint32Array(x.memory.buffer, ptr, length),
    f64: (ptr, length) => new Float64Array(x.memory.buffer, ptr, length),
    bytes: (ptr, length) => new Uint8Array(x.memory.buffer, ptr, length),
  }
}
