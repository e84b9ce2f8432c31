// Arrow IPC bytes (file format .arrow / Feather v2, or stream format .arrows) -> apache-arrow Table.
import { readFileSync } from 'node:fs'
import { tableFromIPC } from 'apache-arrow'
import type { Table } from 'apache-arrow'
import { RiskcheckError } from '../errors.js'
import { FramingError, checkFileFraming, checkStreamFraming } from './framing.js'

const MAGIC = Buffer.from('ARROW1')
const CONTINUATION = 0xffffffff

/** Which IPC format the bytes are in. */
export type ArrowFormat = 'file' | 'stream'

/**
 * Read an Arrow IPC file or stream into a Table, from a path or from bytes already in memory.
 * @param name how to call the input in error messages (defaults to the path)
 * @example const table = readArrow('datasets/adult.arrow')
 */
export function readArrow(source: string | Uint8Array, name?: string): Table {
  const label = name ?? (typeof source === 'string' ? source : 'the Arrow bytes')
  const bytes = typeof source === 'string' ? readBytes(source) : source
  checkFraming(bytes, label)
  try {
    return tableFromIPC(bytes)
  } catch (e) {
    throw new RiskcheckError('E_ARROW', `${label} is damaged: apache-arrow could not read it (${(e as Error).message})`)
  }
}

/** The IPC format of `bytes`, judged by its first bytes. */
export function arrowFormat(bytes: Uint8Array): ArrowFormat | undefined {
  if (bytes.length >= 6 && MAGIC.equals(bytes.subarray(0, 6))) return 'file'
  if (bytes.length >= 8 && u32(bytes, 0) === CONTINUATION) return 'stream'
  return undefined
}

/** The bytes of a file, or a plain error naming it. */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory'
      : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new RiskcheckError('E_FILE', `cannot read ${path}: ${why}`)
  }
}

/** Reject empty, foreign, truncated and damaged inputs before apache-arrow sees them: it would read them
 * silently short, or loop on damaged lengths (see framing.ts). */
function checkFraming(bytes: Uint8Array, label: string): void {
  if (bytes.length === 0) throw new RiskcheckError('E_ARROW', `${label} is empty (0 bytes), not an Arrow file`)
  const format = arrowFormat(bytes)
  if (!format) {
    throw new RiskcheckError('E_ARROW', `${label} is not an Arrow IPC file or stream (it starts with ${describeStart(bytes)})`,
      'riskcheck reads Arrow IPC (.arrow, .feather, .arrows); convert the data to Arrow first')
  }
  if (format === 'file' && (bytes.length < 12 || !MAGIC.equals(bytes.subarray(bytes.length - 6)))) {
    throw new RiskcheckError('E_ARROW', `${label} is truncated: an Arrow file ends with "ARROW1", this one ` +
      `(${bytes.length} bytes) does not`, 'copy the file again from its source')
  }
  if (format === 'stream' && !endsWithEndOfStream(bytes)) {
    throw new RiskcheckError('E_ARROW', `${label} is truncated: an Arrow stream ends with an end-of-stream marker, ` +
      `this one (${bytes.length} bytes) does not`, 'copy the file again from its source')
  }
  try {
    if (format === 'file') checkFileFraming(bytes)
    else checkStreamFraming(bytes)
  } catch (e) {
    if (!(e instanceof FramingError)) throw e
    throw new RiskcheckError('E_ARROW', `${label} is damaged: ${e.message}`, 'copy the file again from its source')
  }
}

function endsWithEndOfStream(bytes: Uint8Array): boolean {
  const n = bytes.length
  return n >= 8 && u32(bytes, n - 8) === CONTINUATION && u32(bytes, n - 4) === 0
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true)
}

function describeStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4)
  const text = Buffer.from(head).toString('latin1')
  if (text === 'PAR1') return '"PAR1": it is a Parquet file'
  if (/^[\x20-\x7e]+$/.test(text)) return `the text ${JSON.stringify(Buffer.from(bytes.subarray(0, 16)).toString('latin1'))}`
  return 'bytes ' + Buffer.from(head).toString('hex').replace(/(..)/g, '$1 ').trim()
}
