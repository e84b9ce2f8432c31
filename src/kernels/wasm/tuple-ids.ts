// Numbering the distinct tuples of code columns, row by row, in WebAssembly on the calling thread: for the
// modules that count classes of their own (frequency tables, persons, population classes).
import { groupRows } from './group.js'
import { arena, guard, kernelModule, scratchInstance } from './instance.js'
import { teamFor } from './team.js'

/**
 * A dense id per distinct tuple of the code columns (first seen, first numbered), and how many there are.
 * `radices`: each column's codes are below it (default: its largest code + 1).
 */
export function tupleIds(codes: ArrayLike<number>[], radices = codes.map(c => maxPlusOne(c))): { ids: Uint32Array; count: number } {
  const n = codes[0]?.length ?? 0
  if (n === 0) return { ids: new Uint32Array(0), count: 0 }
  const ids = guard(() => {
    const x = scratchInstance()
    x.reset()
    const mem = arena(x, `${n} tuples`)
    const keys = mem.alloc(n * 4)
    const sizes = mem.alloc(n * 4)
    const columns = codes.map((c, j) => {
      const ptr = mem.alloc(n * 4)
      mem.u32(ptr, n).set(c)
      return { radix: Math.max(1, radices[j]), place: () => ({ ptr, width: 4 }) }
    })
    groupRows(x, mem, columns, n, { keys, sizes, weights: 0, assignIds: true }, teamFor(x, kernelModule(), n, 1))
    return mem.u32(keys, n).slice()
  })
  // the kernel numbers classes in key order (or first appearance): renumber them in order of first appearance
  const order = new Int32Array(n).fill(-1)
  let count = 0
  for (let i = 0; i < n; i++) {
    const c = ids[i]
    if (order[c] < 0) order[c] = count++
    ids[i] = order[c]
  }
  return { ids, count }
}

function maxPlusOne(codes: ArrayLike<number>): number {
  let m = 0
  for (let i = 0; i < codes.length; i++) if (codes[i] >= m) m = codes[i] + 1
  return Math.max(1, m)
}
