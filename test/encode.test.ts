// Arrow columns of every common type -> dense codes whose labels give back the values.
import {
  BinaryView, Bool, DateDay, DateMillisecond, Decimal, Dictionary, Float32, Float64, Int16, Int32, Int64, Int8,
  LargeBinary, LargeUtf8, RecordBatch, Table, TimeMicrosecond, TimestampMicrosecond, TimestampMillisecond,
  TimestampNanosecond, TimestampSecond, Uint16, Uint32, Uint64, Uint8, Utf8, Utf8View, makeData, makeVector, tableFromIPC, tableToIPC,
  vectorFromArray,
} from 'apache-arrow'
import { Vector } from 'apache-arrow'
import type { Data, DataType } from 'apache-arrow'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { encodeColumn } from '../src/input/encode.js'
import type { EncodedColumn } from '../src/types.js'

function encode(vector: Vector): EncodedColumn {
  return encodeColumn(new Table({ x: vector }), 'x')
}

/** The label of each row, through the codes. */
function decoded(c: EncodedColumn): (string | null)[] {
  return c.chunks.flatMap(chunk => Array.from(chunk, code => {
    expect(code).toBeLessThan(c.radix)
    return c.labels[code]
  }))
}

const cases: [string, unknown[], DataType, (string | null)[]][] = [
  ['Int8', [3, -2, 3, null], new Int8(), ['3', '-2', '3', null]],
  ['Int16 (birth years)', [1930, 1925, 1930], new Int16(), ['1930', '1925', '1930']],
  ['Int32 over a wide range', [-2e9, 0, 2e9, 0], new Int32(), ['-2000000000', '0', '2000000000', '0']],
  ['Uint32', [4294967295, 1, 4294967295], new Uint32(), ['4294967295', '1', '4294967295']],
  ['Int64', [2n ** 60n, -1n, 2n ** 60n, null], new Int64(), ['1152921504606846976', '-1', '1152921504606846976', null]],
  ['Float64 (exact values, NaN one value)', [0.1, 0.30000000000000004, NaN, NaN, 0.1], new Float64(),
    ['0.1', '0.30000000000000004', 'NaN', 'NaN', '0.1']],
  ['Float32', [1.5, 2.25, 1.5], new Float32(), ['1.5', '2.25', '1.5']],
  ['Bool', [true, false, null, true], new Bool(), ['true', 'false', null, 'true']],
  ['Utf8', ['KG1', 'é', null, 'KG1'], new Utf8(), ['KG1', 'é', null, 'KG1']],
  ['LargeUtf8', ['b', 'a', 'b'], new LargeUtf8(), ['b', 'a', 'b']],
  ['Utf8View (short and long strings)', ['KG1', 'a text longer than twelve bytes', null, 'KG1'], new Utf8View(),
    ['KG1', 'a text longer than twelve bytes', null, 'KG1']],
  ['BinaryView', [Uint8Array.of(1, 2), new Uint8Array(16).fill(255), Uint8Array.of(1, 2)], new BinaryView(),
    ['0102', 'ff'.repeat(16), '0102']],
  ['LargeBinary', [Uint8Array.of(10), null, Uint8Array.of(10)], new LargeBinary(), ['0a', null, '0a']],
  ['DateDay', [new Date('2024-02-29'), new Date('1930-01-01'), null], new DateDay(), ['2024-02-29', '1930-01-01', null]],
  ['DateMillisecond', [new Date('2024-02-29'), new Date('2024-02-29')], new DateMillisecond(), ['2024-02-29', '2024-02-29']],
  ['TimestampMillisecond', [new Date('2024-05-01T10:00:00.250Z'), null], new TimestampMillisecond(),
    ['2024-05-01T10:00:00.250Z', null]],
  ['Dictionary<Int8, Utf8> with nulls', ['21000', null, '11000', '21000'], new Dictionary(new Utf8(), new Int8()),
    ['21000', null, '11000', '21000']],
  ['Dictionary<Int32, Utf8>', ['F', 'M', 'F'], new Dictionary(new Utf8(), new Int32()), ['F', 'M', 'F']],
]

describe('each type round-trips through its codes', () => {
  test.each(cases)('%s', (_, values, type, labels) => {
    const c = encode(vectorFromArray(values, type))
    expect(decoded(c)).toEqual(labels)
    expect(c.distinct).toBe(new Set(labels).size)
    expect(c.nulls).toBe(labels.filter(l => l === null).length)
  })

  test('TimestampMicrosecond keeps the microseconds', () => {
    const v = makeVector(makeData({ type: new TimestampMicrosecond(), length: 2, nullCount: 0,
      data: BigInt64Array.from([1_714_557_600_000_001n, 1_714_557_600_000_002n]) }))
    expect(decoded(encode(v))).toEqual(['2024-05-01T10:00:00.000001Z', '2024-05-01T10:00:00.000002Z'])
  })

  test('Decimal128 (scale 2) keeps sign and cents; codes follow the values', () => {
    const words = new Uint32Array([150, 0, 0, 0, ...new Uint32Array(BigInt64Array.from([-5n, -1n]).buffer), 150, 0, 0, 0])
    const v = makeVector(makeData({ type: new Decimal(2, 9, 128), length: 3, nullCount: 0, data: words }))
    const c = encode(v)
    expect(decoded(c)).toEqual(['1.50', '-0.05', '1.50'])
    expect(c.labels).toEqual(['-0.05', '1.50'])
  })

  test('plain columns get codes in value order, null last', () => {
    expect(encode(vectorFromArray([30, null, 10, 20], new Int16())).labels).toEqual(['10', '20', '30', null])
    expect(encode(vectorFromArray(['b', null, 'a'], new Utf8())).labels).toEqual(['a', 'b', null])
  })

  test('a dictionary whose indices need no change is used without a copy', () => {
    const v = vectorFromArray(['a', 'b', 'a'], new Dictionary(new Utf8(), new Int8()))
    const c = encode(v)
    expect(c.chunks[0].buffer).toBe(v.data[0].values.buffer)
  })

  test('dictionaries that differ between batches, or repeat a value, share codes by value', () => {
    const dictType = new Dictionary(new Utf8(), new Int8(), 0)
    const d1 = vectorFromArray(['x', 'y', 'x'], new Utf8())
    const d2 = vectorFromArray(['y', 'z'], new Utf8())
    const t = new Table([makeBatch(makeData({ type: dictType, length: 3, nullCount: 0, data: Int8Array.from([0, 1, 2]), dictionary: d1 })),
      makeBatch(makeData({ type: dictType, length: 2, nullCount: 0, data: Int8Array.from([0, 1]), dictionary: d2 }))])
    const c = encodeColumn(t, 'x')
    expect(decoded(c)).toEqual(['x', 'y', 'x', 'y', 'z'])
    expect(c.distinct).toBe(3)
    const codes = c.chunks.flatMap(ch => Array.from(ch))
    expect(codes[0]).toBe(codes[2])
    expect(codes[1]).toBe(codes[3])
  })

  test('many record batches through an IPC file give the codes of one batch', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `v${(i * 7) % 13}`)
    const whole = new Table({ x: vectorFromArray(values, new Dictionary(new Utf8(), new Int16())) })
    const batches = new Table(Array.from({ length: 10 }, (_, b) => whole.slice(b * 100, b * 100 + 100).batches[0]))
    const read = tableFromIPC(tableToIPC(batches, 'file'))
    expect(read.batches.length).toBe(10)
    expect(decoded(encodeColumn(read, 'x'))).toEqual(values)
  })

  test('Utf8View and BinaryView read back from an IPC file and stream', () => {
    const t = new Table({ s: vectorFromArray(['x', 'a text longer than twelve bytes', 'x'], new Utf8View()),
      b: vectorFromArray([Uint8Array.of(7), Uint8Array.of(7), Uint8Array.of(8)], new BinaryView()) })
    for (const format of ['file', 'stream'] as const) {
      const read = tableFromIPC(tableToIPC(t, format))
      expect(decoded(encodeColumn(read, 's'))).toEqual(['x', 'a text longer than twelve bytes', 'x'])
      expect(decoded(encodeColumn(read, 'b'))).toEqual(['07', '07', '08'])
    }
  })

  test('a decimal scale beyond 76 digits (damage) is refused', () => {
    const v = makeVector(makeData({ type: new Decimal(100, 9, 128), length: 1, nullCount: 0, data: new Uint32Array(4) }))
    expect(() => encodeColumn(new Table({ m: v }), 'm', 'x.arrow')).toThrow(/^column "m" in x\.arrow has type Decimal.*, which riskcheck cannot use/)
  })

  test('a values buffer shorter than its rows (damage) is an E_ARROW error, not a crash', () => {
    const datas: Data[] = [makeData({ type: new Decimal(2, 9, 128), length: 3, nullCount: 0, data: new Uint32Array(4) }),
      makeData({ type: new Int64(), length: 3, nullCount: 0, data: new BigInt64Array(2) })]
    for (const data of datas) {
      expect(() => encodeColumn(new Table({ m: makeVector(data) }), 'm', 'x.arrow')).toThrow(expect.objectContaining({
        code: 'E_ARROW', message: 'column "m" in x.arrow is damaged: a batch of 3 rows has values for ' + (data.values.length / data.stride) }))
    }
  })

  test('a nested type is refused with the column and its type', () => {
    const t = new Table({ tags: vectorFromArray([[1], [2]]) })
    expect(() => encodeColumn(t, 'tags', 'x.arrow')).toThrow(
      /column "tags" in x\.arrow has type List<.*>, which riskcheck cannot use as a quasi-identifier/)
  })
})

describe('integer columns (their chunks without nulls are passed over in WebAssembly)', () => {
  const types = [
    { type: new Int8(), min: -128, max: 127 }, { type: new Uint8(), min: 0, max: 255 },
    { type: new Int16(), min: -32768, max: 32767 }, { type: new Uint16(), min: 0, max: 65535 },
    { type: new Int32(), min: -(2 ** 31), max: 2 ** 31 - 1 }, { type: new Uint32(), min: 0, max: 2 ** 32 - 1 },
  ]
  // batches of up to 40 values drawn from a few values somewhere in the type's range (or anywhere in it:
  // the range too wide for a lookup table), some batches with nulls, some empty
  const column = fc.constantFrom(...types).chain(t => fc.record({
    t: fc.constant(t),
    pool: fc.array(fc.oneof(fc.integer({ min: t.min, max: t.max }),
      fc.integer({ min: Math.max(t.min, -5), max: Math.min(t.max, 5) })), { minLength: 1, maxLength: 6 }),
    batches: fc.array(fc.array(fc.option(fc.nat(), { freq: 5 }), { maxLength: 40 }), { minLength: 1, maxLength: 4 }),
  }))

  test('codes follow the values, null last, in every batch (against a sort of the distinct values)', () => {
    fc.assert(fc.property(column, ({ t, pool, batches }) => {
      const values = batches.map(b => b.map(p => p === null ? null : pool[p % pool.length]))
      const vector = new Vector(values.map(b => vectorFromArray(b, t.type).data[0]))
      const c = encodeColumn(new Table({ x: vector }), 'x')
      const distinct = [...new Set(values.flat().filter(v => v !== null))].sort((a, b) => (a as number) - (b as number))
      const hasNull = values.flat().includes(null)
      expect(c.labels).toEqual([...distinct.map(String), ...(hasNull ? [null] : [])])
      expect(c.chunks.flatMap(ch => Array.from(ch)))
        .toEqual(values.flat().map(v => v === null ? distinct.length : distinct.indexOf(v)))
      expect(c.nulls).toBe(values.flat().filter(v => v === null).length)
    }), { numRuns: 400 })
  })
})

describe('columns of floats, 64-bit integers, decimals (bit patterns of chunks without nulls numbered in WebAssembly)', () => {
  // the same values with a null added take the JavaScript path (a Map of keys): the two must agree
  const agree = (values: unknown[], type: DataType) => {
    const fast = encode(vectorFromArray(values, type))
    const slow = encode(vectorFromArray([...values, null], type))
    expect(fast.labels).toEqual(slow.labels.slice(0, -1))
    expect(fast.chunks.flatMap(ch => Array.from(ch))).toEqual(slow.chunks.flatMap(ch => Array.from(ch)).slice(0, -1))
  }
  const columnOf = <T>(value: fc.Arbitrary<T>) =>
    fc.array(value, { minLength: 1, maxLength: 8 }).chain(pool => fc.array(fc.nat(), { minLength: 1, maxLength: 60 })
      .map(picks => picks.map(p => pool[p % pool.length])))

  test('Float64: -0 is 0, NaN one value, infinities in order', () => {
    fc.assert(fc.property(columnOf(fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 0.1))),
      values => agree(values, new Float64())), { numRuns: 300 })
  })

  test('a column of more distinct values than the WebAssembly numbering takes (100,000 of 100,000 rows)', () => {
    agree(Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 100_000) / 8), new Float64())
  })

  test('Float32', () => {
    fc.assert(fc.property(columnOf(fc.oneof(fc.float(), fc.constantFrom(0, -0, NaN, 1.5))), values => agree(values, new Float32())),
      { numRuns: 200 })
  })

  test('Int64 and Uint64 over their whole range', () => {
    fc.assert(fc.property(columnOf(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })), values => agree(values, new Int64())),
      { numRuns: 200 })
    fc.assert(fc.property(columnOf(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })), values => agree(values, new Uint64())),
      { numRuns: 100 })
  })

  test('Decimal128: negative and positive amounts, equal values share a code', () => {
    const words = (cents: bigint[]) => {
      const out = new Uint32Array(4 * cents.length)
      cents.forEach((c, i) => { for (let w = 0; w < 4; w++) out[4 * i + w] = Number(BigInt.asUintN(128, c) >> BigInt(32 * w) & 0xffffffffn) })
      return out
    }
    // values that differ only above their low 64 bits, often
    const near = fc.constantFrom(5n, 5n + 2n ** 64n, 5n - 2n ** 64n, -5n, 5n + 2n ** 100n)
    fc.assert(fc.property(columnOf(fc.oneof(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), near)), cents => {
      const type = new Decimal(2, 38, 128)
      const fast = encode(makeVector(makeData({ type, length: cents.length, nullCount: 0, data: words(cents) })))
      const distinct = [...new Set(cents)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      expect(fast.radix).toBe(distinct.length)
      expect(fast.chunks.flatMap(ch => Array.from(ch))).toEqual(cents.map(c => distinct.indexOf(c)))
    }), { numRuns: 200 })
  })
})

describe('dictionary values are keyed like plain values', () => {
  /** A dictionary column over `dictionary` (a plain vector) with the given indices (null: a null index). */
  function dictColumn(dictionary: Vector, indices: (number | null)[]): Vector {
    const type = new Dictionary(dictionary.type, new Int32())
    const nullBitmap = Uint8Array.from({ length: Math.ceil(indices.length / 8) }, (_, b) =>
      indices.slice(b * 8, b * 8 + 8).reduce<number>((m, d, i) => (d === null ? m : m | (1 << i)), 0))
    return makeVector(makeData({ type, length: indices.length, nullCount: indices.filter(d => d === null).length,
      nullBitmap, data: Int32Array.from(indices, d => d ?? 0), dictionary }))
  }

  test('Dictionary<Int32, Timestamp<NANOSECOND>>: values 1 ns apart stay apart', () => {
    const ns = BigInt64Array.from([1_714_557_600_000_000_001n, 1_714_557_600_000_000_002n])
    const dictionary = makeVector(makeData({ type: new TimestampNanosecond(), length: 2, nullCount: 0, data: ns }))
    const c = encode(dictColumn(dictionary, [0, 1, 0]))
    expect(c.distinct).toBe(2)
    expect(decoded(c)).toEqual(['2024-05-01T10:00:00.000000001Z', '2024-05-01T10:00:00.000000002Z',
      '2024-05-01T10:00:00.000000001Z'])
  })

  test('Dictionary<Int32, Decimal>: equal values in two dictionary entries share one code', () => {
    const words = new Uint32Array([150, 0, 0, 0, 150, 0, 0, 0, 7, 0, 0, 0])
    const dictionary = makeVector(makeData({ type: new Decimal(2, 9, 128), length: 3, nullCount: 0, data: words }))
    const c = encode(dictColumn(dictionary, [0, 1, 2, 1]))
    expect(c.distinct).toBe(2)
    expect(decoded(c)).toEqual(['1.50', '1.50', '0.07', '1.50'])
    const codes = c.chunks.flatMap(ch => Array.from(ch))
    expect(codes[0]).toBe(codes[1])
  })

  test('a null dictionary entry and a null index are the same value, and both count as nulls', () => {
    const dictionary = vectorFromArray(['a', null, 'b'], new Utf8())
    const c = encode(dictColumn(dictionary, [0, 1, null, 1, 2]))
    expect(decoded(c)).toEqual(['a', null, null, null, 'b'])
    expect(c.nulls).toBe(3)
    expect(c.distinct).toBe(3)
  })
})

describe('labels of dates and times beyond what a JavaScript Date holds', () => {
  test('fall back to the raw number with its unit', () => {
    const max = 2n ** 63n - 1n
    const at = (type: DataType, data: BigInt64Array | Int32Array) =>
      decoded(encode(makeVector(makeData({ type, length: data.length, nullCount: 0, data } as never))))
    expect(at(new TimestampMicrosecond(), BigInt64Array.of(max, 0n))).toEqual(
      [`${max} microseconds since 1970-01-01`, '1970-01-01T00:00:00.000000Z'])
    expect(at(new TimestampSecond(), BigInt64Array.of(-max))).toEqual([`${-max} seconds since 1970-01-01`])
    expect(at(new DateMillisecond(), BigInt64Array.of(9_000_000_000_000_000n, 86_400_000n))).toEqual(
      ['9000000000000000 milliseconds since 1970-01-01', '1970-01-02'])
    expect(at(new DateDay(), Int32Array.of(2_000_000_000, 0))).toEqual(['2000000000 days since 1970-01-01', '1970-01-01'])
    expect(at(new TimeMicrosecond(), BigInt64Array.of(90_000_000_000n, 1n))).toEqual(
      ['90000000000 microseconds since midnight', '00:00:00.000001'])
  })

  test('an instant just before the epoch keeps its second', () => {
    const v = makeVector(makeData({ type: new TimestampNanosecond(), length: 1, nullCount: 0, data: BigInt64Array.of(-1n) }))
    expect(decoded(encode(v))).toEqual(['1969-12-31T23:59:59.999999999Z'])
  })
})

function makeBatch(data: ReturnType<typeof makeData>): RecordBatch {
  return new RecordBatch({ x: data } as never)
}

describe('damaged dictionary indices', () => {
  const dictionary = vectorFromArray(['a', 'b'], new Utf8())
  const column = (indices: Int8Array, nullBitmap?: Uint8Array) => makeVector(makeData({
    type: new Dictionary(new Utf8(), new Int8()), length: indices.length, data: indices, dictionary,
    nullBitmap, nullCount: nullBitmap ? -1 : 0,
  }))
  test('an index beyond the dictionary, on the zero-copy path and with nulls, names the column and the row', () => {
    const t1 = new Table({ x: column(Int8Array.from([0, 1, 5])) })
    expect(() => encodeColumn(t1, 'x', 'f.arrow'))
      .toThrow('column "x" in f.arrow has dictionary index 5 at row 3, outside its dictionary of 2 values: the file is corrupt')
    const t2 = new Table({ x: column(Int8Array.from([0, -1, 1]), Uint8Array.of(0b110)) })
    expect(() => encodeColumn(t2, 'x', 'f.arrow')).toThrow('has dictionary index -1 at row 2')
  })
})
