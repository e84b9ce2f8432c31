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
import { silentProgress } from './progress.js'
import { NumberIndex } from './number-index.js'
import { FREQUENCIES_KEY } from './records.js'
import { ROLE_KEY, resolveRoles } from './roles.js'
import { VERSION } from './version.js'

/**
 * The combinations found so far: per column, each value once (label -> global code, and the value); per
 * combination, its global codes (column by column) and its records, found by a key: a mixed-radix number
 * over power-of-two bases while they fit 53 bits (the bases double, and the keys are rebuilt, when a column
 * meets more values), else text.
 */
class Accumulator {
  codes: Map<string, number>[]
  values: unknown[][]
  tuples: number[][]
  counts: number[] = []
  private bits: number[]
  private numbers = new NumberIndex()
  private text = new Map<string, number>()

  constructor(columns: number) {
    this.codes = Array.from({ length: columns }, () => new Map())
    this.values = Array.from({ length: columns }, () => [])
    this.tuples = Array.from({ length: columns }, () => [])
    this.bits = Array.from({ length: columns }, () => 1)
    this.rekey()
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
      if (g >= 2 ** this.bits[column]) {
        while (g >= 2 ** this.bits[column]) this.bits[column]++
        this.rekey()
      }
    }
    return g
  }

  /** Add `records` to the combination of global codes `tuple`. */
  add(tuple: Uint32Array, records: number): void {
    const at = this.indexOf(this.key(tuple))
    if (at < this.counts.length) { this.counts[at] += records; return }
    for (let j = 0; j < tuple.length; j++) this.tuples[j].push(tuple[j])
    this.counts.push(records)
  }

  /** The index of a combination's key, the next index when it is new. */
  private indexOf(key: number | string): number {
    if (typeof key === 'number') return this.numbers.add(key)
    const at = this.text.get(key) ?? this.text.size
    if (at === this.text.size) this.text.set(key, at)
    return at
  }

  private key(tuple: ArrayLike<number>): number | string {
    if (this.totalBits > 53) return Array.prototype.join.call(tuple, ',')
    let key = 0
    for (let j = 0; j < tuple.length; j++) key = key * this.scale[j] + tuple[j]
    return key
  }

  private get totalBits(): number { return this.total }
  private total = 0
  private scale: number[] = []

  private rekey(): void {
    this.total = this.bits.reduce((a, b) => a + b, 0)
    this.scale = this.bits.map(b => 2 ** b)
    this.numbers = new NumberIndex(this.counts.length)
    this.text = new Map()
    for (let i = 0; i < this.counts.length; i++) this.indexOf(this.key(this.tuples.map(c => c[i])))
  }
}

/**
 * The frequency table of the Arrow IPC file or stream at `path`, read batch by batch. The roles must be given
 * (options or field metadata): inferring them needs every row.
 */
export async function streamFrequencyFile(path: string, options: AnalyseOptions = {}, progress: Progress = silentProgress): Promise<Table> {
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
      addBatch(acc as Accumulator, table, names as string[], kernels, source)
      rows += batch.numRows
      batches++
      // an Arrow file's footer tells how many batches there are: the time left can be estimated from them
      progress.update(batches, totalBatches, `record batches read (${rows.toLocaleString('en-US')} rows, ` +
        `${(acc as Accumulator).size.toLocaleString('en-US')} combinations)`)
    }
    progress.end()
    if (!roles || !names || !acc) throw new RiskcheckError('E_EMPTY', `${source} has no record batches: there is nothing to analyse`)
    const found = acc
    const record: FrequencyRecord = {
      format: 'riskcheck-frequencies/1', riskcheck: VERSION, count: COUNT_COLUMN, rows,
      quasiIdentifiers: roles.qi, sensitive: roles.sensitive, sources: [source],
    }
    const outFields = fields.map((f, j) => new Field(f.name, f.type, true,
      new Map([...f.metadata, [ROLE_KEY, j < (roles as { qi: string[] }).qi.length ? 'quasi-identifier' : 'sensitive']])))
    const columns = outFields.map((f, j) => vectorFromArray(found.tuples[j].map(g => found.values[j][g]), f.type))
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

/** The combinations of one batch added: its tuples from the kernel, each value mapped to its global code. */
function addBatch(acc: Accumulator, table: Table, names: string[], kernels: ReturnType<typeof loadKernels>, source: string): void {
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
  const tuple = new Uint32Array(columns.length)
  const width = columns.length
  const { codes, counts } = freq
  for (let t = 0; t < counts.length; t++) {
    for (let j = 0; j < width; j++) tuple[j] = global[j][codes[j][t]]
    acc.add(tuple, counts[t])
  }
}
