// The risk figures of a table (frequencies) and its table of distinct tuples (frequencyTable).
import type { CodeColumn, DiversityFigures, FrequencyTable, KernelInput, KernelOutput, NodeCriteria } from '../../types.js'
import { failBelow, failBelowL } from './evaluator.js'
import { classBound, firstRowsOf, gathered, groupRows, upload, uploaded } from './group.js'
import { arena } from './instance.js'
import type { Arena, Exports } from './instance.js'
import { apart, rowParts } from './team.js'
import type { Team } from './team.js'

/** Weights, when given, are one per row and at least 1 (a row of weight 0 would be a class of no records). */
function checkWeights(weights: Uint32Array | undefined, rows: number): void {
  if (!weights) return
  if (weights.length !== rows) throw new RangeError(`${weights.length} weights for ${rows} rows`)
  if (weights.subarray(0, rows).includes(0)) throw new RangeError('weights must be at least 1')
}

const widthOf = (cols: CodeColumn[]) => Math.max(1, ...cols.map(c => c.chunks[0]?.BYTES_PER_ELEMENT ?? 1))

/**
 * The rows grouped by `columns`, in a fresh arena: the class count, the class sizes and (with assignIds)
 * the class id of each row in `keys`; `column` is a buffer of one code per row, wide enough for these
 * columns and `alsoUploads`, for code columns uploaded later. The grouping's own tables are released.
 */
function groupedRows(x: Exports, columns: CodeColumn[], rows: number, team: Team,
  o: { assignIds: boolean; alsoUploads: CodeColumn[]; weights?: Uint32Array }) {
  x.reset()
  const mem = arena(x, `${rows} rows`)
  const weights = o.weights ? mem.alloc(rows * 4) : 0
  if (o.weights) mem.u32(weights, rows).set(o.weights.subarray(0, rows))
  const keys = mem.alloc(rows * 4)
  const sizes = mem.alloc(classBound(rows, columns.map(c => c.radix)) * 4)
  const column = mem.alloc(rows * widthOf([...columns, ...o.alsoUploads]))
  const scratch = x.mark()
  const classes = groupRows(x, mem, columns.map(c => uploaded(mem, c, column, rows)), rows,
    { keys, sizes, weights, assignIds: o.assignIds }, team)
  x.release(scratch)
  return { mem, keys, sizes, column, classes, weights }
}

/** Class figures and l-diversity of the rows of `input` (each row `input.weights[i]` records, if given). */
export function frequencies(x: Exports, input: KernelInput, team: Team): KernelOutput {
  const n = input.rows
  checkWeights(input.weights, n)
  const { mem, keys, sizes, column, classes: nClasses, weights } = groupedRows(x, input.quasiIdentifiers, n, team,
    { assignIds: input.sensitive.length > 0, alsoUploads: input.sensitive, weights: input.weights })

  const stats = mem.alloc(16)
  x.classStats(sizes, nClasses, input.k, stats)
  const [minClassSize, maxClassSize, recordsBelowK, sampleUniques] = mem.u32(stats, 4)
  const histogram = readHistogram(x, mem, sizes, nClasses, maxClassSize)

  const diversity = input.sensitive.map((col): DiversityFigures => {
    const at = x.mark()
    const width = upload(mem, col, column, n)
    const figures = diversityOf(x, mem, team, { keys, n, sizes, nClasses, codes: column, width, radix: col.radix, l: input.l, weights })
    x.release(at)
    return figures
  })
  return { classes: nClasses, minClassSize, maxClassSize, recordsBelowK, sampleUniques, histogram, diversity }
}

interface DiversityInput {
  keys: number; n: number; sizes: number; nClasses: number; codes: number; width: number; radix: number; l: number
  /** Each row's records (0: one each, and the class sizes are the rows of each class). */
  weights: number
}

/**
 * l-diversity of one sensitive column: a counting sort of its codes by class, each part of the rows writing
 * its share of every class after the shares of the parts before it (so that each class is one run of the
 * sorted codes), then the classes are judged in runs of about equal work, one per part; the runs' figures
 * are joined (smallest, smallest, largest, then sums: each one exact).
 */
function diversityOf(x: Exports, mem: Arena, team: Team, d: DiversityInput): DiversityFigures {
  const parts = rowParts(d.n, team.size)
  const stride = apart(4 * d.nClasses)
  // each part's rows of each class (one part, unweighted: the class sizes), and the rows of each class
  const counts = parts.length === 1 && !d.weights ? d.sizes : mem.alloc(stride * parts.length)
  if (counts !== d.sizes) team.run('countClasses', parts.map((p, t) => [d.keys + 4 * p.from, p.count, d.nClasses, counts + stride * t]))
  const rowsPer = !d.weights ? d.sizes : parts.length === 1 ? counts : summedCounts(mem, counts, parts.length, stride, d.nClasses)
  const runs = classRuns(mem.u32(rowsPer, d.nClasses), team.size)
  const cursors = mem.alloc(stride * parts.length)
  team.run('classCursors', runs.map(r => [counts, parts.length, stride, r.from, r.to, r.start, cursors]))
  const sorted = mem.alloc(apart(d.n * d.width))
  const sortedWeights = d.weights ? mem.alloc(apart(d.n * 4)) : 0
  team.run('sortByClass', parts.map((p, t) => [d.keys + 4 * p.from, p.count, cursors + stride * t, d.codes + d.width * p.from,
    d.width, sorted, d.weights ? d.weights + 4 * p.from : 0, sortedWeights]))
  const out = mem.alloc(apart(7 * 8) * runs.length)
  const outAt = (t: number) => out + apart(7 * 8) * t
  team.run('diversity', runs.map((r, t) => [sorted, d.width, d.sizes, rowsPer, r.from, r.to, r.start, d.radix, d.l,
    mem.alloc(apart(x.diversityScratchBytes(d.radix))), outAt(t), sortedWeights]))
  const f = runs.map((_, t) => mem.f64(outAt(t), 7))
  const min = (i: number) => Math.min(...f.map(r => r[i]))
  const sum = (i: number) => f.reduce((a, r) => a + r[i], 0)
  const none = d.nClasses === 0
  return { distinct: none ? 0 : min(0), entropyH: none ? 0 : min(1), maxRatio: Math.max(...f.map(r => r[2])),
    classesBelowL: sum(3), recordsBelowL: sum(4), homogeneousClasses: sum(5), homogeneousRecords: sum(6) }
}

/** The rows of each class, summed over the parts' counts (`nParts` tables `stride` bytes apart). */
function summedCounts(mem: Arena, counts: number, nParts: number, stride: number, nClasses: number): number {
  const total = mem.alloc(stride)
  const sum = mem.u32(total, nClasses).fill(0)
  for (let t = 0; t < nParts; t++) {
    const part = mem.u32(counts + stride * t, nClasses)
    for (let j = 0; j < nClasses; j++) sum[j] += part[j]
  }
  return total
}

/** Judging a class costs about as much as reading this many of its rows (measured: the logarithms). */
const CLASS_COST = 8

/**
 * `count` runs of consecutive classes of about equal work (rows + CLASS_COST per class), with the rows
 * before each run (`start`).
 */
function classRuns(sizes: Uint32Array, count: number): { from: number; to: number; start: number }[] {
  const work = sizes.reduce((a, s) => a + s + CLASS_COST, 0)
  const runs = []
  let from = 0, done = 0, rows = 0
  for (let t = 1; t <= count; t++) {
    const start = rows
    let to = from
    const target = t === count ? Infinity : (work * t) / count
    while (to < sizes.length && done < target) {
      done += sizes[to] + CLASS_COST
      rows += sizes[to++]
    }
    runs.push({ from, to, start })
    from = to
  }
  return runs
}

/** The number of classes of each size; sizes counted in a table up to the largest, unless that is sparse. */
function readHistogram(x: Exports, mem: Arena, sizes: number, nClasses: number, maxSize: number): [number, number][] {
  if (maxSize > 4 * nClasses + 1024) {
    // weighted sizes can run to billions of records: count the few sizes there are
    const bySize = new Map<number, number>()
    for (const f of mem.u32(sizes, nClasses)) bySize.set(f, (bySize.get(f) ?? 0) + 1)
    return [...bySize].sort((a, b) => a[0] - b[0])
  }
  const out = mem.alloc((maxSize + 1) * 4)
  x.sizeHistogram(sizes, nClasses, out, maxSize)
  const counts = mem.u32(out, maxSize + 1)
  const histogram: [number, number][] = []
  for (let size = 1; size <= maxSize; size++) if (counts[size] > 0) histogram.push([size, counts[size]])
  return histogram
}

/**
 * The distinct tuples of `columns` over `rows` rows, with their counts (or summed weights); in the order
 * groupRows numbers classes: key order for a dense table, first appearance for a hashed one.
 */
export function frequencyTable(x: Exports, columns: CodeColumn[], rows: number, team: Team, weights?: Uint32Array): FrequencyTable {
  checkWeights(weights, rows)
  const { mem, keys, sizes, column, classes: nTuples } = groupedRows(x, columns, rows, team, { assignIds: true, alsoUploads: [], weights })
  const first = firstRowsOf(mem, team, keys, rows, nTuples)
  const out = mem.alloc(nTuples * 4)
  const codes = columns.map(col => {
    const width = upload(mem, col, column, rows)
    gathered(team, column, width, first, nTuples, out)
    return mem.u32(out, nTuples).slice()
  })
  return { rows: weights ? weights.reduce((a, w) => a + w, 0) : rows, codes, counts: mem.u32(sizes, nTuples).slice() }
}

/**
 * 1 for each row whose class (by `columns`) has at least k rows and at least l[i] distinct values of
 * sensitive[i]; null when every row passes.
 */
export function keptRows(x: Exports, columns: CodeColumn[], sensitive: CodeColumn[], rows: number, criteria: NodeCriteria,
  team: Team): Uint8Array | null {
  if (rows === 0) return null
  const { mem, keys, sizes, column, classes } = groupedRows(x, columns, rows, team, { assignIds: true, alsoUploads: sensitive })
  const fail = mem.alloc(Math.max(classes, 1))
  failBelow(team, sizes, classes, criteria.k, fail, true)
  criteria.l.forEach((l, i) => {
    const width = upload(mem, sensitive[i], column, rows)
    failBelowL(x, mem, team, { keys, classes, n: rows, fail, codes: column, radix: sensitive[i].radix, width }, l)
  })
  const out = mem.alloc(rows)
  const parts = rowParts(rows, team.size)
  const kept = team.run('keptOf', parts.map(p => [keys + 4 * p.from, p.count, fail, out + p.from])).reduce((a, k) => a + k, 0)
  return kept === rows ? null : mem.bytes(out, rows).slice()
}
