// Frequency tables as files: the distinct combinations of a table's quasi-identifier and sensitive columns,
// in their own Arrow types, with the records of each (riskcheck freq); several merged into one (riskcheck
// merge). Analysing such a file, or searching a coding on it, gives the figures of the rows it counts.
import { Field, Int64, Schema, Table, makeData, makeVector, vectorFromArray } from 'apache-arrow'
import type { DataType, Vector } from 'apache-arrow'
import { analyse } from './analyse.js'
import { concatCodes } from './anonymise/coded.js'
import type { AnalyseOptions } from './analyse.js'
import { RiskcheckError, quote } from './errors.js'
import { encodeColumn } from './input/encode.js'
import { loadKernels } from './kernels/wasm/index.js'
import { FREQUENCIES_KEY, countsOf, groupRows, recordsOf } from './records.js'
import { ROLE_KEY } from './roles.js'
import { VERSION } from './version.js'

/** What a frequency file's schema metadata (riskcheck.frequencies) says of it. */
export interface FrequencyRecord {
  format: 'riskcheck-frequencies/1'
  riskcheck: string
  /** The count column. */
  count: string
  /** Records counted (the sum of the counts). */
  rows: number
  quasiIdentifiers: string[]
  sensitive: string[]
  /** The files counted. */
  sources: string[]
}

/** The column of counts riskcheck writes. */
export const COUNT_COLUMN = 'count'

/**
 * The frequency table of `table`'s quasi-identifier and sensitive columns (roles as analyse() resolves them;
 * a frequency table is counted again, so merging is counting the concatenation).
 * @example writeArrow(frequencyFile(readArrow('part1.arrow'), { qi: ['birth_year', 'sex'] }), 'part1.freq.arrow')
 */
export function frequencyFile(table: Table, options: AnalyseOptions = {}, sources = [options.source ?? 'the table']): Table {
  const source = options.source ?? 'the table'
  const r = analyse(table, { ...options, strict: false })
  const names = [...r.quasiIdentifiers, ...r.sensitive]
  if (names.includes(COUNT_COLUMN)) {
    throw new RiskcheckError('E_COLUMN', `${source} has a quasi-identifier or sensitive column called ${quote(COUNT_COLUMN)}, the ` +
      'name riskcheck gives the counts', 'rename it')
  }
  const columns = names.map(name => encodeColumn(table, name, source))
  const records = recordsOf(table, countsOf(table, options), options.kernels ?? loadKernels(), source)
  // each combination: its first row (for its values, in their own types) and its records
  const { first: rows, sums: counts } = groupRows(columns.map(c => concatCodes(c)), columns.map(c => c.radix),
    records.weights ?? new Uint8Array(table.numRows).fill(1))
  const fields = names.map((name, j) => {
    const field = table.schema.fields.find(f => f.name === name) as Field
    const role = j < r.quasiIdentifiers.length ? 'quasi-identifier' : 'sensitive'
    return new Field(name, field.type, true, new Map([...field.metadata, [ROLE_KEY, role]]))
  })
  const vectors = names.map((name, j) => valuesAt(table.getChild(name) as Vector, rows, fields[j].type))
  const record: FrequencyRecord = {
    format: 'riskcheck-frequencies/1', riskcheck: VERSION, count: COUNT_COLUMN, rows: records.n,
    quasiIdentifiers: r.quasiIdentifiers, sensitive: r.sensitive, sources,
  }
  const countVector = makeVector(makeData({ type: new Int64(), length: counts.length, nullCount: 0, data: BigInt64Array.from(counts, BigInt) }))
  const schema = new Schema([...fields, new Field(COUNT_COLUMN, new Int64(), false)], new Map([[FREQUENCIES_KEY, JSON.stringify(record)]]))
  return new Table(schema, Object.fromEntries([...names.map((name, j) => [name, vectors[j]]), [COUNT_COLUMN, countVector]]))
}

/**
 * Several frequency files merged into one: the same columns, in the same types, counted together.
 * @example merge([{ table: readArrow('a.freq.arrow'), name: 'a.freq.arrow' }, { table: readArrow('b.freq.arrow'), name: 'b.freq.arrow' }])
 */
export function mergeFrequencyFiles(parts: { table: Table; name: string }[]): Table {
  if (parts.length === 0) throw new RiskcheckError('E_OPTION', 'merge needs at least one frequency file')
  const records = parts.map(({ table, name }) => recordOf(table, name))
  const [first] = parts
  const shape = (t: Table) => t.schema.fields.map(f => `${f.name}: ${f.type}`).join(', ')
  for (const [i, { table, name }] of parts.entries()) {
    if (shape(table) !== shape(first.table)) {
      throw new RiskcheckError('E_COLUMN', `${name} has the columns ${shape(table)}, and ${first.name} has ${shape(first.table)}`,
        'merge frequency files made with the same --qi and --sensitive from files of the same schema')
    }
    if (records[i].count !== records[0].count) throw new RiskcheckError('E_COLUMN', `${name} counts in ${quote(records[i].count)}, ${first.name} in ${quote(records[0].count)}`)
  }
  // the parts one after the other, each column rebuilt in its type, then counted again
  const fields = first.table.schema.fields
  const columns = Object.fromEntries(fields.map(f => [f.name, vectorFromArray(parts.flatMap(({ table }) =>
    Array.from({ length: table.numRows }, (_, i) => table.getChild(f.name)?.get(i))), f.type)]))
  const all = new Table(new Schema(fields, first.table.schema.metadata), columns)
  return frequencyFile(all, {
    qi: records[0].quasiIdentifiers, sensitive: records[0].sensitive, counts: records[0].count, source: parts.map(p => p.name).join(' + '),
  }, records.flatMap(r => r.sources))
}

/** The frequency record of a file riskcheck wrote, or a plain error. */
function recordOf(table: Table, name: string): FrequencyRecord {
  const text = table.schema.metadata.get(FREQUENCIES_KEY)
  let record: FrequencyRecord | undefined
  try { record = text === undefined ? undefined : JSON.parse(text) } catch { record = undefined }
  if (!record || typeof record.count !== 'string' || !Array.isArray(record.quasiIdentifiers)) {
    throw new RiskcheckError('E_COLUMN', `${name} is not a frequency file made by riskcheck freq (no ${FREQUENCIES_KEY} metadata)`,
      'make one with: riskcheck freq FILE --out part.freq.arrow')
  }
  return record
}

/** The values of `vector` at `rows`, as a vector of `type`. */
function valuesAt(vector: Vector, rows: number[], type: DataType): Vector {
  return vectorFromArray(rows.map(i => vector.get(i)), type)
}
