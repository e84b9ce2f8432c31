// Splitting kernel work across threads. A team runs one kernel on each of its parts of the same shared
// WebAssembly memory: part 0 on the calling thread, the others on worker threads that run the same module
// over that memory, and waits for all of them. The callers cut work so that the parts join into exactly
// what one part gives (tested: threads against one thread, on random tables).
import { availableParallelism } from 'node:os'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import { RiskcheckError } from '../../errors.js'
import type { Exports } from './instance.js'

/** The kernels a team may split. */
const SPLIT = ['mixCodes', 'countDense', 'presentKeys', 'numberDense', 'assignDense', 'compactHash',
  'combineHash', 'remap', 'countClasses', 'classCursors', 'sortByClass', 'diversity', 'failBelow',
  'suppression', 'keptRecords', 'keptOf', 'firstRows', 'earliestRows', 'gather'] as const
export type SplitKernel = (typeof SPLIT)[number]

export interface Team {
  /** The number of parts work is cut into (1: no split). */
  size: number
  /** Run kernel `name` once per part, part p with arguments args[p] (at most `size` parts); returns each part's result. */
  run(name: SplitKernel, args: number[][]): number[]
  /** Runs of 0..count-1 for work on `count` items other than the rows (classes, say): as many as are worth a thread. */
  parts(count: number): Part[]
}

/** A run of consecutive rows (or classes, or keys). */
export type Part = { from: number; count: number }

/** Fewer rows than this per part are not worth a thread (a hand-over costs about 10-50 microseconds). */
export const MIN_ROWS_PER_PART = 2 ** 17

/** The threads riskcheck uses by default: every core the process may use, at most 8. */
export function defaultThreads(): number {
  return Math.min(8, availableParallelism())
}

/** Bytes to leave between the starts of what two threads write all the time: past both their data and a
 * cache line (64 bytes; 128 against adjacent-line prefetching), so that they never write the same line. */
export const apart = (bytes: number) => Math.ceil(bytes / 128) * 128 + 128

/** `size` runs of consecutive rows covering 0..n-1, in order (lengths differ by at most one). */
export function rowParts(n: number, size: number): Part[] {
  return Array.from({ length: size }, (_, p) => {
    const from = Math.floor((n * p) / size)
    return { from, count: Math.floor((n * (p + 1)) / size) - from }
  })
}

/** A team of one: the calling thread. */
function soloTeam(x: Exports): Team {
  const call = x as unknown as Record<SplitKernel, (...a: number[]) => number>
  return { size: 1, run: (name, args) => args.map(a => call[name](...a)), parts: count => rowParts(count, 1) }
}

/** How many of `size` threads work on `count` items is worth, with at least `minRows` each. */
const partsWorth = (count: number, size: number, minRows: number) => Math.max(1, Math.min(size, Math.floor(count / Math.max(1, minRows))))

/**
 * The team for work on `rows` rows of instance `x`: as many parts as `threads` allows with at least
 * `minRows` rows each, parts beyond the first on worker threads.
 */
export function teamFor(x: Exports, module: WebAssembly.Module, rows: number, threads: number, minRows = MIN_ROWS_PER_PART): Team {
  const size = partsWorth(rows, threads, minRows)
  if (size === 1) return soloTeam(x)
  const workers = pool(size - 1)
  const solo = soloTeam(x)
  releaseWhenCollected(x)
  return {
    size,
    parts: count => rowParts(count, partsWorth(count, size, minRows)),
    run(name, args) {
      const op = SPLIT.indexOf(name)
      const started = args.slice(1).map((a, p) => settle(() => workers[p].start(x.memory, module, op, a)))
      const own = settle(() => solo.run(name, [args[0]])[0])
      // every part that was handed over is waited for, even after a failure, before the memory is touched again
      const settled = [own, ...started.map(h => h.error === undefined ? settle(() => (h.value as Handed).wait()) : h)]
      const failed = settled.find(r => 'error' in r)
      if (failed) throw failed.error
      return settled.map(r => r.value as number)
    },
  }
}

type Settled<T> = { value: T; error?: undefined } | { value?: undefined; error: unknown }

function settle<T>(work: () => T): Settled<T> {
  try {
    return { value: work() }
  } catch (error) {
    return { error }
  }
}

// The control block: [0] requests made, [1] requests done (both counted modulo 2^32, as int32), [2] the
// kernel (or ATTACH a memory and its module, or DROP them), [3] slot, [4] argument count, [5] 1 if the
// request failed, [6] 1 once the worker runs, [7] the memory's pages now.
const REQUESTED = 0, DONE = 1, OP = 2, SLOT = 3, ARGC = 4, FAILED = 5, READY = 6, PAGES = 7
const ATTACH = -1, DROP = -2
/** Memories attached to the workers at once (the newest ones; an older memory is attached again if used). */
const SLOTS = 2
const START_TIMEOUT_MS = 30_000
/** Checks of the control block before sleeping on it (tens of microseconds): the kernels of a lattice node
 * follow each other closely, and waking a sleeping thread costs about as much as a short kernel. */
const SPIN = 20_000

// The worker side: wait for a request in the control block, run it, report. A request either attaches a
// memory to a slot (the memory comes through the port) or runs a kernel on a slot's instance.
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads')
const { control, values, port, names, flagLock } = workerData
const c = new Int32Array(control), v = new Float64Array(values)
const instances = [], memories = []
// a collection on demand, to free a dropped memory: this thread allocates too little to collect on its own.
// V8's flags belong to the process: workers starting together take turns to set and reset this one.
const v8 = require('node:v8')
const lock = new Int32Array(flagLock)
while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1)
let collect
try {
  v8.setFlagsFromString('--expose-gc')
  collect = require('node:vm').runInNewContext('gc')
  if (!process.execArgv.some(a => /^--expose[-_]gc$/.test(a))) v8.setFlagsFromString('--no-expose-gc')
} finally {
  Atomics.store(lock, 0, 0)
  Atomics.notify(lock, 0)
}
// the requests made so far are counted before saying ready: every request after that one is new
let seen = Atomics.load(c, ${REQUESTED})
Atomics.store(c, ${READY}, 1)
Atomics.notify(c, ${READY})
for (;;) {
  // a request is new only when the count has moved: a wake-up can come late, after the request it announced
  let now
  for (let spin = 0; spin < ${SPIN} && Atomics.load(c, ${REQUESTED}) === seen; spin++);
  while ((now = Atomics.load(c, ${REQUESTED})) === seen) Atomics.wait(c, ${REQUESTED}, seen)
  seen = now
  try {
    const slot = c[${SLOT}]
    if (c[${OP}] === ${ATTACH}) {
      const { memory, module } = receiveMessageOnPort(port).message
      memories[slot] = memory
      instances[slot] = new WebAssembly.Instance(module, { env: { memory } }).exports
    } else if (c[${OP}] === ${DROP}) {
      memories[slot] = instances[slot] = undefined
      collect()
    } else {
      // another thread grew the memory: this thread sees the new size only once it asks (grow by 0 pages)
      if (memories[slot].buffer.byteLength < c[${PAGES}] * 65536) memories[slot].grow(0)
      v[0] = instances[slot][names[c[${OP}]]](...v.subarray(1, 1 + c[${ARGC}]))
    }
    c[${FAILED}] = 0
  } catch (error) {
    c[${FAILED}] = 1
    port.postMessage(String(error))
  }
  Atomics.store(c, ${DONE}, seen)
  Atomics.notify(c, ${DONE})
}
`
interface Handed { wait(): number }

/** Held by a worker while it sets a V8 flag at its start (workers may start at the same time). */
const FLAG_LOCK = new SharedArrayBuffer(4)

class KernelWorker {
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * 4))
  private readonly values = new Float64Array(new SharedArrayBuffer(16 * 8))
  private readonly port: MessagePort
  private readonly attached: (WebAssembly.Memory | undefined)[] = []
  private pending: Handed | undefined
  private readonly worker: Worker
  private started = false

  constructor() {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    const worker = new Worker(WORKER_SOURCE, {
      eval: true, transferList: [port2],
      workerData: { control: this.control.buffer, values: this.values.buffer, port: port2, names: SPLIT, flagLock: FLAG_LOCK },
    })
    worker.unref()
    this.worker = worker
  }

  /** Wait until the worker has started (once: it starts on its own while the caller does other work). */
  private ready(): void {
    if (this.started) return
    if (Atomics.wait(this.control, READY, 0, START_TIMEOUT_MS) === 'timed-out') {
      void this.worker.terminate()
      throw new RiskcheckError('E_KERNEL', `a worker thread did not start within ${START_TIMEOUT_MS / 1000} s`,
        'run with --threads 1')
    }
    this.started = true
  }

  /** Start kernel `op` with `args` on `memory`'s instance of `module` (attaching them first if needed). */
  start(memory: WebAssembly.Memory, module: WebAssembly.Module, op: number, args: number[]): Handed {
    const slot = slotOf(memory)
    this.control[PAGES] = memory.buffer.byteLength / 65536
    if (this.attached[slot] !== memory) {
      this.port.postMessage({ memory, module })
      this.request(ATTACH, slot, []).wait()
      this.attached[slot] = memory
    }
    return this.request(op, slot, args)
  }

  /**
   * Forget `memory`, if this worker holds it in a slot. Not waited for (it may come from a finalizer while
   * the process exits, when the worker no longer answers); the next request waits for it.
   */
  drop(memory: WebAssembly.Memory): void {
    const slot = this.attached.indexOf(memory)
    if (slot < 0) return
    this.request(DROP, slot, [])
    this.attached[slot] = undefined
  }

  private request(op: number, slot: number, args: number[]): Handed {
    this.ready()
    // the request before must be done before the control block is written again (its errors went to
    // whoever waited for it)
    settle(() => this.pending?.wait())
    const c = this.control
    c[OP] = op
    c[SLOT] = slot
    c[ARGC] = args.length
    this.values.set(args, 1)
    const ticket = (Atomics.add(c, REQUESTED, 1) + 1) | 0
    Atomics.notify(c, REQUESTED)
    let finished = false
    let result = NaN
    const handed = {
      wait: () => {
        if (finished) return result
        for (let spin = 0; spin < SPIN && Atomics.load(c, DONE) !== ticket; spin++);
        for (let done = Atomics.load(c, DONE); done !== ticket; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done)
        finished = true
        if (c[FAILED]) throw new WebAssembly.RuntimeError(`${receiveMessageOnPort(this.port)?.message ?? 'a kernel failed'}, on a worker thread`)
        result = this.values[0]
        return result
      },
    }
    this.pending = handed
    return handed
  }

}

const workers: KernelWorker[] = []
/** The memory in each slot, held weakly: a memory no instance uses any more can go. */
const slots: (WeakRef<WebAssembly.Memory> | undefined)[] = []
let nextSlot = 0

/**
 * At least `count` workers (started on first need, or ahead of it by prestartWorkers; kept for the life of
 * the process, for every module).
 */
function pool(count: number): KernelWorker[] {
  while (workers.length < count) workers.push(new KernelWorker())
  return workers
}

/** Start `count` workers now, without waiting for them: they start while the caller reads its input. */
export function prestartWorkers(count: number): void {
  pool(count)
}

function slotOf(memory: WebAssembly.Memory): number {
  const at = slots.findIndex(ref => ref?.deref() === memory)
  if (at >= 0) return at
  const slot = nextSlot
  nextSlot = (nextSlot + 1) % SLOTS
  slots[slot] = new WeakRef(memory)
  return slot
}

// When an instance that worked with threads is collected, the workers let go of its memory too (they hold
// it through their own instances, which would otherwise keep it until another memory took its slot).
const registry = new FinalizationRegistry<WebAssembly.Memory>(memory => {
  workers.forEach(w => w.drop(memory))
  const slot = slots.findIndex(ref => ref?.deref() === memory)
  if (slot >= 0) slots[slot] = undefined
})
const registered = new WeakSet<Exports>()

function releaseWhenCollected(x: Exports): void {
  if (registered.has(x)) return
  registered.add(x)
  registry.register(x, x.memory)
}
