// Worker threads (issue 5, part 2): the same 10M-row table on 1 and 2 threads, run alternately so that a
// disturbance of the shared machine hits both alike. The first pass (class sizes and l-diversity of encoded
// columns), the generalisation search, and whole `riskcheck` processes. Run alone: node bench/threads.js
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { anonymise, encodeColumn, loadKernels, readArrow } from '../dist/index.js'
import { makeBenchFile } from './data.js'
import { measure } from './scale.js'

const QI = ['birth_year', 'sex', 'arr_residence', 'benefit', 'region', 'amount_class']
const THREADS = [1, 2]

/**
 * `fn(threads)` per thread count, the counts taking turns for `runs` rounds: the median of each, and the
 * speed-up of each round (1 thread / 2 threads, measured a moment apart) with their median and range.
 */
function alternate(runs, fn, median) {
  const ms = THREADS.map(() => [])
  for (let r = 0; r < runs; r++) THREADS.forEach((threads, i) => ms[i].push(fn(threads)))
  const speeds = ms[0].map((one, r) => one / ms[1][r])
  return { medians: ms.map(median), speed: median(speeds), low: Math.min(...speeds), high: Math.max(...speeds) }
}

function row(step, { medians: [one, two], speed, low, high }, unit = 'ms', digits = 0) {
  return { step, '1 thread': `${one.toFixed(digits)} ${unit}`, '2 threads': `${two.toFixed(digits)} ${unit}`,
    speed: `${speed.toFixed(2)}x`, 'rounds': `${low.toFixed(2)}-${high.toFixed(2)}x` }
}

export function benchThreads(OUT, median, rows = Number(process.env.BENCH_THREAD_ROWS ?? 10_000_000)) {
  const runs = Number(process.env.BENCH_RUNS ?? 9)
  const file = makeBenchFile(`${OUT}bench-${rows}.arrow`, rows)
  const table = readArrow(file)
  const input = { rows, quasiIdentifiers: QI.map(q => encodeColumn(table, q)), sensitive: [encodeColumn(table, 'care_decision')], k: 5, l: 2 }
  const kernels = Object.fromEntries(THREADS.map(t => [t, loadKernels({ threads: t })]))
  const timed = fn => { const t0 = performance.now(); fn(); return performance.now() - t0 }
  THREADS.forEach(t => kernels[t].frequencies(input)) // start the workers, compile
  const firstPass = alternate(runs, t => timed(() => kernels[t].frequencies(input)), median)
  const policy = { qi: QI, sensitive: ['care_decision'], k: 5 }
  const search = alternate(Math.min(runs, 5), t => anonymise(table, { ...policy, kernels: kernels[t] }).search.milliseconds, median)
  const args = [file, '--qi', QI.join(','), '--sensitive', 'care_decision', '--k', '5', '--json']
  const wall = (extra) => alternate(3, t => measure([...args, ...extra, '--threads', String(t)]).wall, median)
  return {
    machine: `${cpus().length} cores, ${rows.toLocaleString('en')} rows; speed: the median over alternating rounds of ` +
      `1 thread / 2 threads (${runs} rounds, ${Math.min(runs, 5)} for the search, 3 for whole processes), and its range`,
    rows: [
      row('first pass: class sizes + l-diversity (kernels.frequencies)', firstPass),
      row('generalisation search, k = 5 (search.milliseconds)', search),
      row('whole process, --no-propose', wall(['--no-propose']), 's', 2),
      row('whole process, with the proposal', wall([]), 's', 2),
    ],
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const result = benchThreads(fileURLToPath(new URL('./out/', import.meta.url)), median)
  console.log(`Worker threads: ${result.machine}`)
  console.table(result.rows)
}
