// The ABI of riskcheck's WebAssembly module: pointers and numbers in, numbers out.
// src/kernels/wasm/ is the only caller. The memory is imported and shared, so that worker threads can run
// the same kernels on parts of the same rows (src/kernels/wasm/team.ts); only the host allocates.
export { alloc, mark, release, reset } from './memory'
export { mixCodes } from './codes'
export { countDense, presentKeys, numberDense, assignDense, compactHash, combineHash, mergeHash32, mergeHash64 } from './classes'
export { classStats, sizeHistogram } from './stats'
export { countClasses, classCursors, sortByClass, diversity, diversityScratchBytes } from './diversity'
export { remap, keptOf, firstRows, earliestRows, gather, distinctPerClass, failBelow, suppression, keptRecords, keptCost } from './lattice'
export { intBounds, markInts, intCodes, distinctValues } from './encode'
