// Writing a table as Arrow IPC, or a report as text, without ever overwriting the input or leaving half a file:
// the bytes go to a temporary file beside the target, which is renamed over it only when complete.
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { Schema, Table, tableToIPC } from 'apache-arrow'
import { RiskcheckError } from '../errors.js'

export interface WriteOptions {
  /** The input file: never written over. */
  input?: string
  /** Replace an existing file (other than the input). */
  force?: boolean
  /** Key-value pairs added to the schema metadata. */
  metadata?: Record<string, string>
  /** The option that named the file, for messages (default --out). */
  flag?: string
}

/**
 * Write `table` to `path` atomically: Arrow IPC stream format for a `.arrows` name, file format otherwise.
 * @example writeArrow(coded, 'coded.arrow', { input: 'extract.arrow' })
 */
export function writeArrow(table: Table, path: string, options: WriteOptions = {}): void {
  const target = checkOutput(path, options)
  const metadata = new Map([...table.schema.metadata, ...Object.entries(options.metadata ?? {})])
  const withMetadata = new Table(new Schema(table.schema.fields, metadata), table.batches)
  writeAtomic(target, path, tableToIPC(withMetadata, /\.arrows$/i.test(target) ? 'stream' : 'file'))
}

/**
 * Write `text` (UTF-8) to `path` atomically, under the same rules as writeArrow().
 * @example writeText('report.html', html, { input: 'extract.arrow', flag: '--report' })
 */
export function writeText(path: string, text: string, options: WriteOptions = {}): void {
  writeAtomic(checkOutput(path, options), path, Buffer.from(text, 'utf8'))
}

/** Write the bytes to a temporary file beside `target`, then rename it over `target`. */
function writeAtomic(target: string, path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx')
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temporary, target)
  } catch (e) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temporary, { force: true })
    const err = e as NodeJS.ErrnoException
    throw new RiskcheckError('E_OUTPUT', `cannot write ${path}: ${err.code ?? err.message}`)
  }
}

/**
 * Check that `path` can be written under `options` (not the input, not an existing file without force, in
 * a folder that exists), before any work is done for it; returns its absolute path.
 */
export function checkOutput(path: string, options: Pick<WriteOptions, 'input' | 'force' | 'flag'> = {}): string {
  const target = resolve(path)
  if (options.input !== undefined && sameFile(target, resolve(options.input))) {
    throw new RiskcheckError('E_OUTPUT', `${options.flag ?? '--out'} ${path} is the input file; riskcheck never writes over its input`,
      'give another file name')
  }
  if (existsSync(target) && statSync(target).isDirectory()) throw new RiskcheckError('E_OUTPUT', `${path} is a directory`)
  if (existsSync(target) && !options.force) {
    throw new RiskcheckError('E_OUTPUT', `${path} exists already`, 'give another name, or --force to replace it')
  }
  if (!existsSync(dirname(target))) throw new RiskcheckError('E_OUTPUT', `cannot write ${path}: the folder ${dirname(target)} does not exist`)
  return target
}

/** Whether two paths name the same file (following links), when the first exists. */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return false
  }
}
