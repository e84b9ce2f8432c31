// The WebAssembly kernels against the plain TypeScript reference, on random and on extreme tables.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { widthFor } from '../src/input/encode.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { loadKernels } from '../src/kernels/wasm/index.js'
import type { CodeChunk, CodeColumn, KernelInput, KernelOutput } from '../src/types.js'

const wasm = loadKernels()

function chunked(codes: number[], radix: number, cuts: number[], wider: boolean): CodeColumn {
  const width = wider ? 4 : widthFor(radix)
  const View = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Uint32Array
  const bounds = [0, ...cuts.map(c => Math.floor(c * codes.length)).sort((a, b) => a - b), codes.length]
  const chunks: CodeChunk[] = []
  for (let i = 0; i + 1 < bounds.length; i++) chunks.push(View.from(codes.slice(bounds[i], bounds[i + 1])))
  return { radix, chunks }
}

/** A code column of `rows` rows: a few distinct codes (so that classes repeat) anywhere below the radix. */
const column = (rows: number, maxRadix: number) =>
  fc.record({
    // powers of two make any truncation of a wide key collide, so they are drawn often
    radix: fc.oneof(fc.integer({ min: 1, max: maxRadix }), fc.constantFrom(2 ** Math.floor(Math.log2(maxRadix)), Math.max(1, Math.floor(maxRadix / 2)))),
    picks: fc.array(fc.nat(), { minLength: rows, maxLength: rows }),
    pool: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 8 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    wider: fc.boolean(),
  }).map(({ radix, picks, pool, cuts, wider }) => {
    const values = pool.map(u => Math.floor(u * radix))
    return chunked(picks.map(p => values[p % values.length]), radix, cuts, wider)
  })

const input: fc.Arbitrary<KernelInput> = fc.integer({ min: 1, max: 150 }).chain(rows =>
  fc.record({
    rows: fc.constant(rows),
    quasiIdentifiers: fc.array(fc.oneof(column(rows, 6), column(rows, 400), column(rows, 2 ** 32 - 1)), { maxLength: 4 }),
    sensitive: fc.array(fc.oneof(column(rows, 5), column(rows, 300)), { maxLength: 2 }),
    k: fc.integer({ min: 1, max: 6 }),
    l: fc.integer({ min: 1, max: 4 }),
  }))

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
