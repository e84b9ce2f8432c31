// writeArrow(): atomic, never over the input, never over an existing file without force, both IPC formats.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Int32, Table, Utf8, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { readArrow } from '../src/input/arrow.js'
import { writeArrow } from '../src/output/write.js'
import { tempFile } from './helpers.js'

const table = () => new Table({ a: vectorFromArray([1, 2, 3], new Int32()), b: vectorFromArray(['x', 'y', null], new Utf8()) })

describe('writeArrow', () => {
  test('file and stream formats by extension, read back equal, with the metadata added', () => {
    const dir = dirname(tempFile('x', ''))
    for (const name of ['out.arrow', 'out.arrows']) {
      const path = join(dir, name)
      writeArrow(table(), path, { metadata: { 'riskcheck.coding': '{"a":1}' } })
      const back = readArrow(path)
      expect(back.toArray().map(r => r.toJSON())).toEqual(table().toArray().map(r => r.toJSON()))
      expect(back.schema.metadata.get('riskcheck.coding')).toBe('{"a":1}')
      const magic = new TextDecoder().decode(readFileSync(path).subarray(0, 6))
      expect(magic === 'ARROW1').toBe(name === 'out.arrow')
    }
    expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([])
  })

  test('never over the input, also through a link', () => {
    const input = tempFile('in.arrow', 'original bytes')
    expect(() => writeArrow(table(), input, { input, force: true })).toThrow(/is the input file; riskcheck never writes over its input/)
    const link = join(dirname(input), 'link.arrow')
    symlinkSync(input, link)
    expect(() => writeArrow(table(), link, { input, force: true })).toThrow(/is the input file/)
    expect(readFileSync(input, 'utf8')).toBe('original bytes')
  })

  test('an existing file is replaced only with force', () => {
    const path = tempFile('old.arrow', 'old')
    expect(() => writeArrow(table(), path)).toThrow(/old.arrow exists already/)
    expect(readFileSync(path, 'utf8')).toBe('old')
    writeArrow(table(), path, { force: true })
    expect(readArrow(path).numRows).toBe(3)
  })

  test('a folder that does not exist: a clear error and nothing left behind', () => {
    const dir = dirname(tempFile('x', ''))
    const path = join(dir, 'missing', 'out.arrow')
    expect(() => writeArrow(table(), path)).toThrow(/cannot write .*out\.arrow: the folder .*missing does not exist/)
    expect(existsSync(join(dir, 'missing'))).toBe(false)
    expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([])
  })
})
