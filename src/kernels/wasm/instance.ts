// Loading the WebAssembly module and handing memory to it: the exports' signatures, a bump arena with
// fresh typed-array views, and the translation of a trap into a RiskcheckError.
import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { RiskcheckError } from '../../errors.js'
import { packageFile } from '../../paths.js'

/** The module's exports (assembly/index.ts). Pointers and sizes are numbers; booleans are 0/1. */
export interface Exports {
  memory: WebAssembly.Memory
  alloc(bytes: number): number
  reset(): void
  mark(): number
  release(at: number): void
  mixCodes(keys: number, n: number, codes: number, width: number, radix: number, first: number): void
  countDense(keys: number, n: number, range: number, table: number, weights: number): void
  presentKeys(tables: number, nTables: number, stride: number, from: number, count: number): number
  numberDense(tables: number, nTables: number, stride: number, from: number, count: number, firstId: number, sizes: number): number
  assignDense(keys: number, n: number, table: number): void
  compactHash(keys: number, n: number, table: number, log2Capacity: number, sizes: number, weights: number, classKeys: number): number
  combineHash(keys: number, n: number, codes: number, width: number, radix: number,
    table: number, log2Capacity: number, sizes: number, weights: number, classKeys: number): number
  mergeHash32(table: number, log2Capacity: number, clear: number, classKeys: number, nPart: number, partSizes: number,
    sizes: number, nClasses: number, map: number): number
  mergeHash64(table: number, log2Capacity: number, clear: number, classKeys: number, nPart: number, partSizes: number,
    sizes: number, nClasses: number, map: number): number
  classStats(sizes: number, nClasses: number, k: number, out: number): void
  sizeHistogram(sizes: number, nClasses: number, out: number, maxSize: number): void
  countClasses(classIds: number, n: number, nClasses: number, out: number): void
  classCursors(counts: number, nParts: number, stride: number, jFrom: number, jTo: number, start: number, cursors: number): void
  sortByClass(classIds: number, n: number, cursors: number, codes: number, width: number, sorted: number, weights: number,
    sortedWeights: number): void
  diversityScratchBytes(radix: number): number
  diversity(sorted: number, width: number, sizes: number, rows: number, jFrom: number, jTo: number, start: number, radix: number,
    l: number, scratch: number, out: number, sortedWeights: number): void
  remap(codes: number, n: number, map: number, out: number): void
  keptOf(classIds: number, n: number, fail: number, out: number): number
  firstRows(classIds: number, from: number, n: number, nClasses: number, out: number): void
  earliestRows(tables: number, nParts: number, stride: number, jFrom: number, jTo: number): void
  gather(codes: number, width: number, rows: number, n: number, out: number): void
  distinctPerClass(classIds: number, pairIds: number, n: number, nPairs: number, nClasses: number, seen: number, out: number): void
  failBelow(values: number, jFrom: number, jTo: number, threshold: number, fail: number, reset: number): void
  suppression(sizes: number, fail: number, jFrom: number, jTo: number, block: number, out: number): void
  keptRecords(gen: number, first: number, sizes: number, fail: number, jFrom: number, jTo: number, radix: number, records: number): void
  keptCost(records: number, nParts: number, stride: number, radix: number, cost: number): number
  intBounds(values: number, n: number, kind: number, out: number): void
  markInts(values: number, n: number, kind: number, min: number, used: number): void
  intCodes(values: number, n: number, kind: number, min: number, codeOf: number, out: number, width: number): void
  distinctValues(values: number, n: number, bytes: number, table: number, log2: number, ids: number, first: number): number
}

const WASM_PATH = packageFile('build/riskcheck.wasm')
/** 32-bit keys and pointers: the limit of a mixed-radix key and of WebAssembly memory. */
export const KEY_SPACE = 2 ** 32

/** Pages of 64 KiB in 4 GiB: the most a shared memory may declare (it reserves that much address space). */
const MAX_PAGES = 65536

let compiled: WebAssembly.Module | undefined

/** The kernels module, compiled once per process (or from `bytes`). */
export function kernelModule(bytes?: Uint8Array): WebAssembly.Module {
  return bytes ? optimised(bytes) : (compiled ??= optimised(readWasm()))
}

/**
 * Compile with V8's optimising compiler, every function at once. By default V8 first compiles each function
 * on its first call with its baseline compiler (Liftoff) and optimises it only later, between calls: a kernel
 * that is called once and loops over 10 million rows would run baseline code throughout. Measured on the
 * 10M-row benchmark, whole process: 0.82 s -> 0.56 s. The flags are V8's own and process-wide, so they are
 * set for this compilation only, then set back (unless node was started with them).
 */
function optimised(bytes: Uint8Array): WebAssembly.Module {
  const flags = ['liftoff', 'wasm-lazy-compilation'].filter(f => !process.execArgv.some(a => a.replace(/_/g, '-').endsWith(f)))
  flags.forEach(f => setFlagsFromString(`--no-${f}`))
  try {
    return new WebAssembly.Module(bytes)
  } finally {
    flags.forEach(f => setFlagsFromString(`--${f}`))
  }
}

/** A fresh instance of `module` over a memory of its own, shared so that worker threads can join in. */
export function instantiate(module: WebAssembly.Module): Exports {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true })
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports
}

let scratch: Exports | undefined

/**
 * One instance for short work on the calling thread between the kernels' calls (encoding a column,
 * numbering tuples), made once: its memory, grown to the largest work so far, is reused without the cost of
 * touching fresh pages. Each use starts with reset() and ends before the next begins.
 */
export function scratchInstance(): Exports {
  // memory is never given back to the system by an instance: one grown past this is let go, for a new one
  if (scratch && scratch.memory.buffer.byteLength > SCRATCH_KEPT_BYTES) scratch = undefined
  return (scratch ??= instantiate(kernelModule()))
}

/** The most memory the scratch instance keeps from one use to the next. */
const SCRATCH_KEPT_BYTES = 256 * 2 ** 20

function readWasm(): Uint8Array {
  try {
    return readFileSync(WASM_PATH)
  } catch {
    throw new RiskcheckError('E_KERNEL', `the WebAssembly kernel ${WASM_PATH.pathname} is missing`,
      'in a clone, build it with npm run build; a program that bundles riskcheck must ship build/riskcheck.wasm beside it')
  }
}

/** Run `work`, turning a WebAssembly trap into a RiskcheckError (a trap is a bug in riskcheck). */
export function guard<T>(work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      throw new RiskcheckError('E_KERNEL', `the WebAssembly kernel failed (${(e as Error).message}); this is a bug in riskcheck`)
    }
    throw e
  }
}

/** Allocation in the module's memory, and views that are made fresh on every access. */
export interface Arena {
  alloc(bytes: number): number
  u32(ptr: number, length: number): Uint32Array
  f64(ptr: number, length: number): Float64Array
  bytes(ptr: number, length: number): Uint8Array
}

/** The arena of instance `x`; `what` names the data in the out-of-memory message. */
export function arena(x: Exports, what: string): Arena {
  return {
    alloc(bytes) {
      const ptr = bytes < KEY_SPACE ? x.alloc(bytes) : 0
      if (ptr === 0) {
        throw new RiskcheckError('E_MEMORY', `${what} need more than the 4 GiB of WebAssembly memory`,
          'analyse fewer rows or fewer columns at a time')
      }
      return ptr >>> 0
    },
    // memory.grow() leaves earlier views of the (shared) memory short, so none is kept.
    u32: (ptr, length) => new Uint32Array(x.memory.buffer, ptr, length),
    f64: (ptr, length) => new Float64Array(x.memory.buffer, ptr, length),
    bytes: (ptr, length) => new Uint8Array(x.memory.buffer, ptr, length),
  }
}
