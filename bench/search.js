// The generalisation search: Adult (8 quasi-identifiers, the ARX hierarchies, 6,480 nodes) in-process and
// as a whole `riskcheck` process, one node judged in WebAssembly against the reference, and the seeded
// synthetic tables of 1M and 5M rows (6 quasi-identifiers, default hierarchies, k = 5, 1 % suppression).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { anonymise, generalisationLattice } from '../dist/anonymise/index.js'
import { readArrow, referenceKernels } from '../dist/index.js'
import { makeBenchFile } from './data.js'

const ADULT = fileURLToPath(new URL('../datasets/adult.arrow', import.meta.url))
const HIERARCHIES = fileURLToPath(new URL('../datasets/hierarchies/adult/', import.meta.url))
const BIN = fileURLToPath(new URL('../bin/riskcheck.js', import.meta.url))
const QI = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation']

/** Rows for console.table. `time(fn, runs)` returns the median milliseconds. */
export function benchSearch(time, out) {
  const table = readArrow(ADULT)
  const hierarchies = Object.fromEntries(QI.map(c => [c, { kind: 'file', file: `adult_hierarchy_${c}.csv` }]))
  const policy = { qi: QI, hierarchies, baseDir: HIERARCHIES }
  const adult = []
  for (const k of [2, 5, 10]) {
    for (const maxSuppression of [0, 0.02]) {
      let r
      const ms = time(() => { r = anonymise(table, { ...policy, k, maxSuppression }) }, 3)
      const row = {
        k, 'suppression limit': `${maxSuppression * 100} %`, 'nodes judged': `${r.search.evaluated} / ${r.search.nodes}`,
        'search ms': r.search.milliseconds, 'anonymise() ms': ms.toFixed(0),
        levels: r.transformation.columns.map(c => c.level).join(''), loss: r.transformation.informationLoss.loss.toFixed(4),
        suppressed: r.transformation.suppressed,
      }
      if (k === 5) row['whole process s'] = processSeconds(k, maxSuppression).toFixed(2)
      adult.push(row)
    }
  }
  const levels = [0, 1, 0, 1, 1, 0, 1, 1]
  const wasm = generalisationLattice(table, { ...policy, k: 5 })
  const reference = generalisationLattice(table, { ...policy, k: 5, kernels: referenceKernels })
  const wasmMs = time(() => { for (let i = 0; i < 100; i++) wasm.judge(levels) }) / 100
  const refMs = time(() => reference.judge(levels), 3)
  const node = [{
    'distinct tuples': wasm.distinctTuples, 'wasm ms/node': wasmMs.toFixed(3), 'reference ms/node': refMs.toFixed(1),
    'reference / wasm': (refMs / wasmMs).toFixed(0),
  }]
  const synthetic = [1_000_000, 5_000_000].map(rows => {
    const big = readArrow(makeBenchFile(`${out}bench-${rows}.arrow`, rows))
    let r
    const ms = time(() => { r = anonymise(big, { k: 5, maxSuppression: 0.01 }) }, rows > 2_000_000 ? 1 : 3)
    return {
      rows, 'distinct tuples': r.search.distinctTuples, 'nodes judged': `${r.search.evaluated} / ${r.search.nodes}`,
      'search s': (r.search.milliseconds / 1000).toFixed(2), 'anonymise() s': (ms / 1000).toFixed(2),
      suppressed: r.transformation.suppressed,
    }
  })
  return { adult, node, synthetic }
}

/** Wall seconds of `riskcheck adult.arrow --k K --max-suppression S --hierarchy ... --json` (median of 3). */
function processSeconds(k, share) {
  const args = [BIN, ADULT, '--k', String(k), '--max-suppression', String(share), '--json',
    ...QI.flatMap(c => ['--hierarchy', `${c}=${HIERARCHIES}adult_hierarchy_${c}.csv`])]
  const walls = Array.from({ length: 3 }, () => {
    const t0 = performance.now()
    spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
    return (performance.now() - t0) / 1000
  })
  return walls.sort((a, b) => a - b)[1]
}
