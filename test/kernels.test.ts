// The WebAssembly kernels against the plain TypeScript reference, on random and on extreme tables.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { referenceKernels } from '../src/kernels/reference.js'
import { loadKernels } from '../src/kernels/wasm/index.js'
import { instantiate, kernelModule } from '../src/kernels/wasm/instance.js'
import { rollingEvaluator } from '../src/lattice/rollup.js'
import type { CodeColumn, EvaluatorSpec, KernelInput, KernelOutput } from '../src/types.js'
import { evaluatorCase, input, specOf, tuplesOf, weighted } from './arbitraries.js'

const wasm = loadKernels()

function expectSame(actual: KernelOutput, expected: KernelOutput): void {
  const { diversity: a, ...restA } = actual
  const { diversity: e, ...restE } = expected
  expect(restA).toEqual(restE)
  expect(a.length).toBe(e.length)
  a.forEach((d, s) => {
    expect({ ...d, entropyH: 0, maxRatio: 0 }).toEqual({ ...e[s], entropyH: 0, maxRatio: 0 })
    expect(d.entropyH).toBeCloseTo(e[s].entropyH, 12)
    expect(d.maxRatio).toBeCloseTo(e[s].maxRatio, 12)
  })
}

describe('frequencies: WebAssembly equals the reference', () => {
  test('on random tables (nulls are codes of their own here; widths, chunks and key spaces vary)', () => {
    fc.assert(fc.property(input, x => expectSame(wasm.frequencies(x), referenceKernels.frequencies(x))),
      { numRuns: 400 })
  })

  test('with weights (the rows of a frequency table, each its count of records)', () => {
    fc.assert(fc.property(weighted, x => expectSame(wasm.frequencies(x), referenceKernels.frequencies(x))), { numRuns: 300 })
  })

  test('with weights of billions of records (the histogram of class sizes stays small), and never a weight of 0', () => {
    const col = (codes: number[], radix: number): CodeColumn => ({ radix, chunks: [Uint32Array.from(codes)] })
    const x = { rows: 4, quasiIdentifiers: [col([0, 1, 2, 2], 3)], sensitive: [col([0, 1, 0, 1], 2)], k: 5, l: 2,
      weights: Uint32Array.from([2_000_000_000, 3, 1, 4]) }
    expectSame(wasm.frequencies(x), referenceKernels.frequencies(x))
    expect(wasm.frequencies(x).histogram).toEqual([[3, 1], [5, 1], [2_000_000_000, 1]])
    for (const kernels of [wasm, referenceKernels]) {
      expect(() => kernels.frequencies({ ...x, weights: Uint32Array.from([1, 0, 1, 1]) })).toThrow(/at least 1/)
      expect(() => kernels.frequencyTable(x.quasiIdentifiers, 4, Uint32Array.from([1, 0, 1, 1]))).toThrow(/at least 1/)
    }
  })

  const col = (codes: number[], radix: number): CodeColumn => ({ radix, chunks: [Uint32Array.from(codes)] })
  const cases: [string, KernelInput][] = [
    ['one row', { rows: 1, quasiIdentifiers: [col([0], 1)], sensitive: [col([0], 1)], k: 2, l: 2 }],
    ['one column, all rows equal', { rows: 5, quasiIdentifiers: [col([3, 3, 3, 3, 3], 4)], sensitive: [], k: 5, l: 2 }],
    ['all rows distinct', { rows: 6, quasiIdentifiers: [col([0, 1, 2, 3, 4, 5], 6)], sensitive: [col([0, 0, 1, 1, 2, 2], 3)], k: 2, l: 2 }],
    ['no quasi-identifier: one class', { rows: 4, quasiIdentifiers: [], sensitive: [col([0, 1, 2, 0], 3)], k: 5, l: 3 }],
    // 2^31 x 2^31 x 2^31 = 2^93 combinations: compaction, then 64-bit pair keys (combineHash)
    ['key space 2^93', {
      rows: 8,
      quasiIdentifiers: [
        col([2 ** 31 - 1, 2 ** 31 - 1, 0, 0, 5, 5, 5, 2 ** 31 - 1], 2 ** 31),
        col([7, 7, 7, 7, 2 ** 30, 2 ** 30, 2 ** 30, 7], 2 ** 31),
        col([1, 1, 1, 2, 2 ** 31 - 2, 2 ** 31 - 2, 3, 1], 2 ** 31),
      ],
      sensitive: [col([0, 1, 0, 1, 0, 0, 1, 1], 2)], k: 2, l: 2,
    }],
    // 65,536 x 1,000 = 65.5M combinations over 6 rows: a hash table instead of a dense one
    ['sparse key space', {
      rows: 6,
      quasiIdentifiers: [col([65535, 65535, 1, 1, 0, 65535], 65536), col([999, 999, 0, 1, 0, 999], 1000)],
      sensitive: [], k: 3, l: 2,
    }],
  ]
  test.each(cases)('%s', (_, x) => expectSame(wasm.frequencies(x), referenceKernels.frequencies(x)))

  test('wide keys are never merged: 64 classes over 2^93 combinations', () => {
    const i = Array.from({ length: 128 }, (_, r) => r % 64)
    const x: KernelInput = {
      rows: 128, sensitive: [], k: 2, l: 2,
      quasiIdentifiers: [col(i.map(r => (r % 8) * 2 ** 28), 2 ** 31), col(i.map(() => 0), 2 ** 31), col(i.map(r => r >> 3), 2 ** 31)],
    }
    expect(wasm.frequencies(x).histogram).toEqual([[2, 64]])
  })

  test('key space 2^93 keeps the four different combinations apart', () => {
    const out = wasm.frequencies(cases[4][1])
    expect(out.classes).toBe(5)
    expect(out.histogram).toEqual([[1, 3], [2, 1], [3, 1]])
  })
})

describe('properties the design relies on', () => {
  test('class sizes sum to the rows; permuting rows changes nothing', () => {
    fc.assert(fc.property(input, fc.integer(), (x, seed) => {
      const out = wasm.frequencies(x)
      expect(out.histogram.reduce((a, [size, n]) => a + size * n, 0)).toBe(x.rows)
      const order = shuffle(x.rows, seed)
      const permute = (c: CodeColumn): CodeColumn => {
        const all = c.chunks.flatMap(ch => Array.from(ch))
        return { radix: c.radix, chunks: [Uint32Array.from(order.map(i => all[i]))] }
      }
      const y = { ...x, quasiIdentifiers: x.quasiIdentifiers.map(permute), sensitive: x.sensitive.map(permute) }
      expectSame(wasm.frequencies(y), out)
    }), { numRuns: 150 })
  })
})

function shuffle(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  let s = seed >>> 0
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    const j = s % (i + 1)
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

describe('keptRows: WebAssembly equals the reference', () => {
  test('on random tables and criteria (k, and l of some sensitive columns)', () => {
    fc.assert(fc.property(input, fc.integer({ min: 0, max: 2 }), (x, lColumns) => {
      const criteria = { k: x.k, l: x.sensitive.slice(0, lColumns).map((_, i) => x.l + i) }
      const a = wasm.keptRows(x.quasiIdentifiers, x.sensitive, x.rows, criteria)
      expect(a).toEqual(referenceKernels.keptRows(x.quasiIdentifiers, x.sensitive, x.rows, criteria))
    }), { numRuns: 300 })
  })

  test('a hand-worked table: the class of 2 rows fails k = 3; with l = 2, the homogeneous class fails too', () => {
    const col = (codes: number[], radix: number): CodeColumn => ({ radix, chunks: [Uint8Array.from(codes)] })
    const qi = [col([0, 0, 0, 1, 1, 2, 2, 2], 3)]
    const sensitive = [col([0, 1, 0, 0, 1, 1, 1, 1], 2)]
    expect(wasm.keptRows(qi, sensitive, 8, { k: 3, l: [] })).toEqual(Uint8Array.of(1, 1, 1, 0, 0, 1, 1, 1))
    expect(wasm.keptRows(qi, sensitive, 8, { k: 3, l: [2] })).toEqual(Uint8Array.of(1, 1, 1, 0, 0, 0, 0, 0))
    expect(wasm.keptRows(qi, sensitive, 8, { k: 2, l: [] })).toBeNull()
  })
})

describe('frequencyTable: WebAssembly equals the reference', () => {
  test('on random tables (same tuples and counts; order may differ)', () => {
    fc.assert(fc.property(input, x => {
      const columns = [...x.quasiIdentifiers, ...x.sensitive]
      const a = wasm.frequencyTable(columns, x.rows)
      const e = referenceKernels.frequencyTable(columns, x.rows)
      expect(tuplesOf(a)).toEqual(tuplesOf(e))
      expect(a.counts.reduce((s, c) => s + c, 0)).toBe(x.rows)
    }), { numRuns: 300 })
  })

  test('with weights (each row counts its weight)', () => {
    const weighted = input.chain(x => fc.record({ x: fc.constant(x),
      weights: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: x.rows, maxLength: x.rows }) }))
    fc.assert(fc.property(weighted, ({ x, weights }) => {
      const columns = [...x.quasiIdentifiers, ...x.sensitive]
      const w = Uint32Array.from(weights)
      const a = wasm.frequencyTable(columns, x.rows, w)
      const e = referenceKernels.frequencyTable(columns, x.rows, w)
      expect(tuplesOf(a)).toEqual(tuplesOf(e))
      expect(a.rows).toBe(weights.reduce((s, c) => s + c, 0))
      expect(a.counts.reduce((s, c) => s + c, 0)).toBe(a.rows)
    }), { numRuns: 300 })
  })
})

describe('evaluator: WebAssembly equals the reference', () => {
  test('on random tables, hierarchies, levels and criteria', () => {
    fc.assert(fc.property(evaluatorCase, ({ c, maps, levelPicks }) => {
      const table = referenceKernels.frequencyTable([...c.qi, ...c.sensitive], c.rows)
      const spec = specOf(c, maps)
      const levels = maps.map((m, j) => levelPicks[j] % m.length)
      const criteria = { k: c.k, l: c.l === null ? [] : c.sensitive.map((_, i) => (c.l as number) + i) }
      const a = wasm.evaluator(table, spec).evaluate(levels, criteria)
      const e = referenceKernels.evaluator(table, spec).evaluate(levels, criteria)
      expect({ ...a, keptCost: [] }).toEqual({ ...e, keptCost: [] })
      a.keptCost.forEach((cost, j) => expect(cost).toBeCloseTo(e.keptCost[j], 9))
    }), { numRuns: 300 })
  })

  test('classTable: the distinct tuples at a node, WebAssembly equals the reference', () => {
    fc.assert(fc.property(evaluatorCase, ({ c, maps, levelPicks }) => {
      const table = referenceKernels.frequencyTable([...c.qi, ...c.sensitive], c.rows)
      const spec = specOf(c, maps)
      const levels = maps.map((m, j) => levelPicks[j] % m.length)
      expect(tuplesOf(wasm.evaluator(table, spec).classTable(levels)))
        .toEqual(tuplesOf(referenceKernels.evaluator(table, spec).classTable(levels)))
    }), { numRuns: 200 })
  })

  test('rolling up from finer nodes gives the figures of judging every node on all the tuples', () => {
    fc.assert(fc.property(evaluatorCase, fc.array(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
      ({ c, maps }, walk) => {
        const table = wasm.frequencyTable([...c.qi, ...c.sensitive], c.rows)
        const spec = specOf(c, maps)
        const direct = wasm.evaluator(table, spec)
        const rolling = rollingEvaluator(wasm, table, spec, { keep: 3, shrink: 1, minTuples: 0 })
        const criteria = { k: c.k, l: c.l === null ? [] : c.sensitive.map((_, i) => (c.l as number) + i) }
        for (const picks of walk) {
          const levels = maps.map((m, j) => picks[j] % m.length)
          const a = rolling.evaluate(levels, criteria)
          const e = direct.evaluate(levels, criteria)
          expect({ ...a, keptCost: [] }).toEqual({ ...e, keptCost: [] })
          a.keptCost.forEach((cost, j) => expect(cost).toBeCloseTo(e.keptCost[j], 9))
        }
        expect(rolling.stats.direct + rolling.stats.rolled).toBe(walk.length)
      }), { numRuns: 200 })
  })

  test('rolling up happens: coarser nodes are judged on a finer node\'s classes', () => {
    const rows = 3000
    const codes = (radix: number) => ({ radix, chunks: [Uint32Array.from({ length: rows }, (_, i) => (i * 7919) % radix)] })
    const table = wasm.frequencyTable([codes(60), codes(50)], rows)
    const halves = (radix: number) => [Uint32Array.from({ length: radix }, (_, i) => i), Uint32Array.from({ length: radix }, (_, i) => i >> 1),
      Uint32Array.from({ length: radix }, (_, i) => i >> 2), new Uint32Array(radix)]
    const spec: EvaluatorSpec = {
      quasiIdentifiers: [60, 50].map((radix, j) => {
        const maps = halves(radix)
        const radices = maps.map(m => Math.max(...m) + 1)
        return { column: j, maps, radices, costs: radices.map(r => new Float64Array(r)) }
      }),
      sensitive: [],
    }
    const rolling = rollingEvaluator(wasm, table, spec, { shrink: 0.25, minTuples: 0 })
    // 300 distinct tuples. [2,2] has 114 classes, more than a quarter of 300: not kept. [2,3] (15 classes)
    // and [3,2] (13) are judged on the tuples and kept; [3,3] rolls up from the 13 classes of [3,2] (the
    // smallest finer table) and, with 1 class, is kept too.
    for (const levels of [[0, 0], [2, 2], [2, 3], [3, 2], [3, 3]]) rolling.evaluate(levels, { k: 2, l: [] })
    expect(rolling.stats).toEqual({ direct: 4, rolled: 1, tables: 3 })
  })

  test('one evaluator judges many nodes in a row (memory is released between them)', () => {
    const rows = 2000
    const codes = (radix: number) => ({ radix, chunks: [Uint32Array.from({ length: rows }, (_, i) => (i * 7919) % radix)] })
    const table = wasm.frequencyTable([codes(50), codes(37)], rows)
    const spec: EvaluatorSpec = {
      quasiIdentifiers: [50, 37].map((radix, j) => ({
        column: j, maps: [Uint32Array.from({ length: radix }, (_, i) => i), new Uint32Array(radix)],
        radices: [radix, 1], costs: [new Float64Array(radix), Float64Array.of(1)],
      })),
      sensitive: [],
    }
    const ev = wasm.evaluator(table, spec)
    const first = ev.evaluate([0, 0], { k: 2, l: [] })
    for (let i = 0; i < 500; i++) ev.evaluate([i % 2, (i >> 1) % 2], { k: 2, l: [] })
    expect(ev.evaluate([0, 0], { k: 2, l: [] })).toEqual(first)
    expect(ev.evaluate([1, 1], { k: 2, l: [] })).toMatchObject({ classes: 1, suppressed: 0, keptSquares: rows * rows })
  })
})

describe('distinctValues: bit patterns numbered by first appearance', () => {
  test('16-byte values that share their low 64 bits stay apart, in a table small enough for probes to meet', () => {
    const x = instantiate(kernelModule())
    x.reset()
    const n = 300, distinct = 200
    const values = x.alloc(16 * n), ids = x.alloc(4 * n), first = x.alloc(4 * n), table = x.alloc(32 * 512)
    const v = new BigUint64Array(x.memory.buffer, values, 2 * n)
    // value i: low half 7, high half i mod 200 (rows 200.. repeat the first 100)
    for (let i = 0; i < n; i++) { v[2 * i] = 7n; v[2 * i + 1] = BigInt(i % distinct) }
    expect(x.distinctValues(values, n, 16, table, 9, ids, first)).toBe(distinct)
    expect(Array.from(new Uint32Array(x.memory.buffer, ids, n))).toEqual(Array.from({ length: n }, (_, i) => i % distinct))
    expect(Array.from(new Uint32Array(x.memory.buffer, first, distinct))).toEqual(Array.from({ length: distinct }, (_, i) => i))
    // a table with room for fewer values says so
    expect(x.distinctValues(values, n, 16, table, 7, ids, first)).toBe(-1)
  })
})
