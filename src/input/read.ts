// Any input file -> apache-arrow Table: Arrow IPC and Parquet are told by their first bytes, CSV by its extension.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { extname } from 'node:path'
import type { Table } from 'apache-arrow'
import { RiskcheckError } from '../errors.js'
import { arrowFormat, readArrow } from './arrow.js'
import { readCsv } from './csv.js'
import type { CsvOptions } from './csv.js'
import { isParquet, readParquet } from './parquet.js'

/** How to read an input file: the CSV options apply to CSV files only; `name` names the file in messages. */
export type ReadOptions = CsvOptions

/** The formats readTable() tells apart. */
export type InputFormat = 'arrow' | 'parquet' | 'csv'

const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt']
const ARROW_EXTENSIONS = ['.arrow', '.arrows', '.feather', '.ipc']

/**
 * Read an Arrow IPC, Parquet or CSV file into a Table. Arrow and Parquet are recognised by their magic bytes
 * (ARROW1 or a stream's continuation marker; PAR1), CSV by the extension .csv, .tsv (tab by default) or .txt.
 * @example const table = readTable('survey.csv', { delimiter: ';', decimalComma: true })
 */
export function readTable(path: string, options: ReadOptions = {}): Table {
  const name = options.name ?? path
  switch (inputFormat(path, name)) {
    case 'arrow': return readArrow(path, name)
    case 'parquet': return readParquet(path, name)
    case 'csv': {
      const tab = extname(path).toLowerCase() === '.tsv' && options.delimiter === undefined
      return readCsv(path, tab ? { ...options, name, delimiter: '\t' } : { ...options, name })
    }
  }
}

/** The format of the file at `path`: by its first bytes, else by its extension. */
export function inputFormat(path: string, name = path): InputFormat {
  const head = readHead(path)
  if (arrowFormat(head)) return 'arrow'
  if (isParquet(head)) return 'parquet'
  const extension = extname(path).toLowerCase()
  if (CSV_EXTENSIONS.includes(extension)) return 'csv'
  // A damaged file named for its format gets that reader's own message (not Arrow, truncated...).
  if (ARROW_EXTENSIONS.includes(extension)) return 'arrow'
  if (extension === '.parquet' || extension === '.parq') return 'parquet'
  const what = head.length === 0 ? 'it is empty' : `it is not Arrow IPC (which starts with "ARROW1" or ff ff ff ff) nor Parquet ` +
    `("PAR1"), and its name does not end in ${CSV_EXTENSIONS.join(', ')}`
  throw new RiskcheckError('E_FILE', `cannot tell the format of ${name}: ${what}`,
    'riskcheck reads Arrow IPC (.arrow), Parquet (.parquet) and CSV (.csv, .tsv, .txt); rename a CSV file to .csv')
}

/** The first 8 bytes of the file (fewer when it is shorter). */
function readHead(path: string): Uint8Array {
  let fd: number
  try {
    fd = openSync(path, 'r')
    if (fstatSync(fd).isDirectory()) { closeSync(fd); throw Object.assign(new Error(), { code: 'EISDIR' }) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory'
      : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new RiskcheckError('E_FILE', `cannot read ${path}: ${why}`)
  }
  try {
    const head = Buffer.alloc(8)
    return head.subarray(0, readSync(fd, head, 0, 8, 0))
  } finally {
    closeSync(fd)
  }
}
