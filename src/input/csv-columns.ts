// CSV columns: the values of one column while a CSV file is read (Column), what type its texts have, and
// the Arrow data they become (Int32, Float64, DateDay, Bool, or a sorted Dictionary<Int32, Utf8>).
import { Bool, DateDay, Dictionary, Float64, Int32, Utf8, makeData, makeVector } from 'apache-arrow'
import type { Data } from 'apache-arrow'

/** The column types a schema can declare. */
export type ColumnType = 'string' | 'int' | 'float' | 'date' | 'bool'
/** Declared types of some columns, by name; the others are inferred. */
export type CsvSchema = Record<string, ColumnType>

/** The column types a schema can declare. */
export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'int', 'float', 'date', 'bool']
const SWITCH = 65536
const INT = /^-?(?:0|[1-9]\d*)$/
const FLOAT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/
/** Numbers that String() writes as they are, given at most 15 characters (1e-7 and below are written 1e-7). */
const PLAIN = /^-?(?:0|[1-9]\d*)(?:\.(?!0{6})\d*[1-9])?$/
const DECLARED_INT = /^[-+]?\d+$/
const DECLARED_FLOAT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const BOOLS = new Map([['true', true], ['false', false], ['1', true], ['0', false], ['yes', true], ['no', false]])

/**
 * One column while reading: its distinct texts, and per row the index of its text (-1: null). A column of more
 * than 65,536 distinct texts that are all numbers written as JavaScript writes them (so that each text can be
 * written again from its number) keeps a Float64 per row instead (NaN: null), and goes back to texts if a text
 * that is not such a number comes.
 */
export class Column {
  private index = new Map<string, number>()
  private values: string[] = []
  private ids = new Int32Array(1024)
  private numbers?: Float64Array
  private numeric: boolean

  constructor(readonly name: string, readonly declared: ColumnType | undefined, private readonly decimalComma: boolean) {
    this.numeric = declared === undefined || declared === 'int' || declared === 'float'
  }

  /** Room for `rows` rows. */
  reserve(rows: number): void {
    const capacity = (this.numbers ?? this.ids).length
    if (rows <= capacity) return
    if (this.numbers) this.numbers = grow(this.numbers, Float64Array, rows)
    else this.ids = grow(this.ids, Int32Array, rows)
  }

  /** Set row `row` to `text`; false when the text is not of the declared type. */
  set(row: number, text: string): boolean {
    if (this.numbers) {
      const x = text === '' ? NaN : this.exactNumber(text)
      if (x !== undefined) { this.numbers[row] = x; return true }
      this.toTexts(row)
    }
    if (text === '') { this.ids[row] = -1; return true }
    let id = this.index.get(text)
    if (id === undefined) {
      if (this.declared && parseValue(this.declared, text, this.decimalComma) === undefined) return false
      id = this.values.length
      this.values.push(text)
      this.index.set(text, id)
    }
    this.ids[row] = id
    if (id === SWITCH && this.numeric) this.toNumbers(row + 1)
    return true
  }

  /** The Arrow data of the first `rows` rows. */
  data(rows: number): Data {
    if (this.numbers) return numberData(this.numbers.subarray(0, rows), this.declared)
    return textData(this.values, this.ids.subarray(0, rows), this.declared ?? inferType(this.values, this.decimalComma), this.decimalComma)
  }

  /** The number of a text that String() writes back the same (with a decimal comma: with the comma), else undefined. */
  private exactNumber(text: string): number | undefined {
    const t = this.decimalComma ? (text.includes('.') ? '' : text.replace(',', '.')) : text
    const x = Number(t)
    // At most 15 digits, no zero that String() would leave out: String() writes the same text (and faster to test).
    if (t.length <= 15 && PLAIN.test(t) && t !== '-0') return this.declared === 'int' && !Number.isInteger(x) ? undefined : x
    if (t === '' || String(x) !== t || !Number.isFinite(x)) return undefined
    if (Number.isInteger(x) ? !Number.isSafeInteger(x) : this.declared === 'int') return undefined
    return x
  }

  private toNumbers(rows: number): void {
    const numbers = this.values.map(v => this.exactNumber(v))
    if (numbers.some(x => x === undefined)) { this.numeric = false; return }
    this.numbers = new Float64Array(this.ids.length)
    for (let i = 0; i < rows; i++) this.numbers[i] = this.ids[i] < 0 ? NaN : numbers[this.ids[i]] as number
    this.index = new Map()
    this.values = []
    this.ids = new Int32Array(0)
  }

  private toTexts(rows: number): void {
    const numbers = this.numbers as Float64Array
    this.numbers = undefined
    this.numeric = false
    this.ids = new Int32Array(numbers.length)
    for (let i = 0; i < rows; i++) {
      const text = Number.isNaN(numbers[i]) ? '' : this.decimalComma ? String(numbers[i]).replace('.', ',') : String(numbers[i])
      this.set(i, text)
    }
  }
}


/** The value of `text` as a column of `type`, or undefined when it is not one. */
export function parseValue(type: ColumnType, text: string, decimalComma = false): number | boolean | string | undefined {
  const number = (t: string) => decimalComma ? (t.includes('.') ? '' : t.replace(',', '.')) : t
  switch (type) {
    case 'string': return text
    case 'int': return DECLARED_INT.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined
    case 'float': return DECLARED_FLOAT.test(number(text)) ? Number(number(text)) : undefined
    case 'date': return dayOf(text)
    case 'bool': return BOOLS.get(text.toLowerCase())
  }
}

/** Days since 1970-01-01 of an ISO date (yyyy-mm-dd) that exists, else undefined. */
function dayOf(text: string): number | undefined {
  const m = DATE.exec(text)
  if (!m) return undefined
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3])
  const d = new Date(ms)
  // Date.UTC maps years 0-99 to 1900-1999 and rolls 02-30 over to March: both fail this check.
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? ms / 864e5 : undefined
}

/** The type of an undeclared column, from its distinct values. */
function inferType(values: string[], decimalComma: boolean): ColumnType {
  if (values.length === 0) return 'string'
  const number = decimalComma ? (v: string) => !v.includes('.') && FLOAT.test(v.replace(',', '.')) : (v: string) => FLOAT.test(v)
  if (values.every(v => INT.test(v))) return 'int'
  if (values.every(number)) return 'float'
  if (values.every(v => dayOf(v) !== undefined)) return 'date'
  return 'string'
}

/** A column kept as distinct texts: `values`, and per row an index into them (-1: null). */
function textData(values: string[], ids: Int32Array, type: ColumnType, decimalComma: boolean): Data {
  const rows = ids.length
  const parsed = type === 'string' ? [] : values.map(v => parseValue(type, v, decimalComma) as number | boolean)
  if (type === 'int' && !parsed.every(v => (v as number) === ((v as number) | 0))) {
    // Past 32 bits: Float64 while every value is exact in it; else text, so that distinct values stay distinct.
    type = parsed.every(v => Number.isSafeInteger(v)) ? 'float' : 'string'
  }
  const nullCount = ids.reduce((n, id) => n + (id < 0 ? 1 : 0), 0)
  const base = { length: rows, nullCount, nullBitmap: nullCount > 0 ? bitmap(rows, i => ids[i] >= 0) : undefined }
  if (type === 'string') return dictionaryData(values, ids, base)
  if (type === 'bool') return makeData({ ...base, type: new Bool(), data: bitmap(rows, i => ids[i] >= 0 && parsed[ids[i]] === true) })
  const out = type === 'float' ? new Float64Array(rows) : new Int32Array(rows)
  for (let i = 0; i < rows; i++) out[i] = ids[i] < 0 ? 0 : parsed[ids[i]] as number
  if (type === 'float') return makeData({ ...base, type: new Float64(), data: out as Float64Array })
  if (type === 'date') return makeData({ ...base, type: new DateDay(), data: out as Int32Array })
  return makeData({ ...base, type: new Int32(), data: out as Int32Array })
}

/** A column kept as numbers (NaN: null): Int32 when all are whole and fit (and not declared float), else Float64. */
function numberData(numbers: Float64Array, declared: ColumnType | undefined): Data {
  const rows = numbers.length
  let nullCount = 0
  let int32 = declared !== 'float'
  for (let i = 0; i < rows; i++) {
    if (Number.isNaN(numbers[i])) nullCount++
    else if (int32 && numbers[i] !== (numbers[i] | 0)) int32 = false
  }
  const base = { length: rows, nullCount, nullBitmap: nullCount > 0 ? bitmap(rows, i => !Number.isNaN(numbers[i])) : undefined }
  return int32 ? makeData({ ...base, type: new Int32(), data: Int32Array.from(numbers, x => x || 0) })
    : makeData({ ...base, type: new Float64(), data: numbers.slice() })
}

/** Dictionary<Int32, Utf8> with the values sorted (by code unit, as plain text columns are coded). */
function dictionaryData(values: string[], ids: Int32Array, base: { length: number; nullCount: number; nullBitmap?: Uint8Array }): Data {
  const order = values.map((_, i) => i).sort((a, b) => values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0)
  const rank = new Int32Array(values.length)
  order.forEach((id, r) => { rank[id] = r })
  const indices = new Int32Array(ids.length)
  for (let i = 0; i < ids.length; i++) indices[i] = ids[i] < 0 ? 0 : rank[ids[i]]
  const sorted = order.map(id => values[id])
  const offsets = new Int32Array(sorted.length + 1)
  sorted.forEach((v, i) => { offsets[i + 1] = offsets[i] + Buffer.byteLength(v) })
  const bytes = Buffer.alloc(offsets[sorted.length])
  sorted.forEach((v, i) => bytes.write(v, offsets[i]))
  const dictionary = makeVector(makeData({ type: new Utf8(), length: sorted.length, nullCount: 0, valueOffsets: offsets, data: bytes }))
  return makeData({ ...base, type: new Dictionary(new Utf8(), new Int32()), data: indices, dictionary })
}

function bitmap(rows: number, set: (i: number) => boolean): Uint8Array {
  const bits = new Uint8Array((rows + 7) >> 3)
  for (let i = 0; i < rows; i++) if (set(i)) bits[i >> 3] |= 1 << (i & 7)
  return bits
}

function grow<T extends Int32Array | Float64Array>(array: T, Type: new (n: number) => T, rows: number): T {
  const bigger = new Type(Math.max(rows, array.length * 2))
  bigger.set(array)
  return bigger
}


export function article(type: ColumnType): string {
  return type === 'int' ? 'an' : 'a'
}

export function typeHint(type: ColumnType, decimalComma = false): string {
  switch (type) {
    case 'int': return 'an int is a whole number such as 42 or -7'
    case 'float': return decimalComma ? 'with --decimal-comma a number is written as 1,5 (no point)' : 'a float is written as 1.5 or 2e-3; for 1,5 use --decimal-comma'
    case 'date': return 'a date is written as yyyy-mm-dd, e.g. 2024-02-29'
    case 'bool': return 'a bool is true, false, yes, no, 1 or 0'
    default: return ''
  }
}

