// readTable(): the same data as Arrow IPC, CSV and Parquet gives the same figures; CSV options and errors
// (line numbers, columns); Parquet codecs, row groups and damaged files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateDay, Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import * as pw from 'parquet-wasm/esm'
import { beforeAll, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import type { AnalyseOptions } from '../src/analyse.js'
import { encodeColumn } from '../src/input/encode.js'
import { readCsv, readCsvSchema } from '../src/input/csv.js'
import { parquetRowGroups, readParquet } from '../src/input/parquet.js'
import { inputFormat, readTable } from '../src/input/read.js'
import type { ReadOptions } from '../src/input/read.js'

const dir = mkdtempSync(join(tmpdir(), 'riskcheck-formats-'))
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

beforeAll(() => {
  pw.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) })
})

// ---- the same data in every format ----

const N = 300
const CITIES = ['Brussels, centre', 'Liège', 'Say "cheese"', 'Namur\nnorth', 'Gent; Sint-Pieters', 'a|b', 'tab\there', '"quoted"']
const at = (i: number, every: number) => i % every === 0

/** A table of int, float, text (with delimiters, quotes, line breaks), date columns, with nulls. */
function sample(): Table {
  const rows = Array.from({ length: N }, (_, i) => i)
  return new Table({
    age: vectorFromArray(rows.map(i => (at(i, 17) ? null : (i * 7) % 90)), new Int32()),
    sex: vectorFromArray(rows.map(i => (at(i, 29) ? null : i % 3 === 0 ? 'F' : 'M')), new Dictionary(new Utf8(), new Int32())),
    city: vectorFromArray(rows.map(i => (at(i, 23) ? null : CITIES[(i * 5) % CITIES.length])), new Dictionary(new Utf8(), new Int32())),
    income: vectorFromArray(rows.map(i => (at(i, 11) ? null : ((i * 37) % 1000) / 4 - 50)), new Float64()),
    birth: vectorFromArray(rows.map(i => (at(i, 13) ? null : new Date(Date.UTC(1940 + (i % 60), i % 12, 1 + (i % 28))))), new DateDay()),
    diagnosis: vectorFromArray(rows.map(i => (at(i, 19) ? null : `D${(i * 3) % 7}, "stage" ${i % 2}`)), new Dictionary(new Utf8(), new Int32())),
  })
}

/** RFC 4180 text of a table: a field with the delimiter, a quote or a line break is quoted, quotes doubled. */
function toCsv(table: Table, delimiter = ',', newline = '\n', decimalComma = false): string {
  const names = table.schema.fields.map(f => f.name)
  const cell = (v: unknown): string => {
    if (v === null) return ''
    const text = typeof v === 'number' && decimalComma ? String(v).replace('.', ',') : String(v)
    return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [names.join(delimiter)]
  for (let i = 0; i < table.numRows; i++) {
    lines.push(names.map(n => {
      const v = table.getChild(n)?.get(i)
      return n === 'birth' && v !== null ? new Date(v as number).toISOString().slice(0, 10) : cell(v)
    }).join(delimiter))
  }
  return lines.join(newline) + newline
}

function toParquet(table: Table, codec: keyof typeof pw.Compression, rowGroupRows = 1024 * 1024): Uint8Array {
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression[codec]).setMaxRowGroupSize(rowGroupRows).build()
  return pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), props)
}

/** Two analyses: classes of a few dozen rows (sex, city), and nearly every row unique (all but the sensitive). */
const ANALYSES: AnalyseOptions[] = [
  { qi: ['sex', 'city'], sensitive: ['diagnosis'], k: 3, l: 2, tCloseness: true },
  { qi: ['age', 'sex', 'city', 'income', 'birth'], sensitive: ['diagnosis'], k: 3 },
]

/** The results of ANALYSES without `source`. Fractions are rounded to 12 digits: t-closeness sums in the order of
 * the codes, so a file whose dictionary lists the same values in another order may differ in the last bit. */
function figures(table: Table, source: string): object[] {
  return ANALYSES.map(options => {
    const { source: named, ...rest } = analyse(table, { ...options, source })
    expect(named).toBe(source)
    return JSON.parse(JSON.stringify(rest), (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v))
  })
}

/** Each row's value as riskcheck labels it, per column. */
function labels(table: Table): Record<string, (string | null)[]> {
  return Object.fromEntries(table.schema.fields.map(f => {
    const c = encodeColumn(table, f.name)
    return [f.name, c.chunks.flatMap(chunk => Array.from(chunk, code => c.labels[code]))]
  }))
}

const types = (table: Table) => table.schema.fields.map(f => `${f.name}: ${f.type}`)

test('the sample has what the comparison needs: every column type, nulls, values CSV must quote, classes', () => {
  const table = sample()
  const [grouped, unique] = figures(table, 'sample') as { classes: number; sampleUniques: number; tCloseness: object }[]
  expect(grouped.classes).toBeGreaterThan(10)
  expect(grouped.classes).toBeLessThan(N / 5)
  expect(grouped.tCloseness).not.toBeNull()
  expect(unique.sampleUniques).toBeGreaterThan(N / 2)
  expect(types(table)).toEqual(['age: Int32', 'sex: Dictionary<Int32, Utf8>', 'city: Dictionary<Int32, Utf8>',
    'income: Float64', 'birth: Date32<DAY>', 'diagnosis: Dictionary<Int32, Utf8>'])
  for (const f of table.schema.fields) expect(table.getChild(f.name)?.nullCount).toBeGreaterThan(0)
  const csv = toCsv(table)
  expect(csv).toContain('"Brussels, centre"')
  expect(csv).toContain('"Say ""cheese"""')
  expect(csv).toContain('"Namur\nnorth"')
  expect(csv.split('\n').length - 1).toBeGreaterThan(N + 1)
})

const FORMATS: [string, () => string][] = [
  ['CSV', () => file('sample.csv', toCsv(sample()))],
  ['CSV with CRLF line breaks', () => file('sample-crlf.csv', toCsv(sample(), ',', '\r\n'))],
  ['CSV with ; and decimal commas', () => file('sample-semicolon.csv', toCsv(sample(), ';', '\n', true))],
  ['TSV', () => file('sample.tsv', toCsv(sample(), '\t'))],
  ...(['SNAPPY', 'ZSTD', 'GZIP', 'BROTLI', 'LZ4_RAW', 'UNCOMPRESSED'] as const).map(codec =>
    [`Parquet (${codec})`, () => file(`sample-${codec}.parquet`, toParquet(sample(), codec))] as [string, () => string]),
  ['Parquet in row groups of 64 rows', () => file('sample-groups.parquet', toParquet(sample(), 'ZSTD', 64))],
  ['Arrow IPC stream', () => file('sample.arrows', tableToIPC(sample(), 'stream'))],
]

test.each(FORMATS)('%s gives the figures and the values of the Arrow file', (format, write) => {
  const arrow = readTable(file('sample.arrow', tableToIPC(sample(), 'file')))
  const path = write()
  const options: ReadOptions = format.includes('decimal commas') ? { decimalComma: true } : {}
  const table = readTable(path, options)
  expect(types(table)).toEqual(types(arrow))
  expect(table.numRows).toBe(N)
  expect(labels(table)).toEqual(labels(arrow))
  expect(figures(table, path)).toEqual(figures(arrow, 'sample.arrow'))
})

test('each Parquet file is written with the codec it is named for', async () => {
  for (const codec of ['SNAPPY', 'ZSTD', 'GZIP', 'BROTLI', 'LZ4_RAW'] as const) {
    const parquet = await pw.ParquetFile.fromFile(new Blob([toParquet(sample(), codec)]))
    expect(parquet.metadata().rowGroup(0).column(0).compression()).toBe(pw.Compression[codec])
  }
})

test('Parquet row groups are decoded a run of whole row groups at a time', () => {
  const bytes = toParquet(sample(), 'SNAPPY', 64)
  expect(parquetRowGroups(bytes, 'groups.parquet').map(g => g.rows)).toEqual([64, 64, 64, 64, 44])
  const whole = readTable(file('one-group.parquet', toParquet(sample(), 'SNAPPY')))
  const byGroup = readParquet(bytes, 'groups.parquet', 2)
  expect(whole.batches.map(b => b.numRows)).toEqual([N])
  // In two runs of whole row groups, each run a batch (its row groups are smaller than 65,536 rows).
  expect(byGroup.batches.map(b => b.numRows)).toEqual([192, 108])
  expect(readParquet(bytes).batches.map(b => b.numRows)).toEqual([64, 64, 64, 64, 44])
  expect(labels(byGroup)).toEqual(labels(whole))
  expect(figures(byGroup, 'x')).toEqual(figures(whole, 'x'))
})

test('a Parquet file without rows reads as a table with its columns and no rows', () => {
  const table = readTable(file('empty.parquet', toParquet(sample().slice(0, 0), 'SNAPPY')))
  expect(table.numRows).toBe(0)
  expect(types(table)).toEqual(types(sample()))
})

// ---- CSV options ----

test('a decimal comma with ; as delimiter: numbers read as Float64, detected delimiter', () => {
  const path = file('comma.csv', 'id;amount;unit\n1;1,5;kg\n2;-0,25;kg\n3;;g\n4;2;g\n')
  const table = readTable(path, { decimalComma: true })
  expect(types(table)).toEqual(['id: Int32', 'amount: Float64', 'unit: Dictionary<Int32, Utf8>'])
  expect(table.getChild('amount')?.toArray()).toEqual(new Float64Array([1.5, -0.25, 0, 2]))
  expect(table.getChild('amount')?.nullCount).toBe(1)
  // Without the option the same column is text: 1,5 is not a number.
  expect(String(readTable(path).getChild('amount')?.type)).toBe('Dictionary<Int32, Utf8>')
  // With a decimal comma, a point is not a decimal mark.
  expect(String(readTable(file('point.csv', 'id;amount\n1;1.5\n2;2,5\n'), { decimalComma: true }).getChild('amount')?.type))
    .toBe('Dictionary<Int32, Utf8>')
})

test('a latin1 file reads with encoding latin1, and is reported (line and column) when read as UTF-8', () => {
  const path = file('latin1.csv', Buffer.from('name,city\nAnne,Namur\nJos\xe9,Li\xe8ge\n', 'latin1'))
  const table = readTable(path, { encoding: 'latin1' })
  expect(table.getChild('city')?.toArray()).toEqual(['Namur', 'Liège'])
  expect(readTable(path, { encoding: 'windows-1252' }).getChild('name')?.get(1)).toBe('José')
  expect(() => readTable(path)).toThrow(`${path} line 3, column "name": the bytes are not valid utf-8`)
})

test('invalid UTF-8 far into a file is reported at its line (quoted line breaks and 64 KiB chunks counted)', () => {
  const rows = Array.from({ length: 10000 }, (_, i) => `${i},"Liège\ncentre ${i}"`)
  const bytes = Buffer.concat([Buffer.from(`id,place\n${rows.join('\n')}\n`), Buffer.from('10000,Na'), Buffer.from([0xff]), Buffer.from('mur\n')])
  expect(bytes.length).toBeGreaterThan(3 * 65536)
  const path = file('bad-utf8.csv', bytes)
  expect(() => readTable(path)).toThrow(`${path} line ${2 + 2 * 10000}, column "place": the bytes are not valid utf-8`)
})

test('a declared schema: types as declared, bools and dates', () => {
  const path = file('declared.csv', 'zip,count,ok,day,score\n01000,7,yes,2024-02-29,3\n09999,8,false,2023-12-31,4\n')
  const table = readTable(path, { schema: { zip: 'string', count: 'float', ok: 'bool', day: 'date', score: 'int' } })
  expect(types(table)).toEqual(['zip: Dictionary<Int32, Utf8>', 'count: Float64', 'ok: Bool', 'day: Date32<DAY>', 'score: Int32'])
  expect(table.getChild('zip')?.toArray()).toEqual(['01000', '09999'])
  expect(table.getChild('ok')?.toArray()).toEqual([true, false])
  expect(labels(table).day).toEqual(['2024-02-29', '2023-12-31'])
  // Text columns are dictionaries sorted by value (as riskcheck codes plain text), whatever the row order.
  const cities = readTable(file('cities.csv', 'city\nNamur\nAalst\nLiège\nAalst\n')).getChild('city')
  expect(cities?.data[0].dictionary?.toArray()).toEqual(['Aalst', 'Liège', 'Namur'])
  expect(cities?.toArray()).toEqual(['Namur', 'Aalst', 'Liège', 'Aalst'])
  // Inferred: a number with a leading zero is text (a code), whole numbers are Int32, yes/no text.
  expect(types(readTable(path))).toEqual(['zip: Dictionary<Int32, Utf8>', 'count: Int32', 'ok: Dictionary<Int32, Utf8>',
    'day: Date32<DAY>', 'score: Int32'])
  expect(labels(readTable(path)).zip).toEqual(['01000', '09999'])
})

test('a schema read from a JSON file, and its mistakes', () => {
  expect(readCsvSchema(file('schema.json', '{"zip": "string", "age": "int"}'))).toEqual({ zip: 'string', age: 'int' })
  const bad = file('bad-schema.json', '{"zip": "text"}')
  expect(() => readCsvSchema(bad)).toThrow(`the schema ${bad} gives column "zip" the type "text"`)
  expect(() => readCsvSchema(file('list.json', '["zip"]'))).toThrow('is not a JSON object')
  const csv = file('s.csv', 'a,b\n1,2\n')
  expect(() => readTable(csv, { schema: { c: 'int' } })).toThrow(`the schema names column "c", which is not in the header of ${csv} (columns: a, b)`)
})

test('a value that does not fit its declared type is reported with its line and column', () => {
  const path = file('typed.csv', 'id,note,when\n1,"two\nlines",2024-01-31\n2,x,2024-02-30\n')
  expect(() => readTable(path, { schema: { when: 'date' } }))
    .toThrow(`${path} line 4, column "when": "2024-02-30" is not a date, the type the schema declares`)
  expect(() => readTable(file('int.csv', 'n\n1\n2.5\n'), { schema: { n: 'int' } })).toThrow('line 3, column "n": "2.5" is not an int')
  expect(() => readTable(file('big.csv', 'n\n1\n9007199254740993\n'), { schema: { n: 'int' } })).toThrow('line 3, column "n"')
  // Also once the column holds numbers rather than texts (more than 65,536 distinct values).
  const many = Array.from({ length: 70000 }, (_, i) => i).join('\n')
  expect(() => readTable(file('many-typed.csv', `n\n${many}\n2.5\n`), { schema: { n: 'int' } }))
    .toThrow('line 70002, column "n": "2.5" is not an int')
  expect(types(readTable(file('many-typed.csv', `n\n${many}\n2\n`), { schema: { n: 'float' } }))).toEqual(['n: Float64'])
})

test('inferred types: int past 32 bits is Float64, past 2^53 text; ISO dates; an empty column is text', () => {
  const table = readTable(file('infer.csv', 'a,b,c,d,e\n1,4294967296,9007199254740993,2024-02-29,\n2,1,1,2024-03-01,\n'))
  expect(types(table)).toEqual(['a: Int32', 'b: Float64', 'c: Dictionary<Int32, Utf8>', 'd: Date32<DAY>', 'e: Dictionary<Int32, Utf8>'])
  expect(labels(table).c).toEqual(['9007199254740993', '1'])
  expect(table.getChild('e')?.nullCount).toBe(2)
})

test('a column of more than 65,536 distinct numbers is kept as numbers, and as exact texts once a text comes', () => {
  const values = Array.from({ length: 70000 }, (_, i) => String(i * 1.5 - 1000))
  const numbers = readTable(file('many.csv', `v\n${values.join('\n')}\n\n`))
  expect(types(numbers)).toEqual(['v: Float64'])
  expect(Array.from(numbers.getChild('v')?.toArray() as Float64Array)).toEqual(values.map(Number))
  const ints = readTable(file('many-ints.csv', `v\n${values.map((_, i) => i * 3).join('\n')}\n\n7\n`))
  expect(types(ints)).toEqual(['v: Int32'])
  expect(ints.numRows).toBe(70002)
  expect(ints.getChild('v')?.nullCount).toBe(1)
  // "1.50" is the number 1.5 but not the text "1.5": a text column must keep both.
  const mixed = readTable(file('many-mixed.csv', `v\n${values.join('\n')}\n1.50\nn/a\n1.5\n`))
  expect(types(mixed)).toEqual(['v: Dictionary<Int32, Utf8>'])
  expect(labels(mixed).v).toEqual([...values, '1.50', 'n/a', '1.5'])
  // The same with decimal commas: the texts come back with their commas.
  const commas = values.map(v => v.replace('.', ','))
  const decimal = readTable(file('many-commas.csv', `v\n${commas.join('\n')}\n`), { decimalComma: true })
  expect(Array.from(decimal.getChild('v')?.toArray() as Float64Array)).toEqual(values.map(Number))
  const decimalMixed = readTable(file('many-commas-mixed.csv', `v\n${commas.join('\n')}\n1,50\nn/a\n`), { decimalComma: true })
  expect(labels(decimalMixed).v).toEqual([...commas, '1,50', 'n/a'])
})

test('the delimiter is detected among , ; tab |, or given', () => {
  const data = (d: string) => `a${d}b${d}c\n1${d}"x${d}y"${d}3\n4${d}z${d}6\n`
  for (const d of [',', ';', '\t', '|']) {
    const table = readTable(file('detect.csv', data(d)))
    expect(table.schema.fields.map(f => f.name)).toEqual(['a', 'b', 'c'])
    expect(table.getChild('b')?.get(0)).toBe(`x${d}y`)
  }
  expect(readTable(file('given.csv', 'a,b|c\n1,2|3\n'), { delimiter: '|' }).schema.fields.map(f => f.name)).toEqual(['a,b', 'c'])
  expect(readTable(file('one.csv', 'a\n1\n2\n')).getChild('a')?.toArray()).toEqual(new Int32Array([1, 2]))
  expect(() => readTable(file('x.csv', 'a\n'), { delimiter: ';;' })).toThrow('the delimiter must be one character')
})

test('a UTF-8 byte order mark is dropped; blank lines are skipped, but are nulls in a one-column file', () => {
  const table = readTable(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n\n3,4\n\n')])))
  expect(table.schema.fields.map(f => f.name)).toEqual(['a', 'b'])
  expect(table.numRows).toBe(2)
  const one = readTable(file('one-column.csv', 'a\n1\n\n""\n2\n\n\n'))
  expect(one.getChild('a')?.toJSON()).toEqual([1, null, null, 2])
})

// ---- CSV errors ----

test('a row with the wrong number of fields is reported at its line, counting the lines inside quoted fields', () => {
  const path = file('fields.csv', 'id,note,n\n1,"a\nb",2\n2,"c, ""d""\n\ne",3\n3,f\n4,g,5\n')
  expect(() => readTable(path)).toThrow(`${path} line 7: 2 fields, but the header has 3 (no value for column "n")`)
  const more = file('more.csv', 'id,n\r\n1,"x\r\ny"\r\n2,3,4\r\n')
  expect(() => readTable(more)).toThrow(`${more} line 4: 3 fields, but the header has 2 (more fields than columns)`)
})

test('a bad row far into a file is reported at its line (chunks of 64 KiB, quoted line breaks)', () => {
  const rows = Array.from({ length: 8000 }, (_, i) => `${i},"note ${i}\nsecond line, ""quoted"""`)
  const text = `id,note\n${rows.join('\n')}\n8000\n`
  expect(text.length).toBeGreaterThan(4 * 65536)
  const path = file('far.csv', text)
  expect(() => readTable(path)).toThrow(`${path} line ${2 + 2 * 8000}: 1 field, but the header has 2 (no value for column "note")`)
  const crlf = file('far-crlf.csv', text.replace(/\n/g, '\r\n'))
  expect(() => readTable(crlf)).toThrow(`${crlf} line ${2 + 2 * 8000}: 1 field`)
})

test('quoting mistakes: a quoted field never closed, text after a closing quote', () => {
  const open = file('open.csv', 'a,b\n1,2\n3,"never\nclosed\n4,5\n')
  expect(() => readTable(open)).toThrow(`${open} line 3: a quoted field is not closed before the end of the file`)
  const after = file('after.csv', 'a,b\n1,2\n3,"x"y\n')
  expect(() => readTable(after)).toThrow(`${after} line 3: a quoted field is followed by text after its closing quote`)
})

test('header mistakes, empty files, unknown encodings', () => {
  expect(() => readTable(file('dup.csv', 'a,b,a\n1,2,3\n'))).toThrow('line 1: column "a" appears twice in the header')
  expect(() => readTable(file('noname.csv', 'a,,c\n1,2,3\n'))).toThrow('line 1: column 2 has no name')
  const empty = file('empty.csv', '')
  expect(() => readTable(empty)).toThrow(`${empty} is empty: a CSV file starts with a header row`)
  expect(() => readTable(file('named.csv', 'a,b\n1\n'), { name: 'upload #3' })).toThrow('upload #3 line 2: 1 field')
  expect(readTable(file('header.csv', 'a,b\n')).numRows).toBe(0)
  expect(() => readTable(file('e.csv', 'a\n1\n'), { encoding: 'klingon' })).toThrow('unknown encoding "klingon"')
  expect(() => readTable(file('e.csv', 'a\n1\n'), { encoding: 'utf-16le' })).toThrow('riskcheck cannot read CSV files in utf-16le')
})

test('errors carry codes: E_FILE for the file, E_OPTION for options, E_COLUMN for the header', () => {
  const code = (f: () => unknown) => { try { f() } catch (e) { return (e as { code: string }).code } return 'none' }
  expect(code(() => readTable(join(dir, 'missing.csv')))).toBe('E_FILE')
  expect(code(() => readCsv(file('r.csv', 'a,b\n1\n')))).toBe('E_FILE')
  expect(code(() => readCsv(file('r.csv', 'a\n1\n'), { encoding: 'x' }))).toBe('E_OPTION')
  expect(code(() => readCsv(file('r.csv', 'a,a\n1,1\n')))).toBe('E_COLUMN')
})

// ---- telling formats apart, damaged Parquet ----

test('formats are told by their first bytes, CSV by its extension', () => {
  const arrow = tableToIPC(sample(), 'file')
  expect(inputFormat(file('really-arrow.csv', arrow))).toBe('arrow')
  expect(inputFormat(file('really-parquet.bin', toParquet(sample(), 'SNAPPY')))).toBe('parquet')
  expect(inputFormat(file('data.TXT', 'a\n1\n'))).toBe('csv')
  const unknown = file('data.xlsx', 'PK\x03\x04')
  expect(() => readTable(unknown)).toThrow(`cannot tell the format of ${unknown}: it is not Arrow IPC`)
  expect(() => readTable(join(dir, 'nowhere.parquet'))).toThrow(`cannot read ${join(dir, 'nowhere.parquet')}: no such file`)
  expect(() => readTable(dir)).toThrow(`cannot read ${dir}: it is a directory`)
})

test('a file named .parquet that is not Parquet', () => {
  const path = file('not.parquet', 'a,b\n1,2\n')
  expect(() => readTable(path)).toThrow(`${path} is not a Parquet file: it does not start with "PAR1" (it starts with the text "a,b\\n1,2\\n")`)
  expect(() => readTable(file('zero.parquet', ''))).toThrow('is empty (0 bytes), not a Parquet file')
})

test('a truncated Parquet file', () => {
  const bytes = toParquet(sample(), 'ZSTD')
  const path = file('cut.parquet', bytes.subarray(0, bytes.length - 100))
  expect(() => readTable(path)).toThrow(`${path} is truncated: a Parquet file ends with "PAR1", this one (${bytes.length - 100} bytes) does not`)
})

test('a damaged Parquet file: footer length, footer bytes, compressed pages', () => {
  const bytes = toParquet(sample(), 'ZSTD', 64)
  const length = Buffer.from(bytes)
  length.writeUInt32LE(bytes.length, bytes.length - 8)
  expect(() => readTable(file('length.parquet', length))).toThrow(`is damaged: its footer length ${bytes.length} does not fit in the file`)
  const footer = Buffer.from(bytes)
  const footerLength = footer.readUInt32LE(bytes.length - 8)
  footer.fill(0xff, bytes.length - 8 - footerLength, bytes.length - 8)
  expect(() => readTable(file('footer.parquet', footer))).toThrow('is damaged: its footer')
  const pages = Buffer.from(bytes)
  pages.fill(0x55, 200, 1200)
  const path = file('pages.parquet', pages)
  expect(() => readTable(path)).toThrow(`${path} is damaged: the Parquet reader could not read it (`)
  // The reader still works after a damaged file.
  expect(readTable(file('good.parquet', bytes)).numRows).toBe(N)
})

test('a delimiter given that is not the file\'s: the one-column header says so', () => {
  const file = join(dir, 'wrong.csv')
  writeFileSync(file, 'nat,sex,diag\nBE,F,x\n')
  expect(() => readTable(file, { delimiter: ';' })).toThrow('the header is one column, "nat,sex,diag", which holds ","')
  expect(readTable(file).numCols).toBe(3)
})
