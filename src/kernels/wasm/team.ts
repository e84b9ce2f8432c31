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
  'combineHash', 'remap', 'countClasses', 'classCursors', 'sortByClass', 'diversity', 'keptRecords',
  'keptOf'] as const
export type SplitKernel = (typeof SPLIT)[number]

export interface Team {
  /** The number of parts work is cut into (1: no split). */
  size: number
  /** Run kernel `name` once per part, part p with arguments args[p]; returns each part's result. */
  run(name: SplitKernel, args: number[][]): number[]
}

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
export function rowParts(n: number, size: number): { from: number; count: number }[] {
  return Array.from({ length: size }, (_, p) => {
    const from = Math.floor((n * p) / size)
    return { from, count: Math.floor((n * (p + 1)) / size) - from }
  })
}

/** A team of one: the calling thread. */
function soloTeam(x: Exports): Team {
  const call = x as unknown as Record<SplitKernel, (...a: number[]) => number>
  return { size: 1, run: (name, args) => args.map(a => call[name](...a)) }
}

/**
 * The team for work on `rows` rows of instance `x`: as many parts as `threads` allows with at least
 * `minRows` rows each, parts beyond the first on worker threads.
 */
export function teamFor(x: Exports, module: WebAssembly.Module, rows: number, threads: number, minRows = MIN_ROWS_PER_PART): Team {
  const size = Math.max(1, Math.min(threads, Math.floor(rows / Math.max(1, minRows))))
  if (size === 1) return soloTeam(x)
  const workers = pool(module, size - 1)
  const solo = soloTeam(x)
  return {
    size,
    run(name, args) {
      const op = SPLIT.indexOf(name)
      const handed = args.slice(1).map((a, p) => workers[p].start(x.memory, op, a))
      // every part is waited for, even after a failure, before the memory is touched again
      const settled = [() => solo.run(name, [args[0]])[0], ...handed.map(h => () => h.wait())].map(part => {
        try {
          return { value: part() }
        } catch (error) {
          return { error }
        }
      })
      const failed = settled.find(s => 'error' in s)
      if (failed) throw failed.error
      return settled.map(s => s.value as number)
    },
  }
}

// The control block: [0] requests made, [1] requests done, [2] kernel (-1: attach), [3] slot,
// [4] argument count, [5] 1 if the request failed, [6] 1 once the worker runs, [7] the memory's pages now.
const REQUESTED = 0, DONE = 1, OP = 2, SLOT = 3, ARGC = 4, FAILED = 5, READY = 6, PAGES = 7
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
const { control, values, port, module, names } = workerData
const c = new Int32Array(control), v = new Float64Array(values)
const instances = [], memories = []
Atomics.store(c, ${READY}, 1)
Atomics.notify(c, ${READY})
for (let seen = 0; ;) {
  for (let spin = 0; spin < ${SPIN} && Atomics.load(c, ${REQUESTED}) === seen; spin++);
  Atomics.wait(c, ${REQUESTED}, seen)
  seen = Atomics.load(c, ${REQUESTED})
  try {
    const slot = c[${SLOT}]
    if (c[${OP}] < 0) {
      const { memory } = receiveMessageOnPort(port).message
      memories[slot] = memory
      instances[slot] = new WebAssembly.Instance(module, { env: { memory } }).exports
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

class KernelWorker {
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * 4))
  private readonly values = new Float64Array(new SharedArrayBuffer(16 * 8))
  private readonly port: MessagePort
  private readonly attached: (WebAssembly.Memory | undefined)[] = []

  constructor(module: WebAssembly.Module) {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    const worker = new Worker(WORKER_SOURCE, {
      eval: true, transferList: [port2],
      workerData: { control: this.control.buffer, values: this.values.buffer, port: port2, module, names: SPLIT },
    })
    worker.unref()
    if (Atomics.wait(this.control, READY, 0, START_TIMEOUT_MS) === 'timed-out') {
      void worker.terminate()
      throw new RiskcheckError('E_KERNEL', `a worker thread did not start within ${START_TIMEOUT_MS / 1000} s`,
        'run with --threads 1')
    }
  }

  /** Start kernel `op` with `args` on `memory`'s instance (attaching it first if needed). */
  start(memory: WebAssembly.Memory, op: number, args: number[]): Handed {
    const slot = slotOf(memory)
    this.control[PAGES] = memory.buffer.byteLength / 65536
    if (this.attached[slot] !== memory) {
      this.port.postMessage({ memory })
      this.request(-1, slot, []).wait()
      this.attached[slot] = memory
    }
    return this.request(op, slot, args)
  }

  private request(op: number, slot: number, args: number[]): Handed {
    const c = this.control
    c[OP] = op
    c[SLOT] = slot
    c[ARGC] = args.length
    this.values.set(args, 1)
    const ticket = Atomics.add(c, REQUESTED, 1) + 1
    Atomics.notify(c, REQUESTED)
    let result: number | undefined
    return {
      wait: () => {
        if (result !== undefined) return result
        for (let spin = 0; spin < SPIN && Atomics.load(c, DONE) !== ticket; spin++);
        for (let done = Atomics.load(c, DONE); done !== ticket; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done)
        if (c[FAILED]) throw new WebAssembly.RuntimeError(`${receiveMessageOnPort(this.port)?.message ?? 'a kernel failed'}, on a worker thread`)
        result = this.values[0]
        return result
      },
    }
  }
}

const pools = new WeakMap<WebAssembly.Module, KernelWorker[]>()
const slots: (WebAssembly.Memory | undefined)[] = []
let nextSlot = 0

/** At least `count` workers for `module` (started on first need, kept for the life of the process). */
function pool(module: WebAssembly.Module, count: number): KernelWorker[] {
  const workers = pools.get(module) ?? []
  pools.set(module, workers)
  while (workers.length < count) workers.push(new KernelWorker(module))
  return workers
}

function slotOf(memory: WebAssembly.Memory): number {
  const at = slots.indexOf(memory)
  if (at >= 0) return at
  const slot = nextSlot
  nextSlot = (nextSlot + 1) % SLOTS
  slots[slot] = memory
  return slot
}
