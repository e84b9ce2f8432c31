// Identifier lint: national register numbers (published check rule), hashes, all-distinct columns, exact
// dates of birth or death, free text; warnings name the column, never a value; --strict refuses.
import { createHash } from 'node:crypto'
import { DateDay, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { isNationalNumber } from '../src/lint/identifiers.js'
import { expectOneLineError, runCli, tempFile } from './helpers.js'

/** A national number for date yymmdd and counter sss, with the check of the published rule. */
function nationalNumber(first9: string, born2000 = false): string {
  const n = Number(first9) + (born2000 ? 2_000_000_000 : 0)
  return `${first9}${String(97 - (n % 97)).padStart(2, '0')}`
}

describe('isNationalNumber', () => {
  test('the published example (18 May 1993: 93051822361), formatted or not', () => {
    expect(isNationalNumber('93051822361')).toBe(true)
    expect(isNationalNumber('93.05.18-223.61')).toBe(true)
    expect(isNationalNumber('93051822362')).toBe(false)
    expect(isNationalNumber('9305182236')).toBe(false)
  })
  test('born from 2000: the check is taken over 2 followed by the nine digits; BIS numbers (month + 20 or 40)', () => {
    const born2005 = nationalNumber('050412123', true)
    expect(isNationalNumber(born2005)).toBe(true)
    expect(isNationalNumber(nationalNumber('050412123', false))).toBe(true) // the 1905 reading
    expect(isNationalNumber(nationalNumber('804412123'))).toBe(true) // BIS: month 04 + 40
    expect(isNationalNumber(`${born2005.slice(0, 9)}${String((Number(born2005.slice(9)) % 97) + 1).padStart(2, '0')}`)).toBe(false)
  })
})

describe('analyse reports columns that look like identifiers, without their values', () => {
  const n = 30
  const table = new Table({
    niss: vectorFromArray(Array.from({ length: n }, (_, i) => nationalNumber(`7501${String(10 + (i % 20)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`)), new Utf8()),
    hashed: vectorFromArray(Array.from({ length: n }, (_, i) => createHash('sha256').update(`person ${i}`).digest('hex')), new Utf8()),
    seq: vectorFromArray(Array.from({ length: n }, (_, i) => `P${i}`), new Utf8()),
    date_of_birth: vectorFromArray(Array.from({ length: n }, (_, i) => new Date(Date.UTC(1950, 0, 1 + i))), new DateDay()),
    remarks: vectorFromArray(Array.from({ length: n }, (_, i) => `patient ${i} was seen at the clinic on a Tuesday morning`), new Utf8()),
    sex: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 2 ? 'F' : 'M')), new Utf8()),
  })
  test('each kind found, nothing on an ordinary column', () => {
    const r = analyse(table, { qi: ['sex'], k: 1 })
    expect(r.identifiers.map(f => [f.column, f.kind])).toEqual([
      ['niss', 'national-number'], ['hashed', 'hash'], ['seq', 'all-distinct'],
      ['date_of_birth', 'all-distinct'], ['date_of_birth', 'exact-date'], ['remarks', 'all-distinct'], ['remarks', 'free-text'],
    ])
    const text = JSON.stringify(r)
    for (const column of ['niss', 'hashed'] as const) {
      for (const value of table.getChild(column)!.toArray().slice(0, 3)) expect(text).not.toContain(String(value))
    }
  })
  test('--strict refuses the file with one line naming the columns; without it, the summary warns', async () => {
    const file = tempFile('ids.arrow', tableToIPC(table, 'file'))
    expectOneLineError(await runCli(file, '--qi', 'sex', '--k', '1', '--strict'), 'ids.arrow has 5 columns that look like identifiers: "niss" (national-number), "hashed" (hash), "seq" ' +
      '(all-distinct), "date_of_birth" (all-distinct, exact-date), "remarks" (all-distinct, free-text)')
    const r = await runCli(file, '--qi', 'sex', '--k', '1')
    expect(r.code).toBe(0)
    expect(r.out).toContain('WARNING: column "niss" looks like an identifier: its values look like Belgian national register or BIS numbers')
  })
})

describe('what the first lint missed (review)', () => {
  test('national numbers stored as integers lose their leading zero (born 2000-2009) and are still found', () => {
    const nn = Array.from({ length: 40 }, (_, i) => nationalNumber(`0${String(10101 + i).padStart(5, '0')}${String(100 + i).padStart(3, '0')}`.slice(0, 9), true))
    expect(nn.every(isNationalNumber)).toBe(true)
    const table = new Table({ nn: vectorFromArray(nn.map(v => BigInt(v)), new Int64()), sex: vectorFromArray(nn.map((_, i) => (i % 2 ? 'F' : 'M')), new Utf8()) })
    expect(analyse(table, { qi: ['sex'], k: 1 }).identifiers.map(f => f.kind)).toContain('national-number')
  })
  test('a hashed pseudonym with several rows per person is a hash too', () => {
    const pid = Array.from({ length: 40 }, (_, i) => createHash('sha1').update(`p${i >> 1}`).digest('hex'))
    const table = new Table({ pid: vectorFromArray(pid, new Utf8()), sex: vectorFromArray(pid.map((_, i) => (i % 2 ? 'F' : 'M')), new Utf8()) })
    expect(analyse(table, { qi: ['sex'], k: 1 }).identifiers).toEqual([{ column: 'pid', kind: 'hash', reason: expect.any(String) }])
  })
  test('a column left out of inferred roles because its values are all distinct is warned about', () => {
    const table = new Table({ birth_year: vectorFromArray(Array.from({ length: 30 }, (_, i) => 1950 + i), new Int32()), sex: vectorFromArray(Array.from({ length: 30 }, (_, i) => (i % 2 ? 'F' : 'M')), new Utf8()) })
    const r = analyse(table, { k: 5 })
    expect(r.quasiIdentifiers).toEqual(['sex'])
    expect(r.warnings).toContainEqual(expect.stringMatching(/^column "birth_year" is left out as a pseudonym because its 30 values are all distinct; if an outsider could know it, every record is unique/))
  })
  test('--drop leaves a pseudonym out of the coded table, which then passes --strict', async () => {
    const care = new URL('../datasets/care-extract.arrow', import.meta.url).pathname
    const out = tempFile('x', '').replace(/x$/, 'dropped.arrow')
    const r = await runCli(care, '--k', '5', '--max-suppression', '1%', '--out', out, '--drop', 'pid')
    expect(r.code).toBe(0)
    expect((await runCli(out, '--k', '5', '--strict')).code).toBe(0)
    expectOneLineError(await runCli(care, '--k', '5', '--out', `${out}2`, '--drop', 'kg1'), '--drop: column "kg1" is a quasi-identifier or sensitive')
    expectOneLineError(await runCli(care, '--k', '5', '--drop', 'pid'), '--drop leaves columns out of the table written with --out, and there is no --out')
  })
})
