// Parquet file -> apache-arrow Table, through parquet-wasm (arrow-rs compiled to WebAssembly), a few row groups
// at a time. Only the synchronous reader is used: the asynchronous one (ParquetFile) turns a Rust panic on damaged
// data into an exception thrown from a microtask, which no caller can catch.
import { readFileSync } from 'node:fs'
// Not named createRequire: the CLI bundle's banner declares that name at the top of the bundle.
import { createRequire as requireFrom } from 'node:module'
import { Table, tableFromIPC } from 'apache-arrow'
import type { RecordBatch } from 'apache-arrow'
import * as wasm from 'parquet-wasm/esm'
import { RiskcheckError } from '../errors.js'
import { readBytes } from './arrow.js'

const MAGIC = Buffer.from('PAR1')
const ENCRYPTED = Buffer.from('PARE')
/** Most calls of the reader per file: each copies the whole file into WebAssembly memory. */
const CALLS = 8
/** Fewest rows in a record batch when row groups are smaller. */
const BATCH_ROWS = 65536
const HINT_DAMAGED = 'copy the file again from its source'

/** What the footer says of one row group. */
export interface RowGroupInfo { rows: number; bytes: number }

/**
 * Read a Parquet file (any codec arrow-rs has: snappy, gzip, zstd, brotli, lz4, lz4_raw), from a path or from bytes
 * already in memory, into a Table with a record batch per row group (or per 65,536 rows when row groups are
 * smaller). The row groups are decoded a run at a time, in at most `calls` runs (default 8), each of whole row groups.
 * @param name how to call the input in error messages (defaults to the path)
 * @example const table = readParquet('survey.parquet')
 */
export function readParquet(source: string | Uint8Array, name?: string, calls = CALLS): Table {
  const label = name ?? (typeof source === 'string' ? source : 'the Parquet bytes')
  const bytes = typeof source === 'string' ? readBytes(source) : source
  const groups = parquetRowGroups(bytes, label)
  const reader = parquetWasm()
  const batches: RecordBatch[] = []
  for (const run of runsOf(groups, calls)) {
    const batchSize = Math.max(BATCH_ROWS, ...run.map(g => groups[g].rows))
    const ipc = decode(label, () => reader.readParquet(bytes, { rowGroups: run, batchSize }).intoIPCStream())
    batches.push(...tableFromIPC(ipc).batches)
  }
  if (batches.length > 0) return new Table(batches)
  return tableFromIPC(decode(label, () => reader.readSchema(bytes).intoIPCStream()))
}

/** Whether `bytes` start like a Parquet file. */
export function isParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.equals(bytes.subarray(0, 4))
}

/** Runs of consecutive row groups, each of at least 1/calls of the rows (a row group is never split). */
function runsOf(groups: RowGroupInfo[], calls: number): number[][] {
  const least = groups.reduce((n, g) => n + g.rows, 0) / calls
  const runs: number[][] = []
  let rows = Infinity
  groups.forEach((g, i) => {
    if (rows >= least) { runs.push([]); rows = 0 }
    runs[runs.length - 1].push(i)
    rows += g.rows
  })
  return runs
}

/** Call the reader; its errors become RiskcheckErrors naming the file. */
function decode(label: string, call: () => Uint8Array): Uint8Array {
  try {
    return call()
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      throw new RiskcheckError('E_ARROW', `${label} could not be read: the Parquet reader stopped (${e.message}), ` +
        'as it does on a damaged file or one too large for its memory (4 GiB)', HINT_DAMAGED)
    }
    const why = String((e as Error).message ?? e).replace(/^Error: /, '')
    throw new RiskcheckError('E_ARROW', `${label} is damaged: the Parquet reader could not read it (${why})`, HINT_DAMAGED)
  }
}

let instance: typeof wasm | undefined

/** parquet-wasm, compiled on first use (about 20 ms) from its own .wasm file, found as a package file so that it
 * is also found from the CLI bundle. */
function parquetWasm(): typeof wasm {
  if (!instance) {
    try {
      const file = requireFrom(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')
      wasm.initSync({ module: readFileSync(file) })
    } catch (e) {
      throw new RiskcheckError('E_KERNEL', `the Parquet reader (parquet-wasm) could not be loaded: ${(e as Error).message}`,
        'install riskcheck again')
    }
    instance = wasm
  }
  return instance
}


/**
 * The row groups of a Parquet file, from its footer; throws a RiskcheckError naming `name` when the bytes are
 * not Parquet, are cut short, or have a footer that does not parse or does not fit in the file.
 */
export function parquetRowGroups(bytes: Uint8Array, name: string): RowGroupInfo[] {
  const n = bytes.length
  if (n === 0) throw new RiskcheckError('E_ARROW', `${name} is empty (0 bytes), not a Parquet file`)
  if (!isParquet(bytes)) {
    throw new RiskcheckError('E_ARROW', `${name} is not a Parquet file: it does not start with "PAR1" (it starts with ` +
      `${describeStart(bytes)})`)
  }
  if (n >= 8 && ENCRYPTED.equals(bytes.subarray(n - 4))) {
    throw new RiskcheckError('E_ARROW', `${name} is an encrypted Parquet file, which riskcheck cannot read`,
      'write the data without Parquet modular encryption')
  }
  if (n < 12 || !MAGIC.equals(bytes.subarray(n - 4))) {
    throw new RiskcheckError('E_ARROW', `${name} is truncated: a Parquet file ends with "PAR1", this one (${n} bytes) ` +
      'does not', HINT_DAMAGED)
  }
  const footerLength = new DataView(bytes.buffer, bytes.byteOffset + n - 8, 4).getUint32(0, true)
  if (footerLength > n - 12) {
    throw new RiskcheckError('E_ARROW', `${name} is damaged: its footer length ${footerLength} does not fit in the file ` +
      `(${n} bytes)`, HINT_DAMAGED)
  }
  try {
    return readFooter(new Thrift(bytes, n - 8 - footerLength, n - 8))
  } catch (e) {
    if (!(e instanceof FooterError)) throw e
    throw new RiskcheckError('E_ARROW', `${name} is damaged: its footer ${e.message}`, HINT_DAMAGED)
  }
}

class FooterError extends Error {}

/** FileMetaData field 4 (row_groups): per RowGroup, field 2 (total_byte_size) and field 3 (num_rows). */
function readFooter(t: Thrift): RowGroupInfo[] {
  const groups: RowGroupInfo[] = []
  t.struct((id, type) => {
    if (id !== 4 || type !== LIST) return false
    t.list(STRUCT, () => {
      const group = { rows: -1, bytes: -1 }
      t.struct((field, kind) => {
        if ((field !== 2 && field !== 3) || kind !== I64) return false
        group[field === 2 ? 'bytes' : 'rows'] = t.zigzag()
        return true
      })
      if (!(group.rows >= 0 && group.bytes >= 0)) throw new FooterError(`has a row group with ${group.rows} rows`)
      groups.push(group)
    })
    return true
  })
  return groups
}

const I64 = 6
const LIST = 9
const STRUCT = 12

/** The Thrift compact protocol, as much as reading a Parquet footer needs: fields it does not want are skipped. */
class Thrift {
  private depth = 0
  constructor(private readonly bytes: Uint8Array, private at: number, private readonly end: number) {}

  /** Read a struct; `field` reads a field it wants and returns true, or returns false to have it skipped. */
  struct(field: (id: number, type: number) => boolean): void {
    if (++this.depth > 64) throw new FooterError('nests deeper than 64 levels')
    let id = 0
    for (;;) {
      const head = this.byte()
      if (head === 0) break
      id = head >> 4 ? id + (head >> 4) : this.zigzag()
      if (!field(id, head & 15)) this.skip(head & 15)
    }
    this.depth--
  }

  /** Read a list whose elements have type `type`, calling `item` for each. */
  list(type: number, item: () => void): void {
    const head = this.byte()
    const count = head >> 4 === 15 ? this.varint() : head >> 4
    if ((head & 15) !== type) throw new FooterError(`has a list of type ${head & 15} where ${type} is expected`)
    if (count > this.end - this.at) throw new FooterError(`has a list of ${count} entries, beyond its end`)
    for (let i = 0; i < count; i++) item()
  }

  zigzag(): number {
    const v = this.varint()
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2
  }

  private varint(): number {
    let v = 0
    for (let scale = 1; ; scale *= 128) {
      const b = this.byte()
      v += (b & 127) * scale
      if (b < 128) return v
      if (scale > 2 ** 63) throw new FooterError('has a number longer than 10 bytes')
    }
  }

  private byte(): number {
    if (this.at >= this.end) throw new FooterError(`is cut short at byte ${this.at}`)
    return this.bytes[this.at++]
  }

  private skip(type: number): void {
    switch (type) {
      case 1: case 2: return // booleans live in the field header
      case 3: this.advance(1); return
      case 4: case 5: case 6: this.varint(); return
      case 7: this.advance(8); return
      case 8: this.advance(this.varint()); return
      case 9: case 10: {
        const head = this.byte()
        const count = head >> 4 === 15 ? this.varint() : head >> 4
        const element = head & 15
        if (count > this.end - this.at) throw new FooterError(`has a list of ${count} entries, beyond its end`)
        for (let i = 0; i < count; i++) this.skipElement(element)
        return
      }
      case 11: {
        const count = this.varint()
        if (count === 0) return
        const kinds = this.byte()
        for (let i = 0; i < count; i++) { this.skipElement(kinds >> 4); this.skipElement(kinds & 15) }
        return
      }
      case STRUCT: this.struct(() => false); return
      default: throw new FooterError(`has a field of unknown type ${type} at byte ${this.at}`)
    }
  }

  /** In a list or map, a boolean takes a byte of its own. */
  private skipElement(type: number): void {
    if (type === 1 || type === 2) this.advance(1)
    else this.skip(type)
  }

  private advance(n: number): void {
    if (n > this.end - this.at) throw new FooterError(`is cut short at byte ${this.at}`)
    this.at += n
  }
}

function describeStart(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1')
  if (/^[\x20-\x7e\t\r\n]+$/.test(head)) return `the text ${JSON.stringify(head)}`
  return 'bytes ' + Buffer.from(bytes.subarray(0, 4)).toString('hex').replace(/(..)/g, '$1 ').trim()
}
