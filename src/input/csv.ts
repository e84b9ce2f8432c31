// CSV (RFC 4180) file -> apache-arrow Table. The file is read 64 KiB at a time, decoded with TextDecoder and split
// into records by papaparse's parser. Until the end, each column keeps its distinct values and one index per row
// (4 bytes), so that a type can be inferred from all its values without keeping every cell as a string.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { TextDecoder } from 'node:util'
import { Field, RecordBatch, Schema, Struct, Table, makeData } from 'apache-arrow'
import Papa from 'papaparse'
import { RiskcheckError, quote } from '../errors.js'
import { COLUMN_TYPES, Column, article, typeHint } from './csv-columns.js'
import type { ColumnType, CsvSchema } from './csv-columns.js'

export { COLUMN_TYPES } from './csv-columns.js'
export type { ColumnType, CsvSchema } from './csv-columns.js'

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

const DELIMITERS = [',', ';', '\t', '|']
type Newline = '\n' | '\r\n' | '\r'
const CHUNK = 2 ** 16

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
    // one column whose name holds another delimiter: the delimiter given is most likely not the file's
    const other = names.length === 1 ? DELIMITERS.find(d => d !== this.delimiter && names[0].includes(d)) : undefined
    if (other !== undefined && this.options.delimiter !== undefined) {
      throw new RiskcheckError('E_FILE', `${this.name} line 1: the header is one column, ${quote(names[0])}, which holds ` +
        `${JSON.stringify(other)}: the delimiter ${JSON.stringify(this.delimiter)} does not seem to be this file's`,
      `give --delimiter ${other === '\t' ? 'tab' : other}, or leave it out to detect it`)
    }
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
