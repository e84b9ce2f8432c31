// A hash index from whole numbers below 2^53 (mixed-radix keys of code tuples) to dense ids 0, 1, 2, ... in
// order of first insertion: open addressing over typed arrays, several times faster than a Map once it holds
// millions of keys (a Map hashes such numbers as heap objects).
export class NumberIndex {
  private keys: Float64Array
  private ids: Int32Array
  private mask: number
  size = 0

  constructor(expected = 1024) {
    let capacity = 1024
    while (capacity < expected * 2) capacity *= 2
    this.keys = new Float64Array(capacity)
    this.ids = new Int32Array(capacity).fill(-1)
    this.mask = capacity - 1
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]
      if (id < 0 || this.keys[slot] === key) return id
    }
  }

  /** The id of `key`, given the next id when it is new. */
  add(key: number): number {
    let slot = hash(key) & this.mask
    for (; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]
      if (id < 0) break
      if (this.keys[slot] === key) return id
    }
    const id = this.size++
    this.keys[slot] = key
    this.ids[slot] = id
    if (this.size * 2 > this.mask + 1) this.grow()
    return id
  }

  private grow(): void {
    const { keys, ids } = this
    this.keys = new Float64Array(keys.length * 2)
    this.ids = new Int32Array(keys.length * 2).fill(-1)
    this.mask = this.keys.length - 1
    for (let s = 0; s < keys.length; s++) {
      if (ids[s] < 0) continue
      let slot = hash(keys[s]) & this.mask
      while (this.ids[slot] >= 0) slot = (slot + 1) & this.mask
      this.keys[slot] = keys[s]
      this.ids[slot] = ids[s]
    }
  }
}

/** A 32-bit mix of a whole number below 2^53. */
function hash(key: number): number {
  const lo = key >>> 0
  const hi = (key / 4294967296) >>> 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * A dense id per distinct tuple of the code columns (row by row, first seen first numbered), and how many
 * there are. Keys are mixed-radix numbers while the product of the radices is exact in a double (`radices`:
 * each column's codes are below it; default: its largest code + 1), else text.
 */
export function tupleIds(codes: ArrayLike<number>[], radices = codes.map(c => maxPlusOne(c))): { ids: Uint32Array; count: number } {
  const n = codes[0]?.length ?? 0
  const ids = new Uint32Array(n)
  const exact = radices.reduce((a, r) => a * Math.max(1, r), 1) <= Number.MAX_SAFE_INTEGER
  if (exact) {
    const index = new NumberIndex()
    for (let t = 0; t < n; t++) {
      let key = 0
      for (let j = 0; j < codes.length; j++) key = key * Math.max(1, radices[j]) + codes[j][t]
      ids[t] = index.add(key)
    }
    return { ids, count: index.size }
  }
  const index = new Map<string, number>()
  for (let t = 0; t < n; t++) {
    const key = Array.from(codes, c => c[t]).join(',')
    let id = index.get(key)
    if (id === undefined) { id = index.size; index.set(key, id) }
    ids[t] = id
  }
  return { ids, count: index.size }
}

function maxPlusOne(codes: ArrayLike<number>): number {
  let m = 0
  for (let i = 0; i < codes.length; i++) if (codes[i] >= m) m = codes[i] + 1
  return Math.max(1, m)
}
