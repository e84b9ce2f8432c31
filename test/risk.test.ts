// Every metric on small tables worked out by hand (definitions: ../shared/reference/risk-definitions.md).
import { Int16, Table, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { textVector } from './helpers.js'

// Four classes on (age, sex); a null is a value of its own:
//   (30, M): flu, flu, cold    (40, F): flu, cold, hiv    (50, M): flu    (50, null): cold, null
const rows: [number, string | null, string | null][] = [
  [30, 'M', 'flu'], [30, 'M', 'flu'], [30, 'M', 'cold'],
  [40, 'F', 'flu'], [40, 'F', 'cold'], [40, 'F', 'hiv'],
  [50, 'M', 'flu'],
  [50, null, 'cold'], [50, null, null],
]
function table(selected = rows): Table {
  return new Table({
    age: vectorFromArray(selected.map(r => r[0]), new Int16()),
    sex: textVector(selected.map(r => r[1])),
    diagnosis: textVector(selected.map(r => r[2])),
  })
}
const roles = { qi: ['age', 'sex'], sensitive: ['diagnosis'] }

describe.each([['WebAssembly', undefined], ['reference', referenceKernels]] as const)('hand-worked figures (%s kernels)', (_, kernels) => {
  const r = analyse(table(), { ...roles, k: 3, kernels })

  test('classes, k, uniques and records below k', () => {
    expect(r.rows).toBe(9)
    expect(r.classes).toBe(4)
    expect(r.minClassSize).toBe(1)
    expect(r.maxClassSize).toBe(3)
    expect(r.sampleUniques).toBe(1)
    expect(r.recordsBelowK).toBe(3) // the unique (50, M) and the pair (50, null)
    expect(r.classSizes).toEqual([{ size: 1, classes: 1, records: 1 }, { size: 2, classes: 1, records: 2 },
      { size: 3, classes: 2, records: 6 }])
  })

  test('prosecutor risk: highest 1/k, record-weighted average J/n, share of records above 1/k', () => {
    expect(r.prosecutor.highest).toBe(1)
    expect(r.prosecutor.average).toBeCloseTo(4 / 9, 15)
    expect(r.prosecutor.lowest).toBeCloseTo(1 / 3, 15)
    expect(r.prosecutor.recordsAtRisk).toBeCloseTo(3 / 9, 15)
  })

  test('l-diversity: distinct 1, entropy exp(0) = 1, recursive undefined because of the single-value class', () => {
    expect(r.lDiversity.diagnosis).toEqual({
      distinct: 1, entropy: 1, recursiveC: null, recursiveL: 2, classesBelowL: 1, recordsBelowL: 1,
      homogeneousClasses: 1, homogeneousRecords: 1,
    })
  })

  test('recursive (c,2): r1 / (r2 + ... + rm) is 2/1 in (30, M), 1/2 in (40, F), 1/1 in (50, null): c = 2', () => {
    const without = analyse(table(rows.filter(x => !(x[0] === 50 && x[1] === 'M'))), { ...roles, kernels })
    expect(without.lDiversity.diagnosis.recursiveC).toBe(2)
    expect(without.lDiversity.diagnosis.distinct).toBe(2)
    // smallest entropy is that of (30, M): H = -(2/3 ln 2/3 + 1/3 ln 1/3), exp(H) = (3/2)^(2/3) * 3^(1/3)
    // = 1.8899 (below the 2 of (50, null) and the 3 of (40, F))
    expect(without.lDiversity.diagnosis.entropy).toBeCloseTo(1.5 ** (2 / 3) * 3 ** (1 / 3), 12)
    const at = (c: number) => analyse(table(rows.filter(x => !(x[0] === 50 && x[1] === 'M'))),
      { ...roles, kernels, k: 1, l: 2, lCriterion: 'recursive', c }).meetsThreshold
    expect(at(2)).toBe(false) // satisfied only for c above 2
    expect(at(2.01)).toBe(true)
  })

  test('recursive (c,3): a class with 2 values has no c', () => {
    const r3 = analyse(table(rows.filter(x => x[0] === 30)), { ...roles, kernels, l: 3 })
    expect(r3.lDiversity.diagnosis.recursiveC).toBeNull()
    expect(r3.lDiversity.diagnosis.recursiveL).toBe(3)
  })

  test('a class spread evenly over 3 values has entropy l 3, not 2', () => {
    const even = analyse(table(rows.filter(x => x[0] === 40)), { ...roles, kernels, k: 3, l: 3, lCriterion: 'entropy' })
    expect(even.lDiversity.diagnosis.entropy).toBeCloseTo(3, 9)
    expect(even.lDiversity.diagnosis.distinct).toBe(3)
    expect(even.lDiversity.diagnosis.recursiveC).toBe(1) // l = 3: r1 / r3 = 1 / 1
    expect(even.meetsThreshold).toBe(true)
  })

  test('verdict: k = 3 fails on the small classes; k = 1 with distinct l = 2 fails on (50, M)', () => {
    expect(r.meetsThreshold).toBe(false)
    expect(r.checks).toEqual([{ criterion: 'k-anonymity', column: null, threshold: 3, value: 1, met: false }])
    const l2 = analyse(table(), { ...roles, kernels, k: 1, l: 2 })
    expect(l2.checks.map(c => c.met)).toEqual([true, false])
    expect(l2.checks[1]).toMatchObject({ criterion: 'distinct l-diversity', column: 'diagnosis', value: 1 })
  })
})

test('nulls: two nulls share a class, a null differs from every value', () => {
  const t = new Table({ a: textVector([null, null, 'x', 'x', 'null']) })
  const r = analyse(t, { qi: ['a'], k: 2 })
  expect(r.classes).toBe(3)
  expect(r.classSizes).toEqual([{ size: 1, classes: 1, records: 1 }, { size: 2, classes: 2, records: 4 }])
  expect(r.nulls).toBe('value')
})
