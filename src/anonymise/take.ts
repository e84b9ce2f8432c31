// Keeping some rows of an Arrow column, buffer by buffer, so that every value is copied exactly (no
// round trip through JavaScript values, which would round nanosecond timestamps and 64-bit integers).
import { Data, DataType, makeData, makeVector } from 'apache-arrow'
import type { Vector } from 'apache-arrow'
import { RiskcheckError } from '../errors.js'

type Buffer = Uint8Array | Int8Array | Int16Array | Int32Array | Uint16Array | Uint32Array | Float32Array |
  Float64Array | BigInt64Array | BigUint64Array

/** The rows `keep` (ascending indices into `data`) of one column chunk. */
export function takeData(data: Data, keep: Uint32Array, column: string): Data {
  const { type } = data
  const m = keep.length
  const validity = data.nullCount > 0 ? takeBits(data.nullBitmap as Uint8Array, data.offset, keep) : undefined
  const nulls = validity ? m - countBits(validity, m) : 0
  const base = { type, length: m, nullCount: nulls, nullBitmap: validity }
  if (DataType.isNull(type)) return makeData({ type, length: m })
  if (DataType.isBool(type)) return makeData({ ...base, data: takeBits(data.values as Uint8Array, data.offset, keep) } as never)
  if (DataType.isUtf8(type) || DataType.isBinary(type) || DataType.isLargeUtf8(type) || DataType.isLargeBinary(type)) {
    const { valueOffsets, data: bytes } = takeVariable(data.valueOffsets as Int32Array | BigInt64Array, data.values as Uint8Array, keep)
    return makeData({ ...base, valueOffsets, data: bytes } as never)
  }
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDate(type) || DataType.isTime(type) ||
    DataType.isTimestamp(type) || DataType.isDecimal(type) || DataType.isInterval(type) || DataType.isDuration(type) ||
    DataType.isFixedSizeBinary(type)) {
    return makeData({ ...base, data: takeFixed(data.values as Buffer, data.stride, keep) } as never)
  }
  throw new RiskcheckError('E_TYPE', `column ${JSON.stringify(column)} has type ${type}, which riskcheck cannot copy ` +
    'row by row, so records cannot be suppressed in it', 'drop the column from the file, or allow no suppression (--max-suppression 0)')
}

/**
 * The rows `keeps[b]` of each chunk `datas[b]` of one dictionary-encoded column, with a dictionary cut down
 * to the values those rows use: a value only removed records had must not stay in the file.
 */
export function takeDictionaryColumn(datas: Data[], keeps: Uint32Array[], column: string): Data[] {
  const dictionary = datas[0]?.dictionary as Vector | undefined
  if (!dictionary) return datas
  if (datas.some(d => d.dictionary !== dictionary)) {
    throw new RiskcheckError('E_TYPE', `column ${JSON.stringify(column)} changes its dictionary between record batches, and ` +
      'riskcheck cannot yet remove records from such a column', 'allow no suppression (--max-suppression 0), or --suppress mark')
  }
  const used = new Uint8Array(dictionary.length)
  datas.forEach((d, b) => {
    const indices = d.values as Buffer
    for (const r of keeps[b]) if (isValid(d, r)) used[Number(indices[r])] = 1
  })
  const entries = Uint32Array.from(Array.from(used.keys()).filter(e => used[e] === 1))
  const renumber = new Int32Array(dictionary.length)
  entries.forEach((e, i) => { renumber[e] = i })
  const compact = takeVector(dictionary, entries, column)
  return datas.map((d, b) => {
    const indices = takeFixed(d.values as Buffer, 1, keeps[b])
    for (let r = 0; r < indices.length; r++) if (isValid(d, keeps[b][r])) indices[r] = renumber[Number(indices[r])] as never
    const validity = d.nullCount > 0 ? takeBits(d.nullBitmap as Uint8Array, d.offset, keeps[b]) : undefined
    const nullCount = validity ? keeps[b].length - countBits(validity, keeps[b].length) : 0
    return makeData({ type: d.type, length: keeps[b].length, nullCount, nullBitmap: validity, data: indices, dictionary: compact } as never)
  })
}

/** The entries `rows` (ascending) of a vector, whichever of its chunks they are in. */
function takeVector(vector: Vector, rows: Uint32Array, column: string): Vector {
  let start = 0
  const chunks = vector.data.map(d => {
    const inChunk = rows.filter(r => r >= start && r < start + d.length).map(r => r - start)
    start += d.length
    return takeData(d, inChunk, column)
  })
  return makeVector(chunks)
}

function isValid(d: Data, row: number): boolean {
  if (d.nullCount === 0 || !d.nullBitmap) return true
  const b = d.offset + row
  return ((d.nullBitmap[b >> 3] >> (b & 7)) & 1) === 1
}

function takeFixed(values: Buffer, stride: number, keep: Uint32Array): Buffer {
  const out = new (values.constructor as new (n: number) => Buffer)(keep.length * stride)
  if (stride === 1) {
    for (let r = 0; r < keep.length; r++) out[r] = values[keep[r]]
  } else {
    for (let r = 0; r < keep.length; r++) out.set(values.subarray(keep[r] * stride, (keep[r] + 1) * stride) as never, r * stride)
  }
  return out
}

function takeVariable(offsets: Int32Array | BigInt64Array, bytes: Uint8Array, keep: Uint32Array) {
  const at = (i: number) => Number(offsets[i])
  let total = 0
  for (const i of keep) total += at(i + 1) - at(i)
  const data = new Uint8Array(total)
  const large = offsets instanceof BigInt64Array
  const valueOffsets = large ? new BigInt64Array(keep.length + 1) : new Int32Array(keep.length + 1)
  let end = 0
  keep.forEach((i, r) => {
    data.set(bytes.subarray(at(i), at(i + 1)), end)
    end += at(i + 1) - at(i)
    valueOffsets[r + 1] = (large ? BigInt(end) : end) as never
  })
  return { valueOffsets, data }
}

/** The bits at offset + keep[r] of a bitmap (LSB first), packed from bit 0. */
function takeBits(bits: Uint8Array, offset: number, keep: Uint32Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(keep.length / 8))
  keep.forEach((i, r) => {
    const b = offset + i
    if ((bits[b >> 3] >> (b & 7)) & 1) out[r >> 3] |= 1 << (r & 7)
  })
  return out
}

function countBits(bits: Uint8Array, length: number): number {
  let n = 0
  for (let r = 0; r < length; r++) n += (bits[r >> 3] >> (r & 7)) & 1
  return n
}
