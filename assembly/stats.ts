// Class-size statistics over the sizes of the J equivalence classes.

/**
 * out (u32 x 4): smallest class, largest class, records in classes smaller than k, sample uniques
 * (records alone in their class).
 */
export function classStats(sizesPtr: usize, nClasses: i32, k: u32, outPtr: usize): void {
  let smallest: u32 = 0xffffffff
  let largest: u32 = 0
  let belowK: u32 = 0
  let uniques: u32 = 0
  for (let j = 0; j < nClasses; j++) {
    const f = load<u32>(sizesPtr + (<usize>j << 2))
    if (f < smallest) smallest = f
    if (f > largest) largest = f
    if (f < k) belowK += f
    if (f == 1) uniques++
  }
  store<u32>(outPtr, nClasses == 0 ? 0 : smallest)
  store<u32>(outPtr, largest, 4)
  store<u32>(outPtr, belowK, 8)
  store<u32>(outPtr, uniques, 12)
}

/** out[s] = number of classes of size s, for s in 0..maxSize (out holds maxSize + 1 u32). */
export function sizeHistogram(sizesPtr: usize, nClasses: i32, outPtr: usize, maxSize: u32): void {
  memory.fill(outPtr, 0, (<usize>maxSize + 1) << 2)
  for (let j = 0; j < nClasses; j++) {
    const slot = outPtr + (<usize>load<u32>(sizesPtr + (<usize>j << 2)) << 2)
    store<u32>(slot, load<u32>(slot) + 1)
  }
}
