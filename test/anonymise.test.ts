// anonymise(): hand-worked metrics and optimum on a small table, the coded table, optimality on Adult
// against brute force over all 6,480 nodes, errors.
import { Bool, Decimal, Dictionary, Int32, Int64, Table, TimestampNanosecond, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { anonymise, generalisationLattice } from '../src/anonymise/index.js'
import type { Policy } from '../src/anonymise/index.js'
import { parsePolicy } from '../src/anonymise/policy.js'
import { readArrow } from '../src/input/arrow.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { compareCandidates } from '../src/lattice/search.js'

const ADULT = readArrow(new URL('../datasets/adult.arrow', import.meta.url).pathname)
const ADULT_HIERARCHIES = new URL('../datasets/hierarchies/adult/', import.meta.url).pathname
const ADULT_QI = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation']

/** zip: 1000 1000 1010 1010 2000 2000; sex: F M F M F F (worked by hand in the comments below). */
const small = () => new Table({
  zip: vectorFromArray(['1000', '1000', '1010', '1010', '2000', '2000'], new Utf8()),
  sex: vectorFromArray(['F', 'M', 'F', 'M', 'F', 'F'], new Utf8()),
})
const smallPolicy: Policy = { qi: ['zip', 'sex'], k: 2, hierarchies: { zip: { kind: 'prefix', prefix: [1] } } }

describe('anonymise on a table worked by hand', () => {
  // Nodes (zip level, sex level). (0,0) has four classes of 1: fails k = 2.
  // (1,0): zip to "1***" (2 of the 3 zips: LM (2-1)/(3-1) = 0.5, 4 records) and "2***" (LM 0, 2 records):
  //   zip LM = 4 x 0.5 / 6 = 1/3, sex LM 0, loss = mean = 1/6; precision 1 - mean(1/2, 0) = 0.75; DM 2^2 x 3 = 12.
  // (0,1): sex to "*" (LM 1), zip kept: loss 0.5; precision 0.5; DM 12.
  test('loss picks (1,0) with loss 1/6, precision 0.75, discernibility 12', () => {
    const r = anonymise(small(), smallPolicy)
    expect(r.transformation?.levels).toEqual({ zip: 1, sex: 0 })
    expect(r.transformation?.informationLoss.loss).toBeCloseTo(1 / 6, 12)
    expect(r.transformation?.informationLoss.columns.map(c => c.loss)).toEqual([1 / 3, 0])
    expect(r.transformation?.informationLoss.precision).toBeCloseTo(0.75, 12)
    expect(r.transformation?.informationLoss.discernibility).toBe(12)
    expect(r.transformation?.suppressed).toBe(0)
    expect(r.after).toMatchObject({ rows: 6, classes: 3, minClassSize: 2, meetsThreshold: true })
    expect(r.table?.getChild('zip')?.toArray()).toEqual(['1***', '1***', '1***', '1***', '2***', '2***'])
    expect(r.table?.getChild('sex')?.toArray()).toEqual(['F', 'M', 'F', 'M', 'F', 'F'])
    expect(r.alternatives[0].levels).toEqual({ zip: 0, sex: 1 })
    expect(r.alternatives[0].informationLoss.loss).toBe(0.5)
  })

  test('precision agrees; discernibility ties (12 = 12) and takes the first column kept, (0,1)', () => {
    expect(anonymise(small(), { ...smallPolicy, metric: 'precision' }).transformation?.levels).toEqual({ zip: 1, sex: 0 })
    expect(anonymise(small(), { ...smallPolicy, metric: 'discernibility' }).transformation?.levels).toEqual({ zip: 0, sex: 1 })
  })

  test('suppression: with 4 of 6 records allowed, (0,0) passes but costs more (4 suppressed cells a column: loss 2/3)', () => {
    const lattice = generalisationLattice(small(), { ...smallPolicy, maxSuppression: 4 / 6 })
    expect(lattice.suppressionLimit).toBe(4)
    const bottom = lattice.judge([0, 0])
    expect(bottom.figures.suppressed).toBe(4)
    expect(bottom.metrics.loss).toBeCloseTo(2 / 3, 12)
    expect(anonymise(small(), { ...smallPolicy, maxSuppression: 4 / 6 }).transformation?.levels).toEqual({ zip: 1, sex: 0 })
  })

  test('the reference kernels give the same proposal', () => {
    const w = anonymise(small(), smallPolicy)
    const r = anonymise(small(), { ...smallPolicy, kernels: referenceKernels })
    expect(r.transformation?.levels).toEqual(w.transformation?.levels)
    expect(r.transformation?.informationLoss).toEqual(w.transformation?.informationLoss)
  })

  test('a table that already meets k: no proposal, reason "met"', () => {
    const r = anonymise(small(), { ...smallPolicy, qi: ['zip'] })
    expect(r).toMatchObject({ transformation: null, reason: 'met', table: null })
  })

  test('k above the rows: not even "*" everywhere meets it, reason "impossible"', () => {
    expect(anonymise(small(), { ...smallPolicy, k: 7 })).toMatchObject({ transformation: null, reason: 'impossible' })
  })
})

describe('the coded table', () => {
  test('suppressed records are removed; every other column is copied exactly (int64, ns timestamps, decimals, nulls)', () => {
    const n = 9
    const table = new Table({
      g: vectorFromArray(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'd', 'd'], new Utf8()),
      big: vectorFromArray([2n ** 62n + 1n, 2n, 3n, null, 5n, 6n, 7n, 8n, 9n], new Int64()),
      at: vectorFromArray(Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i), new TimestampNanosecond()),
      flag: vectorFromArray([true, false, null, true, true, false, true, false, true], new Bool()),
      text: vectorFromArray(['x', null, 'zz', 'é', '', 'w', 'v', 'u', 't'], new Utf8()),
    })
    // k = 3 with no hierarchy on g: g can only be kept or suppressed; keeping it fails c (1 record) and d (2):
    // 3 of 9 records suppressed
    const r = anonymise(table, { qi: ['g'], k: 3, maxSuppression: 0.34 })
    expect(r.transformation).toMatchObject({ levels: { g: 0 }, suppressed: 3 })
    const coded = r.table as Table
    const kept = [0, 1, 2, 3, 4, 5]
    expect(coded.numRows).toBe(6)
    for (const name of ['big', 'at', 'flag', 'text'] as const) {
      const original = table.getChild(name)!
      expect(coded.getChild(name)?.type.toString(), name).toBe(original.type.toString())
      expect(kept.map(i => coded.getChild(name)?.get(kept.indexOf(i))), name).toEqual(kept.map(i => original.get(i)))
    }
    expect(coded.getChild('big')?.get(0)).toBe(2n ** 62n + 1n)
  })

  test('a coded column is indexed by the narrowest integer that holds its labels', () => {
    // g kept with 127, 128, 129 or 300 labels (each twice, and one row alone that is suppressed)
    for (const [distinct, bits] of [[127, 8], [128, 8], [129, 16], [300, 16]]) {
      const values = [...Array.from({ length: 2 * distinct }, (_, i) => `v${i >> 1}`), 'alone']
      const r = anonymise(new Table({ g: vectorFromArray(values, new Utf8()) }), { qi: ['g'], k: 2, maxSuppression: 0.01 })
      const coded = r.table as Table
      expect(coded.getChild('g')?.type.toString()).toBe(`Dictionary<Int${bits}, Utf8>`)
      expect(Array.from({ length: coded.numRows }, (_, i) => coded.getChild('g')?.get(i))).toEqual(values.slice(0, -1))
    }
  })

  test('a decimal column is copied word for word', () => {
    const words = Uint32Array.from([5, 0, 0, 0, 7, 0, 0, 0, 9, 0, 0, 0, 11, 0, 0, 0])
    const table = new Table({
      g: vectorFromArray(['a', 'a', 'a', 'b'], new Utf8()),
      amount: makeVector(makeData({ type: new Decimal(2, 9, 128), length: 4, data: words })),
    })
    const r = anonymise(table, { qi: ['g'], k: 3, maxSuppression: 0.25 })
    expect(Array.from(r.table?.getChild('amount')?.data[0].values as Uint32Array)).toEqual(Array.from(words.slice(0, 12)))
  })
})

describe('Adult (8 quasi-identifiers, ARX hierarchies, 6,480 nodes): the search finds the optimum of brute force', () => {
  const hierarchies = Object.fromEntries(ADULT_QI.map(c => [c, { kind: 'file' as const, file: `adult_hierarchy_${c}.csv` }]))
  const allNodes = (heights: number[]) =>
    heights.reduce<number[][]>((nodes, h) => nodes.flatMap(n => Array.from({ length: h }, (_, l) => [...n, l])), [[]])

  for (const k of [2, 5, 10]) {
    test(`k = ${k}, suppression 0 % and 2 %`, () => {
      const policy: Policy = { qi: ADULT_QI, k, hierarchies, baseDir: ADULT_HIERARCHIES }
      const lattice = generalisationLattice(ADULT, policy)
      expect(lattice.heights.reduce((a, h) => a * h, 1)).toBe(6480)
      const judged = allNodes(lattice.heights).map(levels => ({ levels, ...lattice.judge(levels) }))
      // the bound the search orders by never exceeds the loss
      for (const node of judged) expect(lattice.bound(node.levels)).toBeLessThanOrEqual(node.objective + 1e-12)
      for (const share of [0, 0.02]) {
        const limit = Math.floor(share * ADULT.numRows)
        const best = judged.filter(node => node.figures.suppressed <= limit)
          .map(node => ({ levels: node.levels, loss: node.objective, tie: node.figures.suppressed }))
          .sort(compareCandidates)[0]
        const r = anonymise(ADULT, { ...policy, maxSuppression: share })
        expect(r.transformation?.columns.map(c => c.level), `k ${k}, ${share}`).toEqual(best.levels)
        expect(r.transformation?.informationLoss.loss).toBe(best.loss)
        expect(r.after?.minClassSize).toBeGreaterThanOrEqual(k)
        expect(r.after?.rows).toBe(ADULT.numRows - (r.transformation?.suppressed ?? 0))
        expect(r.search.evaluated).toBeLessThan(6480)
        // minimal: no node one level lower in one column meets the criteria (so none strictly below does,
        // feasibility being monotone)
        const levels = best.levels
        for (const [j, level] of levels.entries()) {
          if (level === 0) continue
          const below = levels.map((l, i) => i === j ? l - 1 : l)
          expect(lattice.judge(below).figures.suppressed, `below in ${ADULT_QI[j]}`).toBeGreaterThan(limit)
        }
      }
    })
  }
})

describe('errors', () => {
  test('a hierarchy for a column that is not a quasi-identifier', () => {
    expect(() => anonymise(small(), { ...smallPolicy, qi: ['sex'] }))
      .toThrow('a hierarchy is given for column "zip", which is not a quasi-identifier (they are: sex)')
  })

  test('a value missing from a hierarchy is named', () => {
    expect(() => anonymise(small(), { ...smallPolicy, hierarchies: { zip: { kind: 'map', map: [{ 1000: 'A', 1010: 'A' }] } } }))
      .toThrow(/column "zip": 1 value is not in its hierarchy \(map\): "2000"/)
  })

  test('a suppression limit out of range', () => {
    expect(() => anonymise(small(), { ...smallPolicy, maxSuppression: 1.5 })).toThrow(/share from 0 to 1/)
  })

  test('policy files: unknown fields, bad metric, maxProsecutorRisk as k', () => {
    expect(() => parsePolicy({ kk: 5 }, 'p.json')).toThrow('the policy p.json: unknown field "kk"')
    expect(() => parsePolicy({ metric: 'entropy' }, 'p.json')).toThrow(/"metric" must be one of loss, precision, discernibility/)
    expect(parsePolicy({ maxProsecutorRisk: 0.2 }, 'p.json').maxProsecutorRisk).toBe(0.2)
    // a risk of at most r is k = ceil(1 / r); the larger of that and k applies
    const kOf = (p: Policy) => anonymise(small(), { ...smallPolicy, ...p }).before.k
    expect(kOf({ maxProsecutorRisk: 0.1 })).toBe(10)
    expect(kOf({ maxProsecutorRisk: 0.3, k: 2 })).toBe(4)
    expect(kOf({ maxProsecutorRisk: 0.5, k: 3 })).toBe(3)
    expect(() => kOf({ maxProsecutorRisk: 0 })).toThrow('the maximum prosecutor risk must be above 0 and at most 1, got 0')
    expect(parsePolicy({ maxSuppression: '1.5%' }, 'p.json').maxSuppression).toBeCloseTo(0.015, 15)
    expect(parsePolicy({ hierarchies: { age: { bands: [5, 10] } } }, 'p.json').hierarchies?.age)
      .toEqual({ kind: 'bands', bands: [5, 10], base: 0, top: null, bottom: null })
  })
})

describe('marking instead of removing', () => {
  test('suppressed records stay with "*" in every quasi-identifier and form one class; roles and coding in the metadata', () => {
    const table = new Table({
      g: vectorFromArray(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'd', 'd'], new Utf8()),
      h: vectorFromArray(['x', 'x', 'x', 'y', 'y', 'y', 'z', 'z', 'z'], new Utf8()),
    })
    const r = anonymise(table, { qi: ['g', 'h'], k: 3, maxSuppression: 0.34, suppress: 'mark' })
    expect(r.transformation).toMatchObject({ levels: { g: 0, h: 0 }, suppressed: 3 })
    const coded = r.table as Table
    expect(coded.numRows).toBe(9)
    expect(coded.getChild('g')?.toArray()).toEqual(['a', 'a', 'a', 'b', 'b', 'b', '*', '*', '*'])
    expect(coded.getChild('h')?.toArray()).toEqual(['x', 'x', 'x', 'y', 'y', 'y', '*', '*', '*'])
    expect(r.after).toMatchObject({ rows: 9, classes: 3, minClassSize: 3 })
    expect(coded.schema.fields.map(f => f.metadata.get('riskcheck.role'))).toEqual(['quasi-identifier', 'quasi-identifier'])
    const record = JSON.parse(coded.schema.metadata.get('riskcheck.coding') as string)
    expect(record).toMatchObject({ k: 3, suppress: 'mark', suppressed: 3, columns: [{ column: 'g', level: 0 }, { column: 'h', level: 0 }] })
  })
})

describe('an l per sensitive column', () => {
  // g: a a a a b b b b; s1: x y x y x x x x; s2: p q r p p q r p
  const table = () => new Table({
    g: vectorFromArray(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'], new Utf8()),
    s1: vectorFromArray(['x', 'y', 'x', 'y', 'x', 'x', 'x', 'x'], new Utf8()),
    s2: vectorFromArray(['p', 'q', 'r', 'p', 'p', 'q', 'r', 'p'], new Utf8()),
  })
  test('each column is checked against its own l; columns not named are not checked', () => {
    const r = anonymise(table(), { qi: ['g'], sensitive: ['s1', 's2'], k: 2, lByColumn: { s2: 3 } })
    expect(r.before.checks.map(c => [c.column, c.threshold, c.met])).toEqual([[null, 2, true], ['s2', 3, true]])
    expect(r.reason).toBe('met')
    // s1 needs 2 values: class b has only x; with g suppressed the one class has x and y
    const s = anonymise(table(), { qi: ['g'], sensitive: ['s1', 's2'], k: 2, lByColumn: { s1: 2, s2: 3 } })
    expect(s.before.checks.map(c => [c.column, c.met])).toEqual([[null, true], ['s1', false], ['s2', true]])
    expect(s.transformation?.levels).toEqual({ g: 1 })
    expect(s.after?.meetsThreshold).toBe(true)
    // with half the records allowed to go, removing class b (4 of 8 cells lost: loss 0.5) beats suppressing g for
    // all 8 records (loss 1)
    const t = anonymise(table(), { qi: ['g'], sensitive: ['s1', 's2'], k: 2, lByColumn: { s1: 2 }, maxSuppression: 0.5 })
    expect(t.transformation).toMatchObject({ levels: { g: 0 }, suppressed: 4 })
  })
  test('errors: an l for a column that is not sensitive; per-column l with the recursive criterion', () => {
    expect(() => anonymise(table(), { qi: ['g'], sensitive: ['s1'], lByColumn: { s2: 2 } }))
      .toThrow('an l is given for "s2", which is not a sensitive column of the table (they are: s1)')
    expect(() => anonymise(table(), { qi: ['g'], sensitive: ['s1'], lByColumn: { s1: 2 }, lCriterion: 'recursive', c: 2 }))
      .toThrow('an l per sensitive column works with the distinct and entropy criteria, not recursive')
  })
  test('policy files: "l" as an object', () => {
    expect(parsePolicy({ l: { s1: 2, s2: 3 } }, 'p.json')).toEqual({ lByColumn: { s1: 2, s2: 3 } })
    expect(() => parsePolicy({ l: { s1: 0 } }, 'p.json')).toThrow('"l" of "s1" must be a whole number of at least 1, got 0')
  })
})

describe('the coded table discloses nothing of what it removes', () => {
  test('no dictionary keeps a value only suppressed records had (quasi-identifiers and other columns)', () => {
    const n = 40
    const table = new Table({
      a: vectorFromArray(Array.from({ length: n }, (_, i) => i === 7 ? 'RARE' : 'x'), new Dictionary(new Utf8(), new Int32())),
      diag: vectorFromArray(Array.from({ length: n }, (_, i) => i === 7 ? 'rare-disease' : 'flu'), new Dictionary(new Utf8(), new Int32())),
      note: vectorFromArray(Array.from({ length: n }, (_, i) => i === 7 ? 'only-here' : 'common'), new Utf8()),
    })
    const r = anonymise(table, { qi: ['a'], sensitive: ['diag'], k: 2, maxSuppression: 0.05 })
    expect(r.transformation).toMatchObject({ levels: { a: 0 }, suppressed: 1 })
    const coded = r.table as Table
    const bytes = new TextDecoder().decode(tableToIPC(coded, 'file'))
    for (const secret of ['RARE', 'rare-disease', 'only-here']) expect(bytes, secret).not.toContain(secret)
    expect(coded.getChild('a')?.data[0].dictionary?.toArray()).toEqual(['x'])
    expect(coded.getChild('diag')?.data[0].dictionary?.toArray()).toEqual(['flu'])
    expect(coded.getChild('diag')?.toArray()).toEqual(Array(n - 1).fill('flu'))
  })

  test('marked records keep no label of their own either', () => {
    const n = 40
    const table = new Table({
      a: vectorFromArray(Array.from({ length: n }, (_, i) => i < 5 ? `RARE${i}` : 'x'), new Utf8()),
    })
    const r = anonymise(table, { qi: ['a'], k: 5, maxSuppression: 0.2, suppress: 'mark' })
    expect(r.transformation).toMatchObject({ levels: { a: 0 }, suppressed: 5 })
    expect(new TextDecoder().decode(tableToIPC(r.table as Table, 'file'))).not.toContain('RARE')
    expect(r.table?.getChild('a')?.data[0].dictionary?.toArray()).toEqual(['x', '*'])
  })
})

describe('marking and its own class', () => {
  // g: a a a b b b c d. k = 3: removing c and d (2 records) is the cheapest coding; marked, they would form
  // a class of 2, below k, so marking must take another coding (g suppressed for everyone).
  const table = () => new Table({ g: vectorFromArray(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'd'], new Utf8()) })
  test('remove: 2 records go; mark: a class of 2 marked records would fail k = 3, so g is suppressed instead', () => {
    expect(anonymise(table(), { qi: ['g'], k: 3, maxSuppression: 0.5 }).transformation).toMatchObject({ levels: { g: 0 }, suppressed: 2 })
    const marked = anonymise(table(), { qi: ['g'], k: 3, maxSuppression: 0.5, suppress: 'mark' })
    expect(marked.transformation).toMatchObject({ levels: { g: 1 }, suppressed: 0 })
    expect(marked.after?.meetsThreshold).toBe(true)
  })
  test('suppressing every record is no coding: "impossible", not an empty table', () => {
    expect(anonymise(table(), { qi: ['g'], k: 9, maxSuppression: 1 })).toMatchObject({ transformation: null, reason: 'impossible' })
  })
  test('mark with l, and a hierarchy with a "*" class below its top, are refused', () => {
    expect(() => anonymise(table(), { qi: ['g'], k: 3, l: 2, sensitive: ['g'], suppress: 'mark' })).toThrow(/--suppress mark cannot be combined with --l/)
    // "*" is a value of the data here: marked records would be counted with the two real "*" records
    const starred = new Table({ g: vectorFromArray(['a', 'a', '*', '*', 'c', 'd'], new Utf8()) })
    expect(() => anonymise(starred, { qi: ['g'], k: 2, maxSuppression: 0.34, suppress: 'mark' }))
      .toThrow('column "g" has a class "*" at level 0 (value), so records marked "*" would join it')
  })
})
