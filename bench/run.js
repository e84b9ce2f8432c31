// npm run bench: the risk kernel (WebAssembly against the TypeScript reference and against the same
// algorithm in plain JS) and the whole `riskcheck FILE --k 5 --json --no-propose` process, on seeded tables
// of 1M and 10M rows; then the generalisation search on Adult (bench/search.js); then scale and formats
// (bench/scale.js: Arrow, Parquet, CSV, DuckDB side by side, a 100M-row stream); then 1 and 2 threads
// (bench/threads.js). Prints figures; asserts
// nothing. Uses dist/ (built by npm install).
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { encodeColumn, loadKernels, readArrow, referenceKernels } from '../dist/index.js'
import { makeBenchFile } from './data.js'
import { plainJsClassStats } from './plain-js.js'
import { benchSearch } from './search.js'
import { benchScale } from './scale.js'
import { benchThreads } from './threads.js'

const OUT = fileURLToPath(new URL('./out/', import.meta.url))
const BIN = fileURLToPath(new URL('../bin/riskcheck.js', import.meta.url))
const SIZES = (process.env.BENCH_ROWS ?? '1000000,10000000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
function time(fn, runs = RUNS) {
  const ms = []
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    fn()
    ms.push(performance.now() - t0)
  }
  return median(ms)
}

console.log(`riskcheck benchmark - Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
  `median of ${RUNS} runs`)
const kernelRows = []
const processRows = []
for (const rows of SIZES) {
  const file = makeBenchFile(`${OUT}bench-${rows}.arrow`, rows)
  const table = readArrow(file)
  const qi = table.schema.fields.filter(f => f.metadata.get('riskcheck.role') === 'quasi-identifier').map(f => encodeColumn(table, f.name))
  const sensitive = [encodeColumn(table, 'care_decision')]
  const wasm = loadKernels()
  const input = { rows, quasiIdentifiers: qi, sensitive: [], k: 5, l: 2 }
  const full = { ...input, sensitive }
  const ns = ms => ((ms * 1e6) / rows).toFixed(1)
  const wasmGroup = time(() => wasm.frequencies(input))
  const wasmFull = time(() => wasm.frequencies(full))
  const js = time(() => plainJsClassStats(qi, rows, 5))
  const ref = time(() => referenceKernels.frequencies(full), rows > 2_000_000 ? 1 : 3)
  kernelRows.push({
    rows, 'wasm ns/row (frequency table)': ns(wasmGroup), 'wasm ns/row (+ l-diversity)': ns(wasmFull),
    'plain JS ns/row (same algorithm)': ns(js), 'reference ns/row': ns(ref),
    'JS / wasm': (js / wasmGroup).toFixed(1), 'reference / wasm': (ref / wasmFull).toFixed(1),
  })
  const runs = Array.from({ length: 3 }, () => measureProcess(file))
  const size = statSync(file).size
  const rss = median(runs.map(r => r.rssMB))
  processRows.push({
    rows, 'file MB': (size / 2 ** 20).toFixed(1), 'wall s': median(runs.map(r => r.wall)).toFixed(2),
    'CPU s': median(runs.map(r => r.cpu)).toFixed(2), 'peak RSS MB': rss.toFixed(0),
    'RSS / file': (rss / (size / 2 ** 20)).toFixed(2), exit: runs[0].status,
  })
}
console.log('\nKernel alone (codes already encoded; wasm includes copying codes into its memory)')
console.table(kernelRows)
console.log('\nWhole process: riskcheck FILE --k 5 --json --no-propose (read, encode, kernel, JSON), via /usr/bin/time')
console.table(processRows)
const search = benchSearch(time, OUT)
console.log('\nGeneralisation search: Adult, 8 quasi-identifiers, ARX hierarchies (6,480 nodes), metric loss')
console.table(search.adult)
console.log('\nOne node judged on the table of distinct tuples (Adult, k = 5)')
console.table(search.node)
console.log('\nGeneralisation search: synthetic tables, 6 quasi-identifiers, default hierarchies, k = 5, 1 % suppression')
console.table(search.synthetic)
const scale = await benchScale(OUT, median)
console.log('\nThe same table as Arrow, Parquet and CSV: riskcheck FILE --k 5 --json --no-propose, whole process')
console.table(scale.formats)
console.log('\nSide by side: the class sizes by DuckDB (riskcheck sql --dialect duckdb) on the same Parquet file')
console.table(scale.versus)
console.log('\nAn Arrow stream generated batch by batch, analysed with --stream (riskcheck FILE --stream --k 5 --json --no-propose)')
console.table([scale.streamed])
const threads = benchThreads(OUT, median)
console.log(`\nWorker threads (--threads 1 and 2): ${threads.machine}`)
console.table(threads.rows)

function measureProcess(file) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, BIN, file, '--k', '5', '--json', '--no-propose'],
    { encoding: 'utf8', maxBuffer: 1 << 26 })
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
  return { wall, cpu: user + sys, rssMB: kb / 1024, status: r.status }
}
