// Where the records come from: the rows of a table (one record each), or a frequency table whose rows are
// distinct combinations with a count of records (riskcheck freq, a merge, or a GROUP BY in a SQL engine).
// Everything that counts records asks this module, so both give the same figures.
import type { Table } from 'apache-arrow'
import { concatCodes } from './anonymise/coded.js'
import { RiskcheckError, quote } from './errors.js'
import type { CodeColumn, DiversityFigures, FrequencyTable, KernelInput, KernelOutput, Kernels } from './types.js'

/** The schema metadata key of a frequency table written by riskcheck (its count column and what it counts). */
export const FREQUENCIES_KEY = 'riskcheck.frequencies'

/** The records of a table. */
export interface Records {
  /** Number of records (the sum of the counts for a frequency table). */
  n: number
  /** The count column of a frequency table, or null when each row is a record. */
  counts: string | null
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
      n: rows, counts: null,
      tuples: columns => kernels.frequencyTable(columns, rows),
      frequencies: input => kernels.frequencies({ ...input, rows }),
    }
  }
  const weights = countColumn(table, counts, source)
  const n = weights.reduce((a, w) => a + w, 0)
  const tuples = (columns: CodeColumn[]) => aggregate(columns.map(c => concatCodes(c)), columns.map(c => c.radix), weights, n)
  return {
    n, counts,
    tuples,
    frequencies: input => weightedFrequencies(tuples([...input.quasiIdentifiers, ...input.sensitive]),
      input.quasiIdentifiers.length, input.k, input.l),
  }
}

/** The counts: whole numbers from 0 to 2^32 - 1, no nulls. */
function countColumn(table: Table, name: string, source: string): Uint32Array {
  const vector = table.getChild(name)
  if (!vector) {
    throw new RiskcheckError('E_COLUMN', `the count column ${quote(name)} is not in ${source} (columns: ` +
      `${table.schema.fields.map(f => f.name).join(', ')})`, 'name it with --counts')
  }
  const out = new Uint32Array(table.numRows)
  for (let i = 0; i < table.numRows; i++) {
    const raw = vector.get(i)
    const n = Number(raw)
    if (raw === null || !Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      throw new RiskcheckError('E_COLUMN', `the count column ${quote(name)} in ${source} has ${raw === null ? 'a null' : `the value ${quote(raw)}`} ` +
        `in row ${i + 1}: counts are whole numbers of records`)
    }
    out[i] = n
  }
  return out
}

/** Rows with the same codes merged, their counts added; rows with a count of 0 left out. */
function aggregate(codes: Uint32Array[], radices: number[], weights: Uint32Array, n: number): FrequencyTable {
  const exact = radices.reduce((a, r) => a * Math.max(1, r), 1) <= Number.MAX_SAFE_INTEGER
  const at = new Map<number | string, number>()
  const first: number[] = []
  const sums: number[] = []
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue
    const key = exact ? codes.reduce((k, c, j) => k * Math.max(1, radices[j]) + c[i], 0) : codes.map(c => c[i]).join(',')
    const t = at.get(key)
    if (t === undefined) { at.set(key, first.length); first.push(i); sums.push(weights[i]) } else sums[t] += weights[i]
  }
  return { rows: n, codes: codes.map(c => Uint32Array.from(first, i => c[i])), counts: Uint32Array.from(sums) }
}

/**
 * The kernel's figures from distinct combinations with counts: the first `qi` columns of `table` are the
 * quasi-identifiers, the others sensitive; k for records below k, l for recursive (c,l)-diversity.
 */
export function weightedFrequencies(table: FrequencyTable, qi: number, k: number, l: number): KernelOutput {
  const ids = new Map<string, number>()
  const classOf = Uint32Array.from(table.counts, (_, t) => {
    const key = table.codes.slice(0, qi).map(c => c[t]).join(',')
    let id = ids.get(key)
    if (id === undefined) { id = ids.size; ids.set(key, id) }
    return id
  })
  const sizes = new Float64Array(ids.size)
  classOf.forEach((c, t) => { sizes[c] += table.counts[t] })
  const bySize = new Map<number, number>()
  for (const f of sizes) bySize.set(f, (bySize.get(f) ?? 0) + 1)
  return {
    classes: sizes.length,
    minClassSize: sizes.reduce((m, f) => Math.min(m, f), Infinity),
    maxClassSize: sizes.reduce((m, f) => Math.max(m, f), 0),
    recordsBelowK: sizes.reduce((a, f) => a + (f < k ? f : 0), 0),
    sampleUniques: sizes.reduce((a, f) => a + (f === 1 ? 1 : 0), 0),
    histogram: [...bySize].sort((a, b) => a[0] - b[0]),
    diversity: table.codes.slice(qi).map(codes => diversity(classOf, codes, table.counts, sizes, l)),
  }
}

/** l-diversity figures of one sensitive column over the classes (as the kernels compute them). */
function diversity(classOf: Uint32Array, codes: Uint32Array, counts: Uint32Array, sizes: Float64Array, l: number): DiversityFigures {
  const values = Array.from(sizes, () => new Map<number, number>())
  classOf.forEach((c, t) => { values[c].set(codes[t], (values[c].get(codes[t]) ?? 0) + counts[t]) })
  const d: DiversityFigures = {
    distinct: Infinity, entropyH: Infinity, maxRatio: 0, classesBelowL: 0, recordsBelowL: 0, homogeneousClasses: 0, homogeneousRecords: 0,
  }
  values.forEach((v, c) => {
    const r = [...v.values()].sort((a, b) => b - a)
    const size = sizes[c]
    d.distinct = Math.min(d.distinct, r.length)
    d.entropyH = Math.min(d.entropyH, r.reduce((h, x) => h - (x / size) * Math.log(x / size), 0))
    if (r.length < l) { d.classesBelowL++; d.recordsBelowL += size } else {
      d.maxRatio = Math.max(d.maxRatio, r[0] / r.slice(l - 1).reduce((a, x) => a + x, 0))
    }
    if (r.length === 1) { d.homogeneousClasses++; d.homogeneousRecords += size }
  })
  return d
}
