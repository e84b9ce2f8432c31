// The risk figures of a table (frequencies) and its table of distinct tuples (frequencyTable).
import type { DiversityFigures, FrequencyTable, KernelInput, KernelOutput, CodeColumn } from '../../types.js'
import { classBound, groupRows, upload, uploaded } from './group.js'
import { arena } from './instance.js'
import type { Arena, Exports } from './instance.js'

const widthOf = (cols: CodeColumn[]) => Math.max(1, ...cols.map(c => c.chunks[0]?.BYTES_PER_ELEMENT ?? 1))

/** Class figures and l-diversity of the rows of `input`. */
export function frequencies(x: Exports, input: KernelInput): KernelOutput {
  const n = input.rows
  x.reset()
  const mem = arena(x, `${n} rows`)
  const width = widthOf([...input.quasiIdentifiers, ...input.sensitive])
  // Kept throughout: class id per row, and class sizes.
  const keys = mem.alloc(n * 4)
  const sizes = mem.alloc(classBound(n, input.quasiIdentifiers.map(c => c.radix)) * 4)
  const scratch = x.mark()
  const column = mem.alloc(n * width)
  const nClasses = groupRows(x, mem, input.quasiIdentifiers.map(c => uploaded(mem, c, column, n)), n,
    { keys, sizes, weights: 0, assignIds: input.sensitive.length > 0 })
  x.release(scratch)

  const stats = mem.alloc(16)
  x.classStats(sizes, nClasses, input.k, stats)
  const [minClassSize, maxClassSize, recordsBelowK, sampleUniques] = mem.u32(stats, 4)
  const histogram = readHistogram(x, mem, sizes, nClasses, maxClassSize)

  const out = mem.alloc(7 * 8)
  const diversity = input.sensitive.map((col): DiversityFigures => {
    const at = x.mark()
    const codes = mem.alloc(n * width)
    const w = upload(mem, col, codes, n)
    const work = mem.alloc(x.diversityScratchBytes(n, nClasses, col.radix, w))
    x.diversity(keys, n, nClasses, sizes, codes, w, col.radix, input.l, work, out)
    x.release(at)
    const f = mem.f64(out, 7)
    return { distinct: f[0], entropyH: f[1], maxRatio: f[2], classesBelowL: f[3], recordsBelowL: f[4],
      homogeneousClasses: f[5], homogeneousRecords: f[6] }
  })
  return { classes: nClasses, minClassSize, maxClassSize, recordsBelowK, sampleUniques, histogram, diversity }
}

function readHistogram(x: Exports, mem: Arena, sizes: number, nClasses: number, maxSize: number): [number, number][] {
  const out = mem.alloc((maxSize + 1) * 4)
  x.sizeHistogram(sizes, nClasses, out, maxSize)
  const counts = mem.u32(out, maxSize + 1)
  const histogram: [number, number][] = []
  for (let size = 1; size <= maxSize; size++) if (counts[size] > 0) histogram.push([size, counts[size]])
  return histogram
}

/** The distinct tuples of `columns` over `rows` rows, in order of first appearance, with their counts. */
export function frequencyTable(x: Exports, columns: CodeColumn[], rows: number): FrequencyTable {
  x.reset()
  const mem = arena(x, `${rows} rows`)
  const keys = mem.alloc(rows * 4)
  const sizes = mem.alloc(classBound(rows, columns.map(c => c.radix)) * 4)
  const column = mem.alloc(rows * widthOf(columns))
  const nTuples = groupRows(x, mem, columns.map(c => uploaded(mem, c, column, rows)), rows,
    { keys, sizes, weights: 0, assignIds: true })
  const first = mem.alloc(nTuples * 4)
  x.firstRows(keys, rows, nTuples, first)
  const out = mem.alloc(nTuples * 4)
  const codes = columns.map(col => {
    const width = upload(mem, col, column, rows)
    x.gather(column, width, first, nTuples, out)
    return mem.u32(out, nTuples).slice()
  })
  return { rows, codes, counts: mem.u32(sizes, nTuples).slice() }
}
