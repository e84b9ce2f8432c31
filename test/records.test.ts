// Records from a frequency table give the kernel's figures: the weighted computation against the reference
// kernel on the rows, on random tables.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { referenceKernels } from '../src/kernels/reference.js'
import { NumberIndex } from '../src/number-index.js'
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

describe('NumberIndex', () => {
  test('gives the ids a Map would, first seen first, through growth', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.nat({ max: 50 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), { maxLength: 3000 }), keys => {
      const index = new NumberIndex(4)
      const map = new Map<number, number>()
      for (const key of keys) {
        const want = map.get(key) ?? map.size
        if (want === map.size) map.set(key, want)
        expect(index.add(key)).toBe(want)
      }
      expect(index.size).toBe(map.size)
      for (const [key, id] of map) expect(index.get(key)).toBe(id)
      expect(index.get(-1)).toBe(-1)
    }), { numRuns: 100 })
  })
})
