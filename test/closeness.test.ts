// t-closeness on the example of Li, Li and Venkatasubramanian (ICDE 2007), worked again by hand: the three
// distances, the verdict, and t as a criterion of the generalisation search.
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { anonymise, generalisationLattice } from '../src/anonymise/index.js'
import { equalDistance, hierarchicalDistance, orderedDistance } from '../src/closeness.js'
import type { HierarchySpec } from '../src/hierarchy/index.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { runCli, tempFile, textTable } from './helpers.js'

// Salaries 3k..11k, one record each (Q uniform); classes P1 = {3k, 4k, 5k}, P2 = {6k, 8k, 11k}, P3 = {7k, 9k, 10k}.
// Ordered EMD (published): P1 0.375, P2 0.167; by hand P3 17/72 = 0.236; t = 0.375.
// Equal distance: each class 1/2 (3 x |1/9 - 1/3| + 6 x 1/9) = 2/3.
const salaries = () => new Table({
  zip: vectorFromArray(['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C'], new Utf8()),
  salary: vectorFromArray([3, 4, 5, 6, 8, 11, 7, 9, 10].map(s => s * 1000), new Int32()),
  disease: vectorFromArray(['flu', 'flu', 'flu', 'flu', 'hiv', 'flu', 'cold', 'flu', 'flu'], new Utf8()),
})

describe('t-closeness', () => {
  test('the distances of the paper, class by class', () => {
    const q = new Float64Array(9).fill(1 / 9)
    const at = (positions: number[]) => Float64Array.from({ length: 9 }, (_, i) => positions.includes(i) ? 1 / 3 : 0)
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8]
    expect(orderedDistance(at([0, 1, 2]), q, order)).toBeCloseTo(0.375, 12)
    expect(orderedDistance(at([3, 5, 8]), q, order)).toBeCloseTo(1 / 6, 12)
    expect(orderedDistance(at([4, 6, 7]), q, order)).toBeCloseTo(17 / 72, 12)
    expect(equalDistance(at([0, 1, 2]), q)).toBeCloseTo(2 / 3, 12)
  })
  test('analyse: t = the largest distance; text columns have no ordered distance; the kernels agree', () => {
    const r = analyse(salaries(), { qi: ['zip'], sensitive: ['salary', 'disease'], k: 1, tCloseness: true })
    expect(r.tCloseness?.salary.ordered).toBeCloseTo(0.375, 12)
    expect(r.tCloseness?.salary.equal).toBeCloseTo(2 / 3, 12)
    // disease overall: flu 7/9, hiv 1/9, cold 1/9; class B: flu 2/3, hiv 1/3 -> 1/2 (|7/9-2/3| + |1/9-1/3| + 1/9) = 2/9
    expect(r.tCloseness?.disease).toEqual({ equal: expect.closeTo(2 / 9, 12), ordered: null, hierarchical: null, distance: 'equal', t: expect.closeTo(2 / 9, 12) })
    const ref = analyse(salaries(), { qi: ['zip'], sensitive: ['salary', 'disease'], k: 1, tCloseness: true, kernels: referenceKernels })
    expect(ref.tCloseness).toEqual(r.tCloseness)
    expect(analyse(salaries(), { qi: ['zip'], sensitive: ['salary'], k: 1 }).tCloseness).toBeNull()
    // codes that look like numbers in a text column are not ordered: the equal distance is judged
    const codes = new Table({ zip: vectorFromArray(['A', 'A', 'B', 'B'], new Utf8()), icd: vectorFromArray(['10', '20', '30', '40'], new Utf8()) })
    expect(analyse(codes, { qi: ['zip'], sensitive: ['icd'], k: 1, t: 0.9 }).tCloseness?.icd).toMatchObject({ ordered: null, distance: 'equal' })
  })
  test('--t-closeness in the summary and the JSON', async () => {
    const file = tempFile('salaries.arrow', tableToIPC(salaries(), 'file'))
    const r = await runCli(file, '--qi', 'zip', '--sensitive', 'salary', '--k', '1', '--t-closeness')
    expect(r.out).toContain('t-closeness of salary: 0.6667 (equal distance), 0.3750 (ordered distance)')
    const j = JSON.parse((await runCli(file, '--qi', 'zip', '--sensitive', 'salary', '--k', '1', '--t-closeness', '--json')).out)
    expect(j.tCloseness.salary.ordered).toBeCloseTo(0.375, 12)
  })
})

// The disease hierarchy of the paper (height 3): leaves; respiratory infection {flu, pneumonia, bronchitis},
// vascular lung {pulmonary edema, pulmonary embolism}, stomach {gastric ulcer, gastritis, stomach cancer},
// colon {colitis, colon cancer}; respiratory system, digestive system; the root.
const DISEASES = ['flu', 'pneumonia', 'bronchitis', 'edema', 'embolism', 'ulcer', 'gastritis', 'stomach cancer', 'colitis', 'colon cancer']
const diseaseMaps = [
  Uint32Array.from(DISEASES, (_, i) => i),
  Uint32Array.of(0, 0, 0, 1, 1, 2, 2, 2, 3, 3),
  Uint32Array.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1),
  new Uint32Array(10),
]
/** Shares over DISEASES from counts by name. */
const shares = (counts: Record<string, number>) => {
  const total = Object.values(counts).reduce((a, c) => a + c, 0)
  return Float64Array.from(DISEASES, d => (counts[d] ?? 0) / total)
}

describe('hierarchical distance', () => {
  // The nine records of the paper: ulcer 1, gastritis 2, stomach cancer 2, flu 1, bronchitis 2, pneumonia 1.
  const q = shares({ ulcer: 1, gastritis: 2, 'stomach cancer': 2, flu: 1, bronchitis: 2, pneumonia: 1 })

  test('worked by hand on the paper\'s records', () => {
    // {ulcer, gastritis, stomach cancer}: extras +2/9 +1/9 +1/9 under stomach, -1/9 -1/9 -2/9 under respiratory
    // infection; they only meet at the root: 1 x 4/9
    expect(hierarchicalDistance(shares({ ulcer: 1, gastritis: 1, 'stomach cancer': 1 }), q, diseaseMaps)).toBeCloseTo(4 / 9, 12)
    // {ulcer, stomach cancer, pneumonia}: stomach pos 3/9 neg 2/9 -> 1/3 x 2/9; respiratory infection pos 2/9
    // neg 3/9 -> 1/3 x 2/9; root 1/9 each way -> 1 x 1/9: 2/27 + 2/27 + 3/27 = 7/27
    expect(hierarchicalDistance(shares({ ulcer: 1, 'stomach cancer': 1, pneumonia: 1 }), q, diseaseMaps)).toBeCloseTo(7 / 27, 12)
    // {gastritis, flu, bronchitis}: 1/27 + 1/27 + 6/27 = 8/27;  {gastritis, bronchitis, stomach cancer}: 1/27 + 1/27 + 3/27
    expect(hierarchicalDistance(shares({ gastritis: 1, flu: 1, bronchitis: 1 }), q, diseaseMaps)).toBeCloseTo(8 / 27, 12)
    expect(hierarchicalDistance(shares({ gastritis: 1, bronchitis: 1, 'stomach cancer': 1 }), q, diseaseMaps)).toBeCloseTo(5 / 27, 12)
    expect(hierarchicalDistance(q, q, diseaseMaps)).toBe(0)
  })

  test('with one level above the values it is the equal distance; it lies in [0, 1]', () => {
    const dist = fc.array(fc.nat({ max: 9 }), { minLength: 6, maxLength: 6 }).filter(a => a.some(x => x > 0))
      .map(a => { const total = a.reduce((s, x) => s + x, 0); return Float64Array.from(a, x => x / total) })
    const flat = [Uint32Array.of(0, 1, 2, 3, 4, 5), new Uint32Array(6)]
    const nested = [Uint32Array.of(0, 1, 2, 3, 4, 5), Uint32Array.of(0, 0, 1, 1, 2, 2), new Uint32Array(6)]
    fc.assert(fc.property(dist, dist, (p, q) => {
      expect(hierarchicalDistance(p, q, flat)).toBeCloseTo(equalDistance(p, q), 12)
      const d = hierarchicalDistance(p, q, nested)
      expect(d).toBeGreaterThanOrEqual(-1e-12)
      expect(d).toBeLessThanOrEqual(1 + 1e-12)
      // moving mass within a group is cheaper than the equal distance says, never dearer
      expect(d).toBeLessThanOrEqual(equalDistance(p, q) + 1e-12)
    }))
  })

  test('a hierarchy given for a sensitive column: the hierarchical distance, and the verdict judges it', async () => {
    // the paper's 0.167-closeness table: classes {ulcer, stomach cancer, pneumonia}, {gastritis, flu, bronchitis},
    // {gastritis, bronchitis, stomach cancer}: t = max(7/27, 8/27, 5/27) = 8/27
    const table = textTable(['zip', 'disease'], [
      ['4767*', 'ulcer'], ['4767*', 'stomach cancer'], ['4767*', 'pneumonia'],
      ['4790*', 'gastritis'], ['4790*', 'flu'], ['4790*', 'bronchitis'],
      ['4760*', 'gastritis'], ['4760*', 'bronchitis'], ['4760*', 'stomach cancer']])
    const hierarchy: HierarchySpec = { kind: 'map', map: [
      { flu: 'respiratory infection', pneumonia: 'respiratory infection', bronchitis: 'respiratory infection', ulcer: 'stomach', gastritis: 'stomach', 'stomach cancer': 'stomach' },
      { 'respiratory infection': 'respiratory', stomach: 'digestive' },
    ] }
    const r = analyse(table, { qi: ['zip'], sensitive: ['disease'], k: 1, t: 0.3, hierarchies: { disease: hierarchy } })
    expect(r.tCloseness?.disease).toMatchObject({ hierarchical: expect.closeTo(8 / 27, 12), distance: 'hierarchical', t: expect.closeTo(8 / 27, 12) })
    expect(r.checks[1]).toEqual({ criterion: 't-closeness', column: 'disease', threshold: 0.3, value: expect.closeTo(8 / 27, 12), met: true })
    expect(analyse(table, { qi: ['zip'], sensitive: ['disease'], k: 1, t: 0.29, hierarchies: { disease: hierarchy } }).meetsThreshold).toBe(false)
    // without the hierarchy, text values are judged with the equal distance
    expect(analyse(table, { qi: ['zip'], sensitive: ['disease'], k: 1, t: 0.3 }).tCloseness?.disease.distance).toBe('equal')
  })
})

describe('t as a criterion of the search', () => {
  const random = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'b'), fc.constantFrom('x', 'y', 'z')),
    { minLength: 4, maxLength: 40 })
  const tableOf = (rows: [number, string, string][]) => new Table({
    age: vectorFromArray(rows.map(r => 20 + r[0]), new Int32()),
    sex: vectorFromArray(rows.map(r => r[1]), new Utf8()),
    diagnosis: vectorFromArray(rows.map(r => r[2]), new Utf8()),
  })
  const policy = (t: number) => ({ qi: ['age', 'sex'], sensitive: ['diagnosis'], k: 2, t, maxSuppression: 0.25,
    hierarchies: { age: { kind: 'bands', bands: [2, 4] } as HierarchySpec } })

  test('the proposal meets t as measured on the coded table, and no node meets it at a lower loss', () => {
    fc.assert(fc.property(random, fc.constantFrom(0.1, 0.2, 0.35, 0.5), (rows, t) => {
      const table = tableOf(rows)
      const r = anonymise(table, policy(t))
      if (r.reason === 'met') return
      const lattice = generalisationLattice(table, policy(t))
      const limit = lattice.suppressionLimit
      let best = Infinity
      for (let a = 0; a < lattice.heights[0]; a++) {
        for (let b = 0; b < lattice.heights[1]; b++) {
          const j = lattice.judge([a, b])
          if (j.figures.suppressed <= limit && j.figures.suppressed < lattice.n) best = Math.min(best, j.objective)
        }
      }
      if (r.transformation === null) { expect(best).toBe(Infinity); return }
      expect(r.after?.meetsThreshold).toBe(true)
      expect(r.after?.tCloseness?.diagnosis.t).toBeLessThanOrEqual(t + 1e-9)
      expect(r.transformation.informationLoss.loss).toBeCloseTo(best, 12)
    }), { numRuns: 150 })
  })

  test('with t = 1 nothing fails by t: the figures are the evaluator\'s', () => {
    fc.assert(fc.property(random, rows => {
      const lattice = generalisationLattice(tableOf(rows), policy(1))
      for (const levels of [[0, 0], [1, 0], [2, 1], [3, 1]]) {
        const j = lattice.judge(levels)
        expect(j.figures).toEqual(j.kl)
      }
    }), { numRuns: 60 })
  })

  test('removing classes moves the distribution they are compared with: classes are removed until none is beyond t', () => {
    // X: 10 records all b; Y: 20 records, a 8 b 12; Z: 60 records, a 54 b 6. Overall a = 62/90 = 0.689:
    // X is 0.689 away (> 0.3), Y 0.289 and Z 0.211 (kept). Without X, a = 62/80 = 0.775 and Y is 0.375 away:
    // removed in turn; Z (0.9) is 0.125 from itself alone. The coded table keeps Z only, and meets t = 0.3.
    const rows = [
      ...Array.from({ length: 10 }, () => ['X', 'b']),
      ...Array.from({ length: 20 }, (_, i) => ['Y', i < 8 ? 'a' : 'b']),
      ...Array.from({ length: 60 }, (_, i) => ['Z', i < 54 ? 'a' : 'b']),
    ]
    const r = anonymise(textTable(['group', 'value'], rows), { qi: ['group'], sensitive: ['value'], k: 1, t: 0.3, maxSuppression: 0.5 })
    expect(r.transformation?.levels).toEqual({ group: 0 })
    expect(r.transformation?.suppressed).toBe(30)
    expect(r.after?.rows).toBe(60)
    expect(r.after?.tCloseness?.value.t).toBe(0)
  })

  test('--suppress mark is refused with --t', () => {
    expect(() => anonymise(tableOf([[0, 'a', 'x'], [1, 'b', 'y']]), { ...policy(0.2), suppress: 'mark' })).toThrow('--suppress mark cannot be combined with --t')
  })
})
