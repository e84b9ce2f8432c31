// Where the records come from: the rows of a table (one record each), or a frequency table whose rows are
// distinct combinations with a count of records (riskcheck freq, a merge, or a GROUP BY in a SQL engine).
// Everything that counts records asks this module, so both give the same figures.
import type { Table } from 'apache-arrow'
import { concatCodes } from './anonymise/coded.js'
import { RiskcheckError } from './errors.js'
import { numberColumn } from './input/number-column.js'
import type { NumberRule } from './input/number-column.js'
import { tupleIds } from './kernels/wasm/tuple-ids.js'
import type { CodeColumn, DiversityFigures, FrequencyTable, KernelInput, KernelOutput, Kernels } from './types.js'

/** The schema metadata key of a frequency table written by riskcheck (its count column and what it counts). */
export const FREQUENCIES_KEY = 'riskcheck.frequencies'

/** The records of a table. */
export interface Records {
  /** Number of records (the sum of the counts for a frequency table). */
  n: number
  /** The count column of a frequency table, or null when each row is a record. */
  counts: string | null
  /** Each row's records: its count (checked), or null when each row is one record. */
  weights: Uint32Array | null
  /** Distinct combinations of some columns with their records. */
  tuples(columns: CodeColumn[]): FrequencyTable
  /** The risk figures of the kernel (class sizes, histogram, l-diversity) over the records. */
  frequencies(input: Omit<KernelInput, 'rows'>): KernelOutput
}

/** The count column a table's metadata names (written by riskcheck freq), or undefined. */
export function countsFromMetadata(table: Table): string | undefined {
  const text = table.schema.metadata.get(FREQUENCIES_KEY)
  if (text === undefined) return undefined
  try {
    const count = JSON.parse(text)?.count
    return typeof count === 'string' ? count : undefined
  } catch {
    return undefined
  }
}

/** The count column of a table: the one the options name, else the one its metadata names, else null (rows). */
export function countsOf(table: Table, options: { counts?: string }): string | null {
  return options.counts ?? countsFromMetadata(table) ?? null
}

/** The records of `table`: its rows, or, with `counts`, the counts of that column. */
export function recordsOf(table: Table, counts: string | null, kernels: Kernels, source: string): Records {
  if (counts === null) {
    const rows = table.numRows
    return {
      n: rows, counts: null, weights: null,
      tuples: columns => kernels.frequencyTable(columns, rows),
      frequencies: input => kernels.frequencies({ ...input, rows }),
    }
  }
  const weights = numberColumn(table, counts, source, COUNTS, new Uint32Array(table.numRows))
  const n = weights.reduce((a, w) => a + w, 0)
  const tuples = (columns: CodeColumn[]) => aggregate(columns.map(c => concatCodes(c)), columns.map(c => c.radix), weights, n)
  return {
    n, counts, weights,
    tuples,
    frequencies: input => weightedFrequencies(tuples([...input.quasiIdentifiers, ...input.sensitive]),
      input.quasiIdentifiers.length, input.k, input.l),
  }
}

/** The counts: whole numbers from 0 to 2^32 - 1, no nulls. */
const COUNTS: NumberRule = {
  what: 'count', valid: n => Number.isInteger(n) && n >= 0 && n <= 0xffffffff, rule: 'counts are whole numbers of records',
  missingHint: 'name it with --counts',
}

/** Rows with the same codes merged, their counts added; rows with a count of 0 left out. */
function aggregate(codes: Uint32Array[], radices: number[], weights: Uint32Array, n: number): FrequencyTable {
  const { first, sums } = groupRows(codes, radices, weights)
  const picked = codes.map(c => {
    const out = new Uint32Array(first.length)
    for (let t = 0; t < first.length; t++) out[t] = c[first[t]]
    return out
  })
  const big = sums.findIndex(x => x > 0xffffffff)
  if (big >= 0) {
    throw new RiskcheckError('E_COLUMN', `a combination counts ${sums[big]} records, more than riskcheck counts per combination (4,294,967,295)`)
  }
  return { rows: n, codes: picked, counts: Uint32Array.from(sums) }
}

/** The rows grouped by their codes: each group's first row and the sum of its weights; rows of weight 0 left
 * out (a group only they hold is no group). */
export function groupRows(codes: Uint32Array[], radices: number[], weights: ArrayLike<number>): { first: number[]; sums: number[] } {
  const { ids, count } = tupleIds(codes, radices)
  const at = new Int32Array(count).fill(-1)
  const first: number[] = []
  const sums: number[] = []
  for (let i = 0; i < ids.length; i++) {
    if (weights[i] === 0) continue
    const g = ids[i]
    if (at[g] < 0) { at[g] = first.length; first.push(i); sums.push(weights[i]) } else sums[at[g]] += weights[i]
  }
  return { first, sums }
}

/**
 * The kernel's figures from distinct combinations with counts: the first `qi` columns of `table` are the
 * quasi-identifiers, the others sensitive; k for records below k, l for recursive (c,l)-diversity.
 */
export function weightedFrequencies(table: FrequencyTable, qi: number, k: number, l: number): KernelOutput {
  const { ids: classOf, count: classes } = tupleIds(table.codes.slice(0, qi))
  const sizes = new Float64Array(classes)
  classOf.forEach((c, t) => { sizes[c] += table.counts[t] })
  const bySize = new Map<number, number>()
  for (const f of sizes) bySize.set(f, (bySize.get(f) ?? 0) + 1)
  // the tuples of each class together (a counting sort by class), for the sensitive values of each class
  const start = new Uint32Array(classes + 1)
  classOf.forEach(c => { start[c + 1]++ })
  for (let c = 0; c < classes; c++) start[c + 1] += start[c]
  const order = new Uint32Array(classOf.length)
  const at = start.slice(0, classes)
  classOf.forEach((c, t) => { order[at[c]++] = t })
  return {
    classes,
    minClassSize: sizes.reduce((m, f) => Math.min(m, f), Infinity),
    maxClassSize: sizes.reduce((m, f) => Math.max(m, f), 0),
    recordsBelowK: sizes.reduce((a, f) => a + (f < k ? f : 0), 0),
    sampleUniques: sizes.reduce((a, f) => a + (f === 1 ? 1 : 0), 0),
    histogram: [...bySize].sort((a, b) => a[0] - b[0]),
    diversity: table.codes.slice(qi).map(codes => diversity(codes, table.counts, sizes, start, order, l)),
  }
}


/** l-diversity figures of one sensitive column over the classes (as the kernels compute them); the tuples
 * of class c are order[start[c] .. start[c + 1]). */
function diversity(codes: Uint32Array, counts: Uint32Array, sizes: Float64Array, start: Uint32Array, order: Uint32Array,
  l: number): DiversityFigures {
  const radix = codes.reduce((m, x) => Math.max(m, x + 1), 1)
  const inClass = new Float64Array(radix)
  const d: DiversityFigures = {
    distinct: Infinity, entropyH: Infinity, maxRatio: 0, classesBelowL: 0, recordsBelowL: 0, homogeneousClasses: 0, homogeneousRecords: 0,
  }
  const present: number[] = []
  for (let c = 0; c < sizes.length; c++) {
    present.length = 0
    for (let i = start[c]; i < start[c + 1]; i++) {
      const code = codes[order[i]]
      if (inClass[code] === 0) present.push(code)
      inClass[code] += counts[order[i]]
    }
    const r = present.map(code => inClass[code]).sort((a, b) => b - a)
    for (const code of present) inClass[code] = 0
    const size = sizes[c]
    d.distinct = Math.min(d.distinct, r.length)
    d.entropyH = Math.min(d.entropyH, r.reduce((h, x) => h - (x / size) * Math.log(x / size), 0))
    if (r.length < l) { d.classesBelowL++; d.recordsBelowL += size } else {
      let rest = 0
      for (let i = l - 1; i < r.length; i++) rest += r[i]
      d.maxRatio = Math.max(d.maxRatio, r[0] / rest)
    }
    if (r.length === 1) { d.homogeneousClasses++; d.homogeneousRecords += size }
  }
  return d
}
