// CSV (RFC 4180) file -> apache-arrow Table. The file is read 64 KiB at a time, decoded with TextDecoder and split
// into records by papaparse's parser. Until the end, each column keeps its distinct values and one index per row
// (4 bytes), so that a type can be inferred from all its values without keeping every cell as a string.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { TextDecoder } from 'node:util'
import { Bool, DateDay, Dictionary, Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, makeVector } from 'apache-arrow'
import type { Data } from 'apache-arrow'
import Papa from 'papaparse'
import { RiskcheckError, quote } from '../errors.js'

/** The column types a schema can declare. */
export type ColumnType = 'string' | 'int' | 'float' | 'date' | 'bool'
/** Declared types of some columns, by name; the others are inferred. */
export type CsvSchema = Record<string, ColumnType>

/** How to read a CSV file. */
export interface CsvOptions {
  /** Field delimiter, one character (default: detected among , ; tab |). */
  delimiter?: string
  /** Character encoding, a TextDecoder label: utf-8 (default), latin1, windows-1252, iso-8859-15... */
  encoding?: string
  /** Numbers are written with a decimal comma (1,5): a point is then not a decimal mark. */
  decimalComma?: boolean
  /** Declared types of some columns; the others are inferred (int, float, date, else string). */
  schema?: CsvSchema
  /** How to call the file in messages (defaults to the path). */
  name?: string
}

export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'int', 'float', 'date', 'bool']
const DELIMITERS = [',', ';', '\t', '|']
type Newline = '\n' | '\r\n' | '\r'
const CHUNK = 2 ** 16
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
 * Read a CSV file with a header row into a Table: strings as Dictionary<Int32, Utf8>, whole numbers as Int32
 * (Float64 past 32 bits), numbers as Float64, ISO dates (yyyy-mm-dd) as DateDay; an empty field is null.
 * @example const table = readCsv('survey.csv', { delimiter: ';', decimalComma: true })
 */
export function readCsv(path: string, options: CsvOptions = {}): Table {
  const name = options.name ?? path
  const decoder = decoderFor(options.encoding)
  const fd = openFile(path)
  try {
    // One buffer for every chunk: Reader decodes or copies what it is given before the next read.
    const chunk = Buffer.alloc(CHUNK)
    const n = readSync(fd, chunk, 0, CHUNK, null)
    if (n === 0) throw new RiskcheckError('E_FILE', `${name} is empty: a CSV file starts with a header row`)
    const reader = new Reader(name, options, newlineOf(chunk.subarray(0, n)), decoder)
    for (let got = n; got > 0;) {
      reader.bytes(chunk.subarray(0, got))
      got = readSync(fd, chunk, 0, CHUNK, null)
    }
    reader.bytes(new Uint8Array(0), true)
    return reader.table()
  } finally {
    closeSync(fd)
  }
}

/** Read and check a schema file (--schema): a JSON object from column name to one of COLUMN_TYPES. */
export function readCsvSchema(path: string): CsvSchema {
  let schema: unknown
  try {
    schema = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new RiskcheckError('E_OPTION', `cannot read the schema ${path}: ${(e as Error).message}`)
  }
  return checkSchema(schema, path)
}

function checkSchema(schema: unknown, source: string): CsvSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new RiskcheckError('E_OPTION', `the schema ${source} is not a JSON object`, 'write it as {"age": "int", "zip": "string"}')
  }
  for (const [column, type] of Object.entries(schema)) {
    if (!COLUMN_TYPES.includes(type as ColumnType)) {
      throw new RiskcheckError('E_OPTION', `the schema ${source} gives column ${quote(column)} the type ${JSON.stringify(type)}`,
        `a type is one of ${COLUMN_TYPES.join(', ')}`)
    }
  }
  return schema as CsvSchema
}

function decoderFor(encoding = 'utf-8'): TextDecoder {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })
  } catch {
    throw new RiskcheckError('E_OPTION', `unknown encoding ${quote(encoding)}`, 'use utf8, latin1, windows-1252 or iso-8859-15')
  }
  // Records are cut at newline bytes, which a UTF-16 character may contain.
  if (decoder.encoding.startsWith('utf-16')) {
    throw new RiskcheckError('E_OPTION', `riskcheck cannot read CSV files in ${decoder.encoding}`, 'save the file as UTF-8')
  }
  return decoder
}

function openFile(path: string): number {
  try {
    return openSync(path, 'r')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new RiskcheckError('E_FILE', `cannot read ${path}: ${why}`)
  }
}

/** The line break of the file: that of its first line. */
function newlineOf(bytes: Uint8Array): Newline {
  const cr = bytes.indexOf(13)
  const lf = bytes.indexOf(10)
  if (cr < 0 || (lf >= 0 && lf < cr)) return '\n'
  return bytes[cr + 1] === 10 ? '\r\n' : '\r'
}

/**
 * One column while reading: its distinct texts, and per row the index of its text (-1: null). A column of more
 * than 65,536 distinct texts that are all numbers written as JavaScript writes them (so that each text can be
 * written again from its number) keeps a Float64 per row instead (NaN: null), and goes back to texts if a text
 * that is not such a number comes.
 */
class Column {
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

/** Turns the bytes of the file, in order, into columns. */
class Reader {
  private readonly newlineByte: number
  private carry: Uint8Array[] = [] // bytes after the last line break read
  private byteLine = 1 // the line at which `carry` starts
  private started = false
  private pending = '' // text of a record not yet complete
  private pendingLine = 1 // the line at which `pending` starts
  private stalled = 0 // length of the text that last gave no complete record
  private parser?: Papa.Parser
  private delimiter?: string
  private columns?: Column[]
  private rows = 0
  private blanks = 0 // blank lines not yet taken: nulls of a one-column file, unless they end it

  constructor(private readonly name: string, private readonly options: CsvOptions, private readonly newline: Newline,
    private readonly decoder: TextDecoder) {
    this.newlineByte = newline === '\r' ? 13 : 10
    if (options.delimiter !== undefined) this.delimiter = checkDelimiter(options.delimiter)
    if (options.schema !== undefined) checkSchema(options.schema, 'in the options')
  }

  /** Take the next bytes (a copy is kept of what is not used now): whole lines are decoded, the rest waits. */
  bytes(chunk: Uint8Array, eof = false): void {
    const cut = eof ? chunk.length : chunk.lastIndexOf(this.newlineByte) + 1
    if (cut === 0 && !eof) { this.carry.push(new Uint8Array(chunk)); return }
    const whole = this.carry.length > 0 ? Buffer.concat([...this.carry, chunk.subarray(0, cut)]) : chunk.subarray(0, cut)
    this.carry = cut < chunk.length ? [new Uint8Array(chunk.subarray(cut))] : []
    let text: string
    try {
      text = this.decoder.decode(whole)
    } catch {
      throw this.badBytes(whole)
    }
    if (!this.started && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    this.started = true
    this.byteLine += countBytes(whole, this.newlineByte)
    this.text(text, eof)
  }

  /** Parse the records completed by `text`. */
  private text(text: string, eof: boolean): void {
    const input = this.pending + text
    // A record longer than a chunk: parse again only once the text has doubled, so that reading stays linear.
    if (!eof && input.length < 2 * this.stalled) { this.pending = input; return }
    this.delimiter ??= detectDelimiter(input, this.newline, eof, this.options.decimalComma)
    this.parser ??= new Papa.Parser({ delimiter: this.delimiter, newline: this.newline })
    const result = this.parser.parse(input, 0, !eof) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } }
    const fault = result.errors.reduce((first, e) => Math.min(first, e.row ?? Infinity), Infinity)
    const at = (row: number) => this.lineOf(input, row)
    result.data.forEach((record, row) => { if (row < fault) this.record(record, row, at) })
    if (fault !== Infinity) throw this.quoteError(result.errors.find(e => e.row === fault) as Papa.ParseError, at(fault))
    const cursor = eof ? input.length : result.meta.cursor
    this.stalled = result.data.length === 0 ? input.length : 0
    this.pendingLine += countText(input, this.newline, cursor)
    this.pending = input.slice(cursor)
  }

  private record(record: string[], row: number, at: (row: number) => number): void {
    if (record.length === 1 && record[0] === '' && this.columns) { this.blanks++; return }
    if (!this.columns) { this.columns = this.header(record); return }
    const columns = this.columns
    for (; this.blanks > 0 && columns.length === 1; this.blanks--) { columns[0].reserve(this.rows + 1); columns[0].set(this.rows++, '') }
    this.blanks = 0
    if (record.length !== columns.length) throw this.fieldCount(record.length, at(row))
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]
      column.reserve(this.rows + 1)
      if (!column.set(this.rows, record[c])) {
        const type = column.declared as ColumnType
        throw new RiskcheckError('E_FILE', `${this.where(at(row), column)}: ${JSON.stringify(record[c])} is not ${article(type)} ` +
          `${type}, the type the schema declares`, typeHint(type, this.options.decimalComma))
      }
    }
    this.rows++
  }

  private header(names: string[]): Column[] {
    const schema = this.options.schema ?? {}
    names.forEach((name, c) => {
      if (name === '') throw new RiskcheckError('E_COLUMN', `${this.name} line 1: column ${c + 1} has no name`, 'give every column a name in the header row')
      if (names.indexOf(name) !== c) throw new RiskcheckError('E_COLUMN', `${this.name} line 1: column ${quote(name)} appears twice in the header`)
    })
    const unknown = Object.keys(schema).filter(column => !names.includes(column))
    if (unknown.length > 0) {
      throw new RiskcheckError('E_COLUMN', `the schema names column ${quote(unknown[0])}, which is not in the header of ${this.name} ` +
        `(columns: ${names.join(', ')})`, this.delimiter === undefined ? undefined : `is the delimiter ${JSON.stringify(this.delimiter)} right?`)
    }
    return names.map(name => new Column(name, schema[name], this.options.decimalComma ?? false))
  }

  /** The line at which record `row` of `input` starts (parsing `input` again: only for messages). */
  private lineOf(input: string, row: number): number {
    let start = 0
    let seen = 0
    const parser: Papa.Parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, step: (result: { meta: { cursor: number } }) => {
      if (seen++ === row) parser.abort()
      else start = result.meta.cursor
    } })
    parser.parse(input, 0, false)
    return this.pendingLine + countText(input, this.newline, start)
  }

  private where(line: number, column?: Column): string {
    return `${this.name} line ${line}${column ? `, column ${quote(column.name)}` : ''}`
  }

  private fieldCount(fields: number, line: number): RiskcheckError {
    const columns = this.columns as Column[]
    const which = fields < columns.length ? `no value for column ${quote(columns[fields].name)}` : 'more fields than columns'
    return new RiskcheckError('E_FILE', `${this.where(line)}: ${fields} field${fields === 1 ? '' : 's'}, but the header has ` +
      `${columns.length} (${which})`, `quote a value that contains the delimiter ${JSON.stringify(this.delimiter)}, as "a${this.delimiter}b"`)
  }

  private quoteError(error: Papa.ParseError, line: number): RiskcheckError {
    return error.code === 'MissingQuotes'
      ? new RiskcheckError('E_FILE', `${this.where(line)}: a quoted field is not closed before the end of the file`,
        'close every quoted field with a quote')
      : new RiskcheckError('E_FILE', `${this.where(line)}: a quoted field is followed by text after its closing quote`,
        'write a quote inside a quoted field twice, as "say ""hi"""')
  }

  /** The bytes of `whole` do not decode: find the line, and the column where it can be told. */
  private badBytes(whole: Uint8Array): RiskcheckError {
    let line = this.byteLine
    let start = 0
    for (let end = whole.indexOf(this.newlineByte); ; end = whole.indexOf(this.newlineByte, start)) {
      const bytes = whole.subarray(start, end < 0 ? whole.length : end)
      try { new TextDecoder(this.decoder.encoding, { fatal: true }).decode(bytes) } catch { break }
      if (end < 0) break
      start = end + 1
      line++
    }
    // The column: the field of the line with a replacement character, named from the header (the first line of
    // `whole` when the header was not parsed yet).
    const fieldsOf = (from: number) => {
      const text = new TextDecoder(this.decoder.encoding).decode(whole.subarray(from, whole.indexOf(this.newlineByte, from) >>> 0))
      const delimiter = this.delimiter ?? detectDelimiter(text, this.newline, true, this.options.decimalComma)
      return (new Papa.Parser({ delimiter, newline: this.newline }).parse(text, 0, false).data[0] ?? []) as string[]
    }
    const names = this.columns?.map(c => c.name) ?? (this.byteLine === 1 ? fieldsOf(0) : [])
    const c = fieldsOf(start).findIndex(f => f.includes('\ufffd'))
    const column = line === 1 || c < 0 || c >= names.length ? undefined : names[c]
    return new RiskcheckError('E_FILE', `${this.name} line ${line}${column === undefined ? '' : `, column ${quote(column)}`}: ` +
      `the bytes are not valid ${this.decoder.encoding}`,
      this.decoder.encoding === 'utf-8' ? 'give the encoding of the file, e.g. --encoding latin1' : undefined)
  }

  /** The Table of all records read. */
  table(): Table {
    if (!this.columns) throw new RiskcheckError('E_FILE', `${this.name} has no header row`)
    const columns = this.columns
    const data = columns.map(c => c.data(this.rows))
    const fields = columns.map((c, i) => new Field(c.name, data[i].type, true))
    const struct = makeData({ type: new Struct(fields), length: this.rows, nullCount: 0, children: data })
    return new Table([new RecordBatch(new Schema(fields), struct)])
  }
}

function checkDelimiter(delimiter: string): string {
  const d = delimiter === '\\t' || delimiter === 'tab' ? '\t' : delimiter
  if (d.length !== 1 || d === '"' || d === '\r' || d === '\n') {
    throw new RiskcheckError('E_OPTION', `the delimiter must be one character other than a quote or a line break, not ${JSON.stringify(delimiter)}`,
      'use , ; | or tab')
  }
  return d
}

/** The delimiter that gives the same number (more than one) of fields on each of the first 20 records; when none
 * does (one column), a comma, or a semicolon with decimal commas. */
function detectDelimiter(text: string, newline: Newline, eof: boolean, decimalComma = false): string {
  let best = { delimiter: decimalComma ? ';' : ',', fields: 0, consistent: false }
  for (const delimiter of DELIMITERS) {
    const records = (new Papa.Parser({ delimiter, newline, preview: 20 }).parse(text, 0, !eof).data as string[][])
      .filter(r => !(r.length === 1 && r[0] === ''))
    const fields = records[0]?.length ?? 0
    const consistent = records.every(r => r.length === fields)
    if (fields > 1 && (consistent && !best.consistent || consistent === best.consistent && fields > best.fields)) {
      best = { delimiter, fields, consistent }
    }
  }
  return best.delimiter
}

/** The value of `text` as a column of `type`, or undefined when it is not one. */
function parseValue(type: ColumnType, text: string, decimalComma = false): number | boolean | string | undefined {
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

function countBytes(bytes: Uint8Array, byte: number): number {
  let n = 0
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) n++
  return n
}

/** Line breaks in text[0, end). */
function countText(text: string, newline: Newline, end: number): number {
  const mark = newline === '\r' ? '\r' : '\n'
  let n = 0
  for (let at = text.indexOf(mark); at >= 0 && at < end; at = text.indexOf(mark, at + 1)) n++
  return n
}

function article(type: ColumnType): string {
  return type === 'int' ? 'an' : 'a'
}

function typeHint(type: ColumnType, decimalComma = false): string {
  switch (type) {
    case 'int': return 'an int is a whole number such as 42 or -7'
    case 'float': return decimalComma ? 'with --decimal-comma a number is written as 1,5 (no point)' : 'a float is written as 1.5 or 2e-3; for 1,5 use --decimal-comma'
    case 'date': return 'a date is written as yyyy-mm-dd, e.g. 2024-02-29'
    case 'bool': return 'a bool is true, false, yes, no, 1 or 0'
    default: return ''
  }
}
