// Records from a frequency table give the kernel's figures: the weighted computation against the reference
// kernel on the rows, on random tables.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { referenceKernels } from '../src/kernels/reference.js'
import { tupleIds } from '../src/kernels/wasm/tuple-ids.js'
import { weightedFrequencies } from '../src/records.js'
import type { CodeColumn } from '../src/types.js'

const column = (codes: number[], radix: number): CodeColumn => ({ radix, chunks: [Uint32Array.from(codes)] })

describe('weightedFrequencies', () => {
  test('equals the reference kernel on the rows the table counts', () => {
    const table = fc.integer({ min: 1, max: 40 }).chain(rows => fc.tuple(
      fc.array(fc.array(fc.nat({ max: 3 }), { minLength: rows, maxLength: rows }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(fc.nat({ max: 4 }), { minLength: rows, maxLength: rows }), { minLength: 0, maxLength: 2 }),
    ))
    fc.assert(fc.property(table, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), ([qi, sensitive], k, l) => {
      const rows = qi[0].length
      const qiCols = qi.map(c => column(c, 4))
      const sCols = sensitive.map(c => column(c, 5))
      const want = referenceKernels.frequencies({ rows, quasiIdentifiers: qiCols, sensitive: sCols, k, l })
      const got = weightedFrequencies(referenceKernels.frequencyTable([...qiCols, ...sCols], rows), qi.length, k, l)
      expect({ ...got, diversity: got.diversity.map(d => ({ ...d, entropyH: 0 })) })
        .toEqual({ ...want, diversity: want.diversity.map(d => ({ ...d, entropyH: 0 })) })
      got.diversity.forEach((d, i) => expect(d.entropyH).toBeCloseTo(want.diversity[i].entropyH, 12))
    }), { numRuns: 300 })
  })
})

describe('tupleIds', () => {
  test('numbers tuples as a Map of their text would, first seen first (dense, hashed and 64-bit keys)', () => {
    const columns = fc.integer({ min: 1, max: 400 }).chain(rows => fc.array(fc.record({
      radix: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 ** 32 - 1 })),
      picks: fc.array(fc.nat(), { minLength: rows, maxLength: rows }), pool: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    }).map(({ radix, picks, pool }) => ({ radix, codes: Uint32Array.from(picks, p => pool[p % pool.length] % radix) })),
    { minLength: 1, maxLength: 4 }))
    fc.assert(fc.property(columns, cols => {
      const map = new Map<string, number>()
      const want = Array.from(cols[0].codes, (_, i) => {
        const key = cols.map(c => c.codes[i]).join(',')
        if (!map.has(key)) map.set(key, map.size)
        return map.get(key)
      })
      const got = tupleIds(cols.map(c => c.codes), cols.map(c => c.radix))
      expect(Array.from(got.ids)).toEqual(want)
      expect(got.count).toBe(map.size)
      // without radices, each column's largest code + 1
      expect(Array.from(tupleIds(cols.map(c => c.codes)).ids)).toEqual(want)
    }), { numRuns: 300 })
  })
})
