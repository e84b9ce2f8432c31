// Scale and formats (issue 5): a 100M-row Arrow stream generated batch by batch and analysed with --stream
// (wall time, peak RSS); the same 10M-row table as Arrow, Parquet and CSV through the whole process; and,
// in the same run, DuckDB's GROUP BY computing the same class sizes on the same Parquet file.
import { spawnSync } from 'node:child_process'
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { RecordBatchStreamWriter, tableToIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm/esm'
import { readArrow, sqlQuery } from '../dist/index.js'
import { benchBatches, benchSchema, makeBenchFile } from './data.js'

const BIN = fileURLToPath(new URL('../bin/riskcheck.js', import.meta.url))
const QI = ['birth_year', 'sex', 'arr_residence', 'benefit', 'region', 'amount_class']

/** One riskcheck process: wall and CPU seconds, peak RSS in MB (via /usr/bin/time). */
export function measure(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
  return { wall, cpu: user + sys, rssMB: kb / 1024, status: r.status, out: r.stdout }
}

/** A `rows`-row Arrow IPC stream written batch by batch (never whole in memory). */
async function makeStreamFile(path, rows) {
  if (existsSync(path)) return path
  const writer = new RecordBatchStreamWriter()
  const written = pipeline(writer.toNodeStream(), createWriteStream(`${path}.tmp`))
  writer.reset(undefined, benchSchema())
  for (const batch of benchBatches(rows)) {
    writer.write(batch)
    await new Promise(resolve => setImmediate(resolve)) // let the bytes of this batch go to the file
  }
  writer.finish()
  await written
  renameSync(`${path}.tmp`, path)
  return path
}

function makeParquet(arrowFile, path) {
  if (existsSync(path)) return path
  pw.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) })
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build()
  writeFileSync(path, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(readArrow(arrowFile), 'stream')), props))
  return path
}

function makeCsv(arrowFile, path) {
  if (existsSync(path)) return path
  const table = readArrow(arrowFile)
  const names = table.schema.fields.map(f => f.name)
  const fd = openSync(`${path}.tmp`, 'w')
  writeSync(fd, names.join(',') + '\n')
  const columns = names.map(n => table.getChild(n))
  for (let start = 0; start < table.numRows; start += 100_000) {
    const lines = []
    for (let i = start; i < Math.min(table.numRows, start + 100_000); i++) lines.push(columns.map(c => c.get(i)).join(','))
    writeSync(fd, lines.join('\n') + '\n')
  }
  closeSync(fd)
  renameSync(`${path}.tmp`, path)
  return path
}

/** DuckDB's GROUP BY over the Parquet file, consumed whole (median of `runs`), in seconds. */
async function duckdbSeconds(parquet, runs) {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const connection = await (await DuckDBInstance.create(':memory:')).connect()
  const query = sqlQuery({ dialect: 'duckdb', table: `read_parquet('${parquet}')`, quasiIdentifiers: QI })
  const times = []
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    await connection.runAndReadAll(`SELECT count(*) AS classes, min("count") AS k, sum("count") AS records FROM (${query})`)
    times.push((performance.now() - t0) / 1000)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}

export async function benchScale(OUT, median) {
  const rows = Number(process.env.BENCH_FORMAT_ROWS ?? 10_000_000)
  const arrow = makeBenchFile(`${OUT}bench-${rows}.arrow`, rows)
  const parquet = makeParquet(arrow, `${OUT}bench-${rows}.parquet`)
  const csv = makeCsv(arrow, `${OUT}bench-${rows}.csv`)
  const formats = []
  let parquetWall = null
  for (const [name, file] of [['Arrow', arrow], ['Parquet (zstd)', parquet], ['CSV', csv]]) {
    const runs = Array.from({ length: 3 }, () => measure([file, '--qi', QI.join(','), '--sensitive', 'care_decision', '--k', '5', '--json', '--no-propose']))
    const wall = median(runs.map(r => r.wall))
    if (name.startsWith('Parquet')) parquetWall = wall
    const j = JSON.parse(runs[0].out)
    formats.push({ format: name, 'file MB': (statSync(file).size / 2 ** 20).toFixed(1), 'wall s': wall.toFixed(2),
      'ns/row': (wall * 1e9 / rows).toFixed(0), 'peak RSS MB': median(runs.map(r => r.rssMB)).toFixed(0),
      classes: j.classes, 'sample uniques': j.sampleUniques })
  }
  const duck = await duckdbSeconds(parquet, 3)
  const versus = {
    'DuckDB GROUP BY on the Parquet file (in-process, all cores), s': duck.toFixed(2),
    'DuckDB ns/row': (duck * 1e9 / rows).toFixed(1),
    'riskcheck whole process on the same file (default threads), s': parquetWall.toFixed(2),
    'riskcheck / DuckDB': (parquetWall / duck).toFixed(2),
  }
  const streamRows = Number(process.env.BENCH_STREAM_ROWS ?? 100_000_000)
  const stream = await makeStreamFile(`${OUT}stream-${streamRows}.arrows`, streamRows)
  const s = measure([stream, '--stream', '--k', '5', '--json', '--no-propose'])
  const sj = JSON.parse(s.out)
  const streamed = {
    rows: sj.rows, 'file MB': (statSync(stream).size / 2 ** 20).toFixed(0), 'wall s': s.wall.toFixed(1),
    'ns/row': (s.wall * 1e9 / streamRows).toFixed(0), 'peak RSS MB': s.rssMB.toFixed(0), classes: sj.classes, exit: s.status,
  }
  return { formats, versus, streamed }
}
