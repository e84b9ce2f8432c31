// An Arrow IPC file or stream read record batch by record batch into its frequency table: memory grows with
// the distinct combinations of the quasi-identifier and sensitive columns, not with the rows. The frequency
// table is then analysed (and searched) like any other, with the figures of the rows (riskcheck --stream).
import { open } from 'node:fs/promises'
import { Field, Int64, RecordBatchReader, Schema, Table, makeData, makeVector, vectorFromArray } from 'apache-arrow'
import type { RecordBatch } from 'apache-arrow'
import type { AnalyseOptions } from './analyse.js'
import { concatCodes } from './anonymise/coded.js'
import { RiskcheckError } from './errors.js'
import { COUNT_COLUMN } from './frequency-file.js'
import type { FrequencyRecord } from './frequency-file.js'
import { arrowFormat } from './input/arrow.js'
import { encodeColumn } from './input/encode.js'
import { loadKernels } from './kernels/wasm/index.js'
import type { Progress } from './progress.js'
import type { Kernels } from './types.js'
import { silentProgress } from './progress.js'
import { FREQUENCIES_KEY } from './records.js'
import { ROLE_KEY, resolveRoles } from './roles.js'
import { VERSION } from './version.js'

/**
 * The combinations found so far: per column, each value once (label -> global code, and the value); the
 * combinations as a frequency table of global codes and records, which the kernels merge with each group's.
 */
class Accumulator {
  codes: Map<string, number>[]
  values: unknown[][]
  tuples: Uint32Array[]
  counts: Uint32Array = new Uint32Array(0)

  constructor(columns: number) {
    this.codes = Array.from({ length: columns }, () => new Map())
    this.values = Array.from({ length: columns }, () => [])
    this.tuples = Array.from({ length: columns }, () => new Uint32Array(0))
  }

  get size(): number { return this.counts.length }

  /** The global code of a value (label: its canonical text, null for null). */
  code(column: number, label: string | null, value: () => unknown): number {
    const key = label === null ? '\u0000null' : `=${label}`
    let g = this.codes[column].get(key)
    if (g === undefined) {
      g = this.values[column].length
      this.codes[column].set(key, g)
      this.values[column].push(value())
    }
    return g
  }

  /** Add combinations (their global codes, column by column, and their records). */
  merge(kernels: Kernels, tuples: Uint32Array[], counts: Uint32Array): void {
    const n = this.size + counts.length
    const weights = new Uint32Array(n)
    weights.set(this.counts)
    weights.set(counts, this.size)
    const columns = tuples.map((t, j) => ({ radix: Math.max(1, this.values[j].length), chunks: [this.tuples[j], t] }))
    const merged = kernels.frequencyTable(columns, n, weights)
    this.tuples = merged.codes
    this.counts = merged.counts
  }
}

/** The most rows riskcheck counts (the kernels count records in 32 bits). */
const MAX_ROWS = 2 ** 32 - 1

/** Record batches are added to the combinations in groups of at least this many rows (or the whole file). */
const GROUP_ROWS = 4_000_000

/**
 * The frequency table of the Arrow IPC file or stream at `path`, read batch by batch (and added in groups of
 * at least `groupRows` rows, and of as many as the combinations found so far). The roles must be given
 * (options or field metadata): inferring them needs every row.
 */
export async function streamFrequencyFile(path: string, options: AnalyseOptions = {}, progress: Progress = silentProgress,
  groupRows = GROUP_ROWS): Promise<Table> {
  const source = options.source ?? path
  let handle
  try {
    handle = await open(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new RiskcheckError('E_FILE', `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}`)
  }
  try {
    const reader = await readerOf(handle, source)
    const totalBatches = reader.isFile() ? reader.numRecordBatches || null : null
    const kernels = options.kernels ?? loadKernels()
    let names: string[] | null = null
    let roles: { qi: string[]; sensitive: string[] } | null = null
    let fields: Field[] = []
    let acc: Accumulator | null = null
    let rows = 0
    let batches = 0
    let group: RecordBatch[] = []
    let grouped = 0
    for await (const batch of batchesOf(reader as AsyncIterable<RecordBatch>, source)) {
      const table = new Table([batch])
      if (!roles) {
        const r = resolveRoles(table, options, () => {
          throw new RiskcheckError('E_ROLES', `--stream reads ${source} batch by batch, and roles cannot be inferred from a part of it`,
            'name them with --qi (and --sensitive), or in the file\'s field metadata (riskcheck.role)')
        }, source)
        roles = { qi: r.quasiIdentifiers, sensitive: r.sensitive }
        names = [...r.quasiIdentifiers, ...r.sensitive]
        fields = names.map(name => table.schema.fields.find(f => f.name === name) as Field)
        acc = new Accumulator(names.length)
      }
      // batches are added in groups: the combinations repeat from batch to batch, and adding them costs more
      // than counting the rows of a larger group
      group.push(batch)
      grouped += batch.numRows
      // a group as large as the combinations found so far, at least: each merge regroups them all
      if (grouped >= Math.max(groupRows, (acc as Accumulator).size)) {
        addBatch(acc as Accumulator, new Table(group), names as string[], kernels, source)
        group = []
        grouped = 0
      }
      rows += batch.numRows
      if (rows > MAX_ROWS) {
        throw new RiskcheckError('E_FILE', `${source} has more than ${MAX_ROWS.toLocaleString('en-US')} rows, the most riskcheck counts`)
      }
      batches++
      // an Arrow file's footer tells how many batches there are: the time left can be estimated from them
      progress.update(batches, totalBatches, `record batches read (${rows.toLocaleString('en-US')} rows, ` +
        `${(acc as Accumulator).size.toLocaleString('en-US')} combinations)`)
    }
    if (group.length > 0) addBatch(acc as Accumulator, new Table(group), names as string[], kernels, source)
    progress.end()
    if (!roles || !names || !acc) throw new RiskcheckError('E_EMPTY', `${source} has no record batches: there is nothing to analyse`)
    const found = acc
    const record: FrequencyRecord = {
      format: 'riskcheck-frequencies/1', riskcheck: VERSION, count: COUNT_COLUMN, rows,
      quasiIdentifiers: roles.qi, sensitive: roles.sensitive, sources: [source],
    }
    const outFields = fields.map((f, j) => new Field(f.name, f.type, true,
      new Map([...f.metadata, [ROLE_KEY, j < (roles as { qi: string[] }).qi.length ? 'quasi-identifier' : 'sensitive']])))
    const columns = outFields.map((f, j) => vectorFromArray(Array.from(found.tuples[j], g => found.values[j][g]), f.type))
    const counts = makeVector(makeData({ type: new Int64(), length: found.size, nullCount: 0, data: BigInt64Array.from(found.counts, BigInt) }))
    const schema = new Schema([...outFields, new Field(COUNT_COLUMN, new Int64(), false)], new Map([[FREQUENCIES_KEY, JSON.stringify(record)]]))
    return new Table(schema, Object.fromEntries([...outFields.map((f, j) => [f.name, columns[j]]), [COUNT_COLUMN, counts]]))
  } finally {
    await handle.close()
  }
}

async function readerOf(handle: Awaited<ReturnType<typeof open>>, source: string) {
  const head = Buffer.alloc(8)
  const { bytesRead } = await handle.read(head, 0, 8, 0)
  if (!arrowFormat(head.subarray(0, bytesRead))) {
    throw new RiskcheckError('E_ARROW', `${source} is not a readable Arrow IPC file or stream (it does not start like one)`,
      '--stream reads Arrow IPC; read Parquet and CSV without it')
  }
  try {
    // opened here, so that a file's footer (and its number of batches) is read before the first batch
    return await (await RecordBatchReader.from(handle)).open()
  } catch (e) {
    throw new RiskcheckError('E_ARROW', `${source} is not a readable Arrow IPC file or stream (${(e as Error).message})`,
      '--stream reads Arrow IPC; read Parquet and CSV without it')
  }
}

/** The batches, with a damaged file reported as such rather than as apache-arrow's exception. */
async function* batchesOf(reader: AsyncIterable<RecordBatch>, source: string): AsyncGenerator<RecordBatch> {
  const it = reader[Symbol.asyncIterator]()
  while (true) {
    let next: IteratorResult<RecordBatch>
    try {
      next = await it.next()
    } catch (e) {
      throw new RiskcheckError('E_ARROW', `${source} is damaged: apache-arrow could not read a record batch (${(e as Error).message})`)
    }
    if (next.done) return
    yield next.value
  }
}

/** The combinations of a group of batches added: its tuples from the kernel, each value mapped to its global code. */
function addBatch(acc: Accumulator, table: Table, names: string[], kernels: Kernels, source: string): void {
  const columns = names.map(name => encodeColumn(table, name, source))
  const freq = kernels.frequencyTable(columns, table.numRows)
  // per column: the global code of each of the batch's codes (a value met for the first time keeps its value)
  const global = columns.map((c, j) => {
    const first = new Int32Array(c.radix).fill(-1)
    const codes = concatCodes(c)
    for (let i = 0; i < codes.length; i++) if (first[codes[i]] < 0) first[codes[i]] = i
    const vector = table.getChild(names[j])
    // a dictionary entry no row of this batch uses gets no global code: its value is known only where it is used
    return Uint32Array.from(c.labels, (label, code) => first[code] < 0 ? 0 : acc.code(j, label, () => vector?.get(first[code])))
  })
  acc.merge(kernels, freq.codes.map((codes, j) => {
    const out = new Uint32Array(codes.length)
    for (let t = 0; t < codes.length; t++) out[t] = global[j][codes[t]]
    return out
  }), freq.counts)
}
