// analyse() end to end (Arrow encoding + WebAssembly) against figures computed straight from the values.
import { Dictionary, Float64, Int32, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'

type Cell = string | number | null
const TYPES = [
  () => new Dictionary(new Utf8(), new Int32()), () => new Utf8(), () => new Int32(), () => new Float64(),
  () => new Int64(),
]

/** Columns of few distinct values (with nulls), each of a random Arrow type. */
const tables = fc.integer({ min: 1, max: 120 }).chain(rows => fc.array(
  fc.record({
    type: fc.integer({ min: 0, max: TYPES.length - 1 }),
    cells: fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { freq: 5 }), { minLength: rows, maxLength: rows }),
  }), { minLength: 1, maxLength: 4 }))

function toVector(type: number, cells: (number | null)[]) {
  const t = TYPES[type]()
  if (type <= 1) return vectorFromArray(cells.map(c => (c === null ? null : `v${c}`)), t)
  if (type === 4) return vectorFromArray(cells.map(c => (c === null ? null : BigInt(c) * 2n ** 40n)), t)
  return vectorFromArray(cells.map(c => (c === null ? null : type === 3 ? c / 4 : c)), t)
}

test('class figures equal those counted from the raw values (nulls equal each other)', () => {
  fc.assert(fc.property(tables, fc.integer({ min: 1, max: 5 }), (cols, k) => {
    const table = new Table(Object.fromEntries(cols.map((c, j) => [`c${j}`, toVector(c.type, c.cells)])))
    const names = cols.map((_, j) => `c${j}`)
    const r = analyse(table, { qi: names.slice(0, -1).length ? names.slice(0, -1) : names,
      sensitive: names.length > 1 ? names.slice(-1) : [], k })
    const qiCols = r.quasiIdentifiers.map(n => cols[names.indexOf(n)].cells)
    const counts = new Map<string, Cell[]>()
    cols[0].cells.forEach((_, i) => {
      const key = JSON.stringify(qiCols.map(c => c[i]))
      counts.set(key, [...(counts.get(key) ?? []), names.length > 1 ? cols[names.length - 1].cells[i] : null])
    })
    const sizes = [...counts.values()].map(v => v.length)
    expect(r.classes).toBe(counts.size)
    expect(r.minClassSize).toBe(Math.min(...sizes))
    expect(r.sampleUniques).toBe(sizes.filter(f => f === 1).length)
    expect(r.recordsBelowK).toBe(sizes.filter(f => f < k).reduce((a, f) => a + f, 0))
    if (names.length > 1) {
      const distinct = Math.min(...[...counts.values()].map(v => new Set(v).size))
      expect(r.lDiversity[names[names.length - 1]].distinct).toBe(distinct)
    }
  }), { numRuns: 200 })
})

test('thresholds: k and l are whole numbers from 1 to 2^32 - 1 (the kernels count in 32 bits)', () => {
  const table = new Table({ a: vectorFromArray(['x', 'y'], new Utf8()), s: vectorFromArray(['p', 'q'], new Utf8()) })
  const roles = { qi: ['a'], sensitive: ['s'] }
  for (const k of [0, 2.5, 2 ** 32, 2 ** 53]) {
    expect(() => analyse(table, { ...roles, k })).toThrow(expect.objectContaining({ code: 'E_OPTION',
      message: `k must be a whole number from 1 to 4294967295, got ${k}` }))
  }
  expect(() => analyse(table, { ...roles, l: 2 ** 32 })).toThrow('l must be a whole number from 1 to 4294967295, got 4294967296')
  const most = analyse(table, { ...roles, k: 2 ** 32 - 1, l: 2 ** 32 - 1 })
  expect(most.checks.map(c => [c.threshold, c.met])).toEqual([[2 ** 32 - 1, false], [2 ** 32 - 1, false]])
  expect(most.recordsBelowK).toBe(2)
})

test('--l-criterion and --c only with --l', () => {
  const table = new Table({ a: vectorFromArray(['x', 'y'], new Utf8()), s: vectorFromArray(['p', 'q'], new Utf8()) })
  const roles = { qi: ['a'], sensitive: ['s'] }
  expect(() => analyse(table, { ...roles, lCriterion: 'recursive', c: 2 })).toThrow('--l-criterion recursive is given without --l')
  expect(() => analyse(table, { ...roles, c: 2 })).toThrow('--c 2 is given without --l')
  expect(analyse(table, { ...roles, l: 1, lCriterion: 'recursive', c: 2 }).checks[1].criterion).toBe('recursive l-diversity')
})
