// The WebAssembly kernels. This folder is the only place that touches WebAssembly memory.
import type { Kernels } from '../../types.js'
import { evaluator } from './evaluator.js'
import { frequencies, frequencyTable, keptRows } from './frequencies.js'
import { guard, instantiate, kernelModule } from './instance.js'
import type { Exports } from './instance.js'
import { defaultThreads, teamFor } from './team.js'
import type { Team } from './team.js'
import { RiskcheckError } from '../../errors.js'

export interface KernelOptions {
  /** Threads the kernels may use on large tables (default: the cores, at most 8); results do not depend on it. */
  threads?: number
  /** Rows (or distinct tuples) a thread must have to be used (default 131,072: below, handing work over costs more than it saves). */
  minRowsPerThread?: number
  /** The module's bytes, instead of build/riskcheck.wasm. */
  bytes?: Uint8Array
}

const loaded = new Map<string, Kernels>()

/** The WebAssembly kernels, compiled once per process from build/riskcheck.wasm (or from `bytes`). */
export function loadKernels(options: KernelOptions = {}): Kernels {
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()))
  const key = `${threads} ${options.minRowsPerThread}`
  const cached = options.bytes ? undefined : loaded.get(key)
  if (cached) return cached
  const module = kernelModule(options.bytes)
  const x = instantiate(module)
  const team = (on: Exports, rows: number) => teamFor(on, module, rows, threads, options.minRowsPerThread)
  // parts need memory of their own (counting tables, class counts, first rows): when that is more than there is, the
  // work is done again on one thread, which gives the same figures
  const split = <T>(rows: number, work: (team: Team) => T): T => guard(() => {
    const t = team(x, rows)
    try {
      return work(t)
    } catch (e) {
      if (t.size > 1 && e instanceof RiskcheckError && e.code === 'E_MEMORY') return work(teamFor(x, module, rows, 1))
      throw e
    }
  })
  const kernels: Kernels = {
    frequencies: input => split(input.rows, t => frequencies(x, input, t)),
    frequencyTable: (columns, rows, weights) => split(rows, t => frequencyTable(x, columns, rows, t, weights)),
    keptRows: (columns, sensitive, rows, criteria) => split(rows, t => keptRows(x, columns, sensitive, rows, criteria, t)),
    // An evaluator keeps its data in memory between calls, so it gets an instance of its own.
    evaluator: (table, spec) => guard(() => {
      const own = instantiate(module)
      return evaluator(own, table, spec, team(own, table.counts.length))
    }),
  }
  if (!options.bytes) loaded.set(key, kernels)
  return kernels
}
