// What a report says to identify its input file: the name as given, its size and its SHA-256.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { RiskcheckError } from '../errors.js'

export interface FileFacts { file: string; bytes: number; sha256: string }

/** Size and SHA-256 of the file at `path`, read in 8 MiB pieces (memory does not grow with the file). */
export function fileFacts(path: string): FileFacts {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const hash = createHash('sha256')
    const buffer = Buffer.allocUnsafe(8 << 20)
    let bytes = 0
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n))
    if (bytes !== statSync(path).size) throw new Error('the file changed while it was read')
    return { file: path, bytes, sha256: hash.digest('hex') }
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    throw new RiskcheckError('E_FILE', `cannot read ${path}: ${err.code ?? err.message}`)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
