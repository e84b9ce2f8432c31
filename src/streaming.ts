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
import { FREQUENCIES_KEY } from './records.js'
import { ROLE_KEY, resolveRoles } from './roles.js'
import { VERSION } from './version.js'

/** What the combinations found so far hold: per column, each value once; per combination, its records. */
interface Accumulator {
  /** Per column: label -> global code, and the value of each global code. */
  codes: Map<string, number>[]
  values: unknown[][]
  /** Combination (global codes joined) -> its index; per index its global codes and records. */
  index: Map<string, number>
  tuples: number[][]
  counts: number[]
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
    const kernels = options.kernels ?? loadKernels()
    let names: string[] | null = null
    let roles: { qi: string[]; sensitive: string[] } | null = null
    let fields: Field[] = []
    const acc: Accumulator = { codes: [], values: [], index: new Map(), tuples: [], counts: [] }
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
        acc.codes = names.map(() => new Map())
        acc.values = names.map(() => [])
      }
      addBatch(acc, table, names as string[], kernels, source)
      rows += batch.numRows
      batches++
      progress.update(rows, null, `rows read (${batches.toLocaleString('en-US')} batches, ${acc.counts.length.toLocaleString('en-US')} combinations)`)
    }
    progress.end()
    if (!roles || !names) throw new RiskcheckError('E_EMPTY', `${source} has no record batches: there is nothing to analyse`)
    const record: FrequencyRecord = {
      format: 'riskcheck-frequencies/1', riskcheck: VERSION, count: COUNT_COLUMN, rows,
      quasiIdentifiers: roles.qi, sensitive: roles.sensitive, sources: [source],
    }
    const outFields = fields.map((f, j) => new Field(f.name, f.type, true,
      new Map([...f.metadata, [ROLE_KEY, j < (roles as { qi: string[] }).qi.length ? 'quasi-identifier' : 'sensitive']])))
    const columns = outFields.map((f, j) => vectorFromArray(acc.tuples.map(t => acc.values[j][t[j]]), f.type))
    const counts = makeVector(makeData({ type: new Int64(), length: acc.counts.length, nullCount: 0, data: BigInt64Array.from(acc.counts, BigInt) }))
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
    return await RecordBatchReader.from(handle)
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
    return Uint32Array.from(c.labels, (label, code) => {
      const key = label === null ? '\u0000null' : `=${label}`
      let g = acc.codes[j].get(key)
      if (g === undefined) {
        g = acc.values[j].length
        acc.codes[j].set(key, g)
        acc.values[j].push(first[code] < 0 ? null : vector?.get(first[code]))
      }
      return g
    })
  })
  for (let t = 0; t < freq.counts.length; t++) {
    const tuple = global.map((g, j) => g[freq.codes[j][t]])
    const key = tuple.join(',')
    const at = acc.index.get(key)
    if (at === undefined) { acc.index.set(key, acc.counts.length); acc.tuples.push(tuple); acc.counts.push(freq.counts[t]) } else acc.counts[at] += freq.counts[t]
  }
}
