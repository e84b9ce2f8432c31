// Arrow columns of every common type -> dense codes whose labels give back the values.
import {
  Bool, DateDay, DateMillisecond, Decimal, Dictionary, Float32, Float64, Int16, Int32, Int64, Int8, LargeUtf8,
  RecordBatch, Table, TimestampMicrosecond, TimestampMillisecond, Uint32, Utf8, makeData, makeVector,
  tableFromIPC, tableToIPC, vectorFromArray,
} from 'apache-arrow'
import type { DataType, Vector } from 'apache-arrow'
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

  test('a nested type is refused with the column and its type', () => {
    const t = new Table({ tags: vectorFromArray([[1], [2]]) })
    expect(() => encodeColumn(t, 'tags', 'x.arrow')).toThrow(
      /column "tags" in x\.arrow has type List<.*>, which riskcheck cannot use as a quasi-identifier/)
  })
})

function makeBatch(data: ReturnType<typeof makeData>): RecordBatch {
  return new RecordBatch({ x: data } as never)
}
