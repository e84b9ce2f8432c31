// Where the records come from: the rows of a table (one record each), or a frequency table whose rows are
// distinct combinations with a count of records (riskcheck freq, a merge, or a GROUP BY in a SQL engine).
// Everything that counts records asks this module, so both give the same figures.
import type { Table } from 'apache-arrow'
import { concatCodes } from './anonymise/coded.js'
import { RiskcheckError } from './errors.js'
import { numberColumn } from './input/number-column.js'
import type { NumberRule } from './input/number-column.js'
import { tupleIds } from './kernels/wasm/tuple-ids.js'
import { loadKernels } from './kernels/wasm/index.js'
import type { CodeColumn, FrequencyTable, KernelInput, KernelOutput, Kernels } from './types.js'

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
  if (n > MAX_RECORDS) {
    throw new RiskcheckError('E_COLUMN', `the counts of ${source} add up to ${n.toLocaleString('en-US')} records, more than ` +
      `riskcheck counts (${MAX_RECORDS.toLocaleString('en-US')})`)
  }
  // the kernels take each row as its count of records; rows that count none are left out
  const counted = countedRows(weights)
  const rows = counted ? counted.length : table.numRows
  const kept = counted ? Uint32Array.from(counted, i => weights[i]) : weights
  const only = (columns: CodeColumn[]) => counted ? columns.map(c => rowsOf(c, counted)) : columns
  return {
    n, counts, weights,
    tuples: columns => kernels.frequencyTable(only(columns), rows, kept),
    frequencies: input => kernels.frequencies({ ...input, quasiIdentifiers: only(input.quasiIdentifiers),
      sensitive: only(input.sensitive), rows, weights: kept }),
  }
}

/** The most records riskcheck counts (the kernels count them in 32 bits). */
const MAX_RECORDS = 0xffffffff

/** The rows whose weight is not 0, or null when none is 0. */
function countedRows(weights: Uint32Array): Uint32Array | null {
  if (!weights.includes(0)) return null
  const rows: number[] = []
  weights.forEach((w, i) => { if (w > 0) rows.push(i) })
  return Uint32Array.from(rows)
}

/** The codes of a column at these rows. */
function rowsOf(column: CodeColumn, rows: Uint32Array): CodeColumn {
  const codes = concatCodes(column)
  return { radix: column.radix, chunks: [Uint32Array.from(rows, i => codes[i])] }
}

/** The counts: whole numbers from 0 to 2^32 - 1, no nulls. */
const COUNTS: NumberRule = {
  what: 'count', valid: n => Number.isInteger(n) && n >= 0 && n <= 0xffffffff, rule: 'counts are whole numbers of records',
  missingHint: 'name it with --counts',
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
export function weightedFrequencies(table: FrequencyTable, qi: number, k: number, l: number, kernels = loadKernels()): KernelOutput {
  const counted = countedRows(table.counts)
  const columns = table.codes.map(codes => {
    const column = { radix: codes.reduce((m, c) => Math.max(m, c + 1), 1), chunks: [codes] }
    return counted ? rowsOf(column, counted) : column
  })
  return kernels.frequencies({ rows: counted ? counted.length : table.counts.length, quasiIdentifiers: columns.slice(0, qi),
    sensitive: columns.slice(qi), k, l, weights: counted ? Uint32Array.from(counted, i => table.counts[i]) : table.counts })
}
