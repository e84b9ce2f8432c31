// What drives the risk: sample uniques with each quasi-identifier left out or one level coarser, and the
// minimal sample uniques, by hand and against a brute force.
import { Table, Utf8, vectorFromArray } from 'apache-arrow'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { riskDrivers } from '../src/anonymise/drivers.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { minimalUniques } from '../src/minimal-uniques.js'
import { runCli, textTable } from './helpers.js'

// a: u u v v w w; b: x y x y x x; c: p p p p q r. All six rows are unique on (a, b, c).
//   without a: xp xp yp yp xq xr -> xq, xr unique: 2;   without b: up up vp vp wq wr -> 2;
//   without c: ux uy vx vy wx wx -> 4;   a coarsened (u, v -> A; w -> B): Axp Ayp Axp Ayp Bxq Bxr -> 2.
const table = () => new Table({
  a: vectorFromArray(['u', 'u', 'v', 'v', 'w', 'w'], new Utf8()),
  b: vectorFromArray(['x', 'y', 'x', 'y', 'x', 'x'], new Utf8()),
  c: vectorFromArray(['p', 'p', 'p', 'p', 'q', 'r'], new Utf8()),
})
const policy = { qi: ['a', 'b', 'c'], hierarchies: { a: { kind: 'map' as const, map: [{ u: 'A', v: 'A', w: 'B' }] } } }

describe('riskDrivers', () => {
  test('worked by hand: left out and one level coarser', () => {
    expect(riskDrivers(table(), policy)).toEqual({
      sampleUniques: 6,
      columns: [
        { column: 'a', withoutIt: 2, coarsened: { levelName: 'map level 1', hierarchy: 'mapping tables (1 levels)', sampleUniques: 2 } },
        { column: 'b', withoutIt: 2, coarsened: null },
        { column: 'c', withoutIt: 4, coarsened: null },
      ],
      // c alone singles out q and r; (a, b) the four others; no record needs all three
      minimalUniques: { maxSize: 3, sets: [{ columns: ['a', 'b'], records: 4 }, { columns: ['c'], records: 2 }], recordsBySize: [2, 4, 0] },
    })
  })
  test('the reference kernels agree', () => {
    expect(riskDrivers(table(), { ...policy, kernels: referenceKernels })).toEqual(riskDrivers(table(), policy))
  })
  test('--drivers adds them to the JSON and the summary', async () => {
    const care = new URL('../datasets/care-extract.arrow', import.meta.url).pathname
    const j = JSON.parse((await runCli(care, '--k', '5', '--drivers', '--no-propose', '--json')).out)
    expect(j.drivers.sampleUniques).toBe(j.sampleUniques)
    expect(j.drivers.columns.map((c: { column: string }) => c.column)).toEqual(j.quasiIdentifiers)
    expect(JSON.parse((await runCli(care, '--k', '5', '--no-propose', '--json')).out).drivers).toBeUndefined()
    expect((await runCli(care, '--k', '5', '--drivers')).out).toContain('What drives the risk (5,473 sample uniques)')
  })
})

describe('minimal sample uniques', () => {
  // r1 (1 x u), r2 (1 y u), r3 (2 x u), r4 (2 x v), r5 (3 y v): every row unique on (a, b, c).
  //   unique on a: r5;  on (a, b): r1 r2 r5;  on (a, c): r3 r4 r5;  on (b, c): r2 r4 r5.
  //   minimal: r5 {a} and {b, c}; r1 {a, b}; r2 {a, b} and {b, c}; r3 {a, c}; r4 {a, c} and {b, c}.
  const rows = [['1', 'x', 'u'], ['1', 'y', 'u'], ['2', 'x', 'u'], ['2', 'x', 'v'], ['3', 'y', 'v']]

  test('worked by hand', () => {
    expect(riskDrivers(textTable(['a', 'b', 'c'], rows), { qi: ['a', 'b', 'c'] }).minimalUniques).toEqual({
      maxSize: 3,
      sets: [
        { columns: ['b', 'c'], records: 3 }, { columns: ['a', 'b'], records: 2 }, { columns: ['a', 'c'], records: 2 },
        { columns: ['a'], records: 1 },
      ],
      recordsBySize: [1, 4, 0],
    })
  })

  /** From the rows: for each row alone on all columns, every set of at most maxSize columns on which it is alone
   * and no proper subset of which is enough. */
  function bruteForce(data: string[][], maxSize: number) {
    const p = data[0].length
    const aloneOn = (row: string[], set: number[]) => set.length > 0 && data.filter(r => set.every(j => r[j] === row[j])).length === 1
    const sets: number[][] = []
    for (let m = 1; m < 1 << p; m++) {
      const set = [...Array(p).keys()].filter(j => m & (1 << j))
      if (set.length <= maxSize) sets.push(set)
    }
    const properSubsets = (set: number[]) => sets.filter(t => t.length < set.length && t.every(j => set.includes(j)))
    const counts = new Map<string, number>()
    const smallest: number[] = []
    for (const row of data) {
      if (!aloneOn(row, [...Array(p).keys()])) continue
      const minimal = sets.filter(set => aloneOn(row, set) && !properSubsets(set).some(t => aloneOn(row, t)))
      for (const set of minimal) counts.set(set.join(), (counts.get(set.join()) ?? 0) + 1)
      if (minimal.length) smallest.push(Math.min(...minimal.map(s => s.length)))
    }
    return { counts, bySize: Array.from({ length: Math.min(maxSize, p) }, (_, s) => smallest.filter(m => m === s + 1).length) }
  }

  test('agree with a brute force on random tables; with every column allowed they account for every sample unique', () => {
    const table = fc.integer({ min: 1, max: 4 }).chain(p => fc.array(fc.array(fc.constantFrom('0', '1', '2'), { minLength: p, maxLength: p }),
      { minLength: 1, maxLength: 25 }))
    fc.assert(fc.property(table, fc.integer({ min: 1, max: 4 }), (data, maxSize) => {
      const names = data[0].map((_, j) => `q${j}`)
      const d = riskDrivers(textTable(names, data), { qi: names }, undefined, maxSize)
      const want = bruteForce(data, maxSize)
      expect(new Map(d.minimalUniques.sets.map(s => [s.columns.map(c => names.indexOf(c)).join(), s.records]))).toEqual(want.counts)
      expect(d.minimalUniques.recordsBySize).toEqual(want.bySize)
      if (maxSize >= names.length) expect(d.minimalUniques.recordsBySize.reduce((a, n) => a + n, 0)).toBe(d.sampleUniques)
    }), { numRuns: 200 })
  })

  test('no candidates, no sets; the size bound is the number of columns at most', () => {
    const none = minimalUniques({ rows: 4, codes: [Uint32Array.of(0, 1), Uint32Array.of(0, 0)], counts: Uint32Array.of(2, 2) }, ['a', 'b'], [2, 1], 5)
    expect(none).toEqual({ maxSize: 2, sets: [], recordsBySize: [0, 0] })
  })
})

describe('monotone: coarsening never increases sample uniques', () => {
  test('leaving a column out or coarsening it one level never adds a sample unique, on random tables', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x', 'y')),
      { minLength: 1, maxLength: 50 })
    fc.assert(fc.property(rows, fc.integer({ min: 2, max: 4 }), (data, band) => {
      const table = textTable(['n', 'l', 'm'], data.map(([n, l, m]) => [String(n), l, m]))
      // n coarsened into bands of `band` values, l into {a, b} and {c}
      const bands = Object.fromEntries([...Array(8).keys()].map(v => [String(v), `band ${Math.floor(v / band)}`]))
      const d = riskDrivers(table, { qi: ['n', 'l', 'm'], hierarchies: {
        n: { kind: 'map', map: [bands] }, l: { kind: 'map', map: [{ a: 'ab', b: 'ab', c: 'c' }] },
      } })
      for (const c of d.columns) {
        expect(c.withoutIt).toBeLessThanOrEqual(d.sampleUniques)
        if (c.coarsened) expect(c.coarsened.sampleUniques).toBeLessThanOrEqual(d.sampleUniques)
      }
      expect(d.minimalUniques.recordsBySize.reduce((a, n) => a + n, 0)).toBeLessThanOrEqual(d.sampleUniques)
    }), { numRuns: 150 })
  })
})
