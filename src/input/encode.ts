// Arrow column -> dense integer codes (EncodedColumn). Codes of plain columns follow the order of the
// values (numbers ascending, text by code unit); dictionary columns keep their dictionary's order.
// Null is a value of its own (the last code of a plain column).
import { Data, DataType, TimeUnit, Type, Vector, makeVector } from 'apache-arrow'
import type { Table } from 'apache-arrow'
import { RiskcheckError, quote } from '../errors.js'
import type { CodeChunk, EncodedColumn } from '../types.js'
import { distinctValues, intValues } from '../kernels/wasm/encode.js'
import type { IntChunk } from '../kernels/wasm/encode.js'
import { decimalAt, decimalText, durationText, isoDateMs, isoDay, isoInstant, timeOfDay } from './labels.js'

type Key = string | number | bigint | boolean
type KeyAt = (data: Data) => (i: number) => Key
type Label = (key: Key) => string
type Plan = 'small-int' | { keyAt: KeyAt; label: Label; fixed?: boolean }
const SMALL_RANGE = 2 ** 22
const NULL = 0xffffffff

/** Columns already encoded, per table: a table is immutable, and analyse(), the lint, the generalisation
 * search and the analysis of the coded table all need the same columns. */
const encodedTables = new WeakMap<Table, Map<string, EncodedColumn>>()

/**
 * Encode one column of `table` as dense integer codes for the kernels (once per table and column).
 * @param source name of the file or table, for error messages
 */
export function encodeColumn(table: Table, name: string, source = 'the table'): EncodedColumn {
  let columns = encodedTables.get(table)
  if (!columns) { columns = new Map(); encodedTables.set(table, columns) }
  let column = columns.get(name)
  if (!column) { column = encode(table, name, source); columns.set(name, column) }
  return column
}

function encode(table: Table, name: string, source: string): EncodedColumn {
  const vector = table.getChild(name)
  if (!vector) throw new RiskcheckError('E_COLUMN', `column ${quote(name)} not found in ${source}`)
  const type = vector.type
  if (!canEncode(type)) {
    throw new RiskcheckError('E_TYPE', `column ${quote(name)} in ${source} has type ${type}, which riskcheck cannot ` +
      'use as a quasi-identifier or sensitive attribute', 'give its role as "ignore", or leave it out of --qi and --sensitive')
  }
  const parts = DataType.isDictionary(type) ? encodeDictionary(vector, name, source) : encodePlain(vector, name, source)
  return { name, type: String(type), ...parts }
}

/** Whether riskcheck can encode a column of this type (for a dictionary, of its value type). */
export function canEncode(type: DataType): boolean {
  return planFor(DataType.isDictionary(type) ? (type as unknown as { dictionary: DataType }).dictionary : type) !== undefined
}

type Parts = Omit<EncodedColumn, 'name' | 'type'>
type Codes = Omit<Parts, 'nulls'>

const FIXED_WIDTH = [Type.Int, Type.Float, Type.Date, Type.Time, Type.Timestamp, Type.Duration, Type.Decimal]

/** A column that is not dictionary-encoded (or the values of a dictionary), of a type planFor() knows. */
function encodePlain(vector: Vector, name: string, source: string): Parts {
  if (FIXED_WIDTH.includes(vector.type.typeId)) {
    for (const data of vector.data) {
      if (data.values.length < data.length * data.stride) {
        throw new RiskcheckError('E_ARROW', `column ${quote(name)} in ${source} is damaged: a batch of ${data.length} rows ` +
          `has values for ${Math.floor(data.values.length / data.stride)}`, 'copy the file again from its source')
      }
    }
  }
  const plan = planFor(vector.type) as Plan
  const parts = plan === 'small-int' ? encodeSmallInts(vector, smallIntLabel(vector.type), `column ${quote(name)} of ${source}`)
    : encodeByKey(vector, plan.keyAt, plan.label, `column ${quote(name)} of ${source}`, plan.fixed)
  return { ...parts, nulls: vector.nullCount }
}

/** How to read the keys of a column type: the range-table path for 32-bit integers, else a Map of keys. */
function planFor(type: DataType): Plan | undefined {
  const unit = (type as { unit?: TimeUnit }).unit as TimeUnit
  const raw: KeyAt = data => { const v = data.values; return i => v[i] }
  const got: KeyAt = data => { const v = makeVector(data); return i => v.get(i) as Key }
  switch (type.typeId) {
    case Type.Int: return (type as unknown as { bitWidth: number }).bitWidth <= 32 ? 'small-int' : { keyAt: raw, label: String, fixed: true }
    case Type.Date: return unit === 0 ? 'small-int' : { keyAt: raw, label: k => isoDateMs(k as bigint), fixed: true }
    case Type.Time: return (type as unknown as { bitWidth: number }).bitWidth <= 32 ? 'small-int'
      : { keyAt: raw, label: k => timeOfDay(k as bigint, unit), fixed: true }
    case Type.Timestamp: return { keyAt: raw, label: k => isoInstant(k as bigint, unit), fixed: true }
    case Type.Duration: return { keyAt: raw, label: k => durationText(k as bigint, unit), fixed: true }
    case Type.Float: return { keyAt: got, label: String, fixed: true }
    case Type.Bool: return { keyAt: got, label: String }
    case Type.Decimal: {
      const { scale, bitWidth } = type as unknown as { scale: number; bitWidth: number }
      // Arrow decimals have at most 76 digits: a larger scale is damage (and 10n ** scale would take forever).
      if (![32, 64, 128, 256].includes(bitWidth) || !(Math.abs(scale) <= 76)) return undefined
      return { keyAt: data => i => decimalAt(data.values, i, bitWidth), label: k => decimalText(k as bigint, scale), fixed: true }
    }
    case Type.Utf8: case Type.LargeUtf8: case Type.Utf8View:
    case Type.Binary: case Type.LargeBinary: case Type.BinaryView: case Type.FixedSizeBinary:
      return { keyAt: data => { const v = makeVector(data); return i => keyOfValue(v.get(i)) }, label: String }
    default: return undefined
  }
}

function smallIntLabel(type: DataType): (v: number) => string {
  if (type.typeId === Type.Date) return isoDay
  if (type.typeId === Type.Time) return v => timeOfDay(BigInt(v), (type as unknown as { unit: TimeUnit }).unit)
  return String
}

function keyOfValue(value: unknown): Key {
  return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : (value as Key)
}

/** Validity test of row i of a chunk (true when the chunk has no nulls). */
function validity(data: Data): (i: number) => boolean {
  const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined
  if (!bitmap) return () => true
  const offset = data.offset
  return i => ((bitmap[(offset + i) >> 3] >> ((offset + i) & 7)) & 1) === 1
}

/**
 * 32-bit integers (and day dates, 32-bit times): a lookup table over the value range when it is small.
 * Chunks without nulls (most) are passed over in WebAssembly, the others here.
 */
function encodeSmallInts(vector: Vector, label: (v: number) => string, what: string): Codes {
  const whole = (data: Data) => data.nullCount === 0 && data.length > 0
  const wholeChunks = vector.data.filter(whole).map(data => (data.values as IntChunk).subarray(0, data.length))
  const fast = wholeChunks.length > 0 ? intValues(wholeChunks, what) : undefined
  let [min, max] = fast ? fast.bounds() : [Infinity, -Infinity]
  for (const data of vector.data) {
    if (data.nullCount === 0) continue
    const valid = validity(data)
    const values = data.values as ArrayLike<number>
    for (let i = 0; i < data.length; i++) {
      if (!valid(i)) continue
      if (values[i] < min) min = values[i]
      if (values[i] > max) max = values[i]
    }
  }
  if (max - min >= SMALL_RANGE && max - min >= 2 * vector.length) {
    return encodeByKey(vector, data => { const v = data.values; return i => v[i] }, k => label(k as number), what, true)
  }
  const range = max >= min ? max - min + 1 : 0
  const used = new Uint8Array(range)
  fast?.markUsed(min, used)
  for (const data of vector.data) {
    if (data.nullCount === 0) continue
    const valid = validity(data)
    const values = data.values as ArrayLike<number>
    for (let i = 0; i < data.length; i++) if (valid(i)) used[values[i] - min] = 1
  }
  const codeOf = new Int32Array(range)
  const labels: (string | null)[] = []
  for (let v = 0; v < range; v++) if (used[v]) { codeOf[v] = labels.length; labels.push(label(v + min)) }
  const nullCode = labels.length
  if (vector.nullCount > 0) labels.push(null)
  const width = widthFor(labels.length)
  const fastCodes = fast ? fast.codes(min, codeOf, width) : []
  let next = 0
  const chunks = vector.data.map(data => {
    if (whole(data)) return fastCodes[next++]
    const valid = validity(data)
    const values = data.values as ArrayLike<number>
    const codes = makeCodes(width, data.length)
    for (let i = 0; i < data.length; i++) codes[i] = valid(i) ? codeOf[values[i] - min] : nullCode
    return codes
  })
  return { radix: labels.length, chunks, labels, distinct: labels.length }
}

/**
 * Any type with hashable keys: distinct keys in a Map, then sorted so that codes follow the values. With
 * `fixed`, the values of chunks without nulls are 4, 8 or 16 bytes, equal when their bits are (and maybe
 * otherwise, as -0 and 0): those chunks' bit patterns are numbered in WebAssembly, and only each
 * pattern's key is read here, into the same Map.
 */
function encodeByKey(vector: Vector, keyAt: KeyAt, label: Label, what: string, fixed = false): Codes {
  const index = new Map<Key, number>()
  const keys: Key[] = []
  const tOf = (key: Key) => {
    let t = index.get(key)
    if (t === undefined) { t = keys.length; index.set(key, t); keys.push(key) }
    return t
  }
  const rowBytes = (data: Data) => (data.values as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT * data.stride
  const candidates = fixed ? vector.data.filter(d => d.nullCount === 0 && d.length > 0 && [4, 8, 16].includes(rowBytes(d))) : []
  // null when the values are too many to gain from it: each value's key is read here anyway
  const found = candidates.length > 0 ? distinctOf(candidates, rowBytes(candidates[0]) as 4 | 8 | 16, keyAt, tOf, what) : null
  const fast = new Set(found ? candidates : [])
  const temps = vector.data.map(data => {
    if (fast.has(data)) return null
    const valid = validity(data)
    const at = keyAt(data)
    const temp = new Uint32Array(data.length)
    for (let i = 0; i < data.length; i++) temp[i] = valid(i) ? tOf(at(i)) : NULL
    return temp
  })
  const order = keys.map((_, t) => t).sort((a, b) => compareKeys(keys[a], keys[b]))
  const codeOf = new Uint32Array(keys.length)
  order.forEach((t, code) => { codeOf[t] = code })
  const labels: (string | null)[] = order.map(t => label(keys[t]))
  const nullCode = labels.length
  if (vector.nullCount > 0) labels.push(null)
  const width = widthFor(labels.length)
  const fastCodes = found ? found.codes(found.keyIds.map(t => codeOf[t]), width) : []
  let next = 0
  const chunks = temps.map(temp => {
    if (!temp) return fastCodes[next++]
    const codes = makeCodes(width, temp.length)
    for (let i = 0; i < temp.length; i++) codes[i] = temp[i] === NULL ? nullCode : codeOf[temp[i]]
    return codes
  })
  return { radix: labels.length, chunks, labels, distinct: labels.length }
}

/**
 * The distinct bit patterns of `chunks` (without nulls) numbered in WebAssembly; keyIds[id] = tOf(the key
 * of pattern id), read at the row where it first appears. Null when there are more than an eighth as many
 * patterns as rows (nothing to gain, and a hash table as large as the column).
 */
function distinctOf(chunks: Data[], bytes: 4 | 8 | 16, keyAt: KeyAt, tOf: (key: Key) => number, what: string) {
  const values = chunks.map(d => new Uint8Array((d.values as Uint8Array).buffer, (d.values as Uint8Array).byteOffset, d.length * bytes))
  const found = distinctValues(values, bytes, what)
  if (!found) return null
  const keyIds = new Uint32Array(found.first.length)
  let c = 0, start = 0, at = keyAt(chunks[0])
  found.first.forEach((row, id) => {
    // first rows grow with the ids: walk the chunks forward
    while (row >= start + chunks[c].length) { start += chunks[c].length; at = keyAt(chunks[++c]) }
    keyIds[id] = tOf(at(row - start))
  })
  return { keyIds, codes: found.codes }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number' && (Number.isNaN(a) || Number.isNaN(b))) {
    return Number(Number.isNaN(a)) - Number(Number.isNaN(b))
  }
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Dictionary columns: the dictionaries of all batches are encoded together as a plain column, so that
 * values are keyed exactly as in plain columns (equal values share a code, distinct ones never do); codes
 * are then numbered in dictionary order, and indices are reused as codes, without a copy, where they
 * already are. A null cell and a null dictionary entry are the same value.
 */
function encodeDictionary(vector: Vector, name: string, source: string): Parts {
  const dicts: Vector[] = []
  for (const data of vector.data) if (data.dictionary && !dicts.includes(data.dictionary)) dicts.push(data.dictionary)
  const values = dicts.length > 0 ? encodePlain(new Vector(dicts.flatMap(d => d.data)), name, source) : undefined
  const valueCodes = values ? values.chunks.flatMap(chunk => Array.from(chunk)) : []
  const codeOfValue = new Int32Array(values?.radix ?? 0).fill(-1)
  const labels: (string | null)[] = []
  const remaps = new Map<Vector, { remap: Int32Array; identity: boolean }>()
  let at = 0
  for (const dict of dicts) {
    const remap = new Int32Array(dict.length)
    let identity = true
    for (let d = 0; d < dict.length; d++) {
      const v = valueCodes[at++]
      if (codeOfValue[v] < 0) { codeOfValue[v] = labels.length; labels.push((values as Parts).labels[v]) }
      remap[d] = codeOfValue[v]
      identity &&= remap[d] === d
    }
    remaps.set(dict, { remap, identity })
  }
  let nullCode = labels.indexOf(null)
  if (nullCode < 0 && vector.nullCount > 0) { nullCode = labels.length; labels.push(null) }
  const indexBytes = (vector.type as unknown as { indices: { bitWidth: number } }).indices.bitWidth / 8
  const width = Math.max(widthFor(labels.length), indexBytes <= 4 ? indexBytes : 1)
  const used = new Uint8Array(labels.length)
  let row = 0
  let nulls = 0
  const chunks = vector.data.map(data => {
    const { remap, identity } = remaps.get(data.dictionary as Vector) ?? { remap: new Int32Array(0), identity: false }
    const indices = data.values as ArrayLike<number | bigint>
    const valid = validity(data)
    const zeroCopy = identity && data.nullCount === 0 && indexBytes === width
    const codes = zeroCopy ? unsignedView(data.values as CodeChunkLike, data.length) : makeCodes(width, data.length)
    if (zeroCopy) {
      nulls += markIndices(codes, remap.length, used, nullCode, i => badIndex(codes[i], row + i, remap.length, name, source))
      row += data.length
      return codes
    }
    for (let i = 0; i < data.length; i++, row++) {
      if (!valid(i)) { codes[i] = nullCode; used[nullCode] = 1; nulls++; continue }
      const d = Number(indices[i])
      if (!(d >= 0 && d < remap.length)) throw badIndex(d, row, remap.length, name, source)
      if (!zeroCopy) codes[i] = remap[d]
      used[remap[d]] = 1
      if (remap[d] === nullCode) nulls++
    }
    return codes
  })
  return { radix: Math.max(labels.length, 1), chunks, labels, distinct: used.reduce((a, u) => a + u, 0), nulls }
}

/**
 * The fast path of a dictionary chunk whose indices are the codes (no null index, identity remap): check each
 * index is in the dictionary and mark it used; returns how many point to a null entry of the dictionary.
 */
function markIndices(codes: CodeChunk, size: number, used: Uint8Array, nullCode: number, bad: (i: number) => Error): number {
  let nulls = 0
  for (let i = 0; i < codes.length; i++) {
    const d = codes[i]
    if (d >= size) throw bad(i)
    used[d] = 1
    if (d === nullCode) nulls++
  }
  return nulls
}

function badIndex(d: number, row: number, size: number, name: string, source: string): RiskcheckError {
  return new RiskcheckError('E_ARROW', `column ${quote(name)} in ${source} has dictionary index ${d} at row ${row + 1}, ` +
    `outside its dictionary of ${size} values: the file is corrupt`)
}

type CodeChunkLike = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

function unsignedView(a: CodeChunkLike, length: number): CodeChunk {
  const View = a.BYTES_PER_ELEMENT === 1 ? Uint8Array : a.BYTES_PER_ELEMENT === 2 ? Uint16Array : Uint32Array
  return new View(a.buffer as ArrayBuffer, a.byteOffset, length)
}

/** Bytes per code for a radix: 1, 2 or 4. */
export function widthFor(radix: number): 1 | 2 | 4 {
  return radix <= 2 ** 8 ? 1 : radix <= 2 ** 16 ? 2 : 4
}

function makeCodes(width: number, length: number): CodeChunk {
  return width === 1 ? new Uint8Array(length) : width === 2 ? new Uint16Array(length) : new Uint32Array(length)
}
