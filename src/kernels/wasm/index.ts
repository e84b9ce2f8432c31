// The WebAssembly kernels. This folder is the only place that touches WebAssembly memory.
import type { Kernels } from '../../types.js'
import { evaluator } from './evaluator.js'
import { frequencies, frequencyTable } from './frequencies.js'
import { guard, instantiate } from './instance.js'

let shared: Kernels | undefined

/** The WebAssembly kernels, compiled once per process from build/riskcheck.wasm (or from `bytes`). */
export function loadKernels(bytes?: Uint8Array): Kernels {
  if (!bytes && shared) return shared
  const x = instantiate(bytes)
  const kernels: Kernels = {
    frequencies: input => guard(() => frequencies(x, input)),
    frequencyTable: (columns, rows) => guard(() => frequencyTable(x, columns, rows)),
    // An evaluator keeps its data in memory between calls, so it gets an instance of its own.
    evaluator: (table, spec) => guard(() => evaluator(instantiate(bytes), table, spec)),
  }
  if (!bytes) shared = kernels
  return kernels
}
