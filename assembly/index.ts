// The ABI of riskcheck's WebAssembly module: pointers and numbers in, numbers out.
// src/kernels/wasm/ is the only caller.
export { alloc, mark, release, reset } from './memory'
export { mixCodes } from './codes'
export { compactDense, compactHash, combineHash } from './classes'
export { classStats, sizeHistogram } from './stats'
export { diversity, diversityScratchBytes } from './diversity'
export { remap, firstRows, gather, distinctPerClass, failBelow, suppression, keptCost } from './lattice'
