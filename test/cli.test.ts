// The command line: output, exit codes, and one-line errors for bad input.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import {
  Dictionary, Int32, RecordBatch, Schema, Struct, Table, Utf8, Utf8View, makeData, tableFromIPC, tableToIPC, vectorFromArray,
} from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { readArrow } from '../src/input/arrow.js'
import { expectOneLineError, runCli, tempFile, textTable, textVector, withRoles } from './helpers.js'

const small = textTable(['age', 'sex', 'diagnosis'], [
  ['30', 'M', 'flu'], ['30', 'M', 'cold'], ['40', 'F', 'flu'], ['40', 'F', 'flu'], ['50', 'F', 'hiv'],
])
const smallFile = tempFile('small.arrow', tableToIPC(small, 'file'))
const smallStream = tempFile('small.arrows', tableToIPC(small, 'stream'))

describe('bad input: one line naming what is at fault, exit 2', () => {
  test('missing file', async () => {
    expectOneLineError(await runCli('/nonexistent/x.arrow'), 'cannot read /nonexistent/x.arrow: no such file')
  })
  test('a file that is neither Arrow, Parquet nor CSV', async () => {
    const xlsx = tempFile('data.xlsx', 'PK\u0003\u0004 a spreadsheet')
    expectOneLineError(await runCli(xlsx), `cannot tell the format of ${xlsx}`)
  })
  test('a CSV file is read as CSV, and CSV options are refused for Arrow', async () => {
    const csv = tempFile('data.csv', 'age;sex\n30;M\n30;M\n40;F\n')
    const j = JSON.parse((await runCli(csv, '--qi', 'age,sex', '--k', '2', '--json', '--no-propose')).out)
    expect(j).toMatchObject({ rows: 3, classes: 2, sampleUniques: 1 })
    expectOneLineError(await runCli(smallFile, '--delimiter', ';'), '--delimiter is about CSV')
  })
  test('an empty file', async () => {
    expectOneLineError(await runCli(tempFile('empty.arrow', '')), 'empty.arrow is empty (0 bytes)')
  })
  test('a truncated Arrow file', async () => {
    const bytes = readFileSync(smallFile)
    const cut = tempFile('cut.arrow', bytes.subarray(0, bytes.length - 100))
    expectOneLineError(await runCli(cut), `${cut} is truncated`)
  })
  test('a truncated Arrow stream', async () => {
    const bytes = readFileSync(smallStream)
    const cut = tempFile('cut.arrows', bytes.subarray(0, bytes.length - 9))
    expectOneLineError(await runCli(cut), `${cut} is truncated`)
  })
  test('an Arrow file damaged inside', async () => {
    const bytes = Buffer.from(readFileSync(smallFile))
    bytes.fill(0xff, 8, bytes.length - 10)
    expectOneLineError(await runCli(tempFile('damaged.arrow', bytes)), 'damaged.arrow is damaged')
  })
  test('a file with no columns', async () => {
    const schema = new Schema([])
    const noColumns = new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct([]), length: 3, nullCount: 0, children: [] }))])
    const path = tempFile('no-columns.arrow', tableToIPC(noColumns, 'file'))
    expectOneLineError(await runCli(path), `${path} has no columns: there is nothing to analyse`)
  })
  test('a column riskcheck cannot encode, with the roles inferred', async () => {
    const t = new Table({ sex: textVector(['F', 'F']), tags: vectorFromArray([[1], [2]]) })
    const path = tempFile('tags.arrow', tableToIPC(t, 'file'))
    expectOneLineError(await runCli(path), `column "tags" in ${path} has type List<`, 'roles are inferred', 'hint: name the quasi-identifiers with --qi')
  })
  test('--k or --l of 2^32 or more', async () => {
    expectOneLineError(await runCli(smallFile, '--k', '4294967296'), 'k must be a whole number from 1 to 4294967295, got 4294967296')
    expectOneLineError(await runCli(smallFile, '--qi', 'sex', '--sensitive', 'diagnosis', '--l', '9007199254740991'),
      'l must be a whole number from 1 to 4294967295, got 9007199254740991')
    expect((await runCli(smallFile, '--qi', 'sex', '--k', '4294967295')).code).toBe(1)
  })
  test('--l-criterion or --c without --l, --c with a criterion other than recursive', async () => {
    const roles = ['--qi', 'sex', '--sensitive', 'diagnosis']
    expectOneLineError(await runCli(smallFile, ...roles, '--l-criterion', 'entropy'), '--l-criterion entropy is given without --l',
      'hint: give the l to check with --l')
    expectOneLineError(await runCli(smallFile, ...roles, '--c', '2'), '--c 2 is given without --l')
    expectOneLineError(await runCli(smallFile, ...roles, '--l', '2', '--c', '2'), '--c 2 is given with --l-criterion distinct')
  })
  test('an unknown column in --qi lists the columns that exist', async () => {
    expectOneLineError(await runCli(smallFile, '--qi', 'age,zip'),
      `column "zip" not found in ${smallFile} (columns: age, sex, diagnosis)`)
  })
  test('--k 0, --k 2.5 and --k x', async () => {
    for (const k of ['0', '2.5', 'x']) {
      expectOneLineError(await runCli(smallFile, '--k', k), `'--k <n>' argument '${k}' is invalid`, 'whole number from 1 to 4294967295')
    }
  })
  test('an empty table', async () => {
    const empty = tempFile('empty-table.arrow', tableToIPC(textTable(['a'], []), 'file'))
    expectOneLineError(await runCli(empty), `${empty} has no rows`)
  })
  test('--l without a sensitive column; recursive without --c; an unknown option', async () => {
    expectOneLineError(await runCli(smallFile, '--qi', 'age', '--l', '2'), '--l needs a sensitive column')
    expectOneLineError(await runCli(smallFile, '--qi', 'age', '--sensitive', 'sex', '--l', '2', '--l-criterion', 'recursive'),
      'recursive (c,l)-diversity needs a c')
    expectOneLineError(await runCli(smallFile, '--kk', '2'), "unknown option '--kk'")
  })
})

// Single flipped bytes in the bundled extract that made apache-arrow loop (for hours) before riskcheck checked
// the framing. Each case: the byte it changes (checked first, so that a regenerated dataset fails loudly),
// and what the error names. Run in a child process with a timeout, since a loop cannot be interrupted.
describe('damaged Arrow bytes that used to make apache-arrow loop are refused in time', () => {
  const dataset = new URL('../datasets/care-extract.arrow', import.meta.url).pathname
  const formats = { file: readFileSync(dataset), stream: Buffer.from(tableToIPC(tableFromIPC(readFileSync(dataset)), 'stream')) }
  const bin = new URL('../bin/riskcheck.js', import.meta.url).pathname
  const cases: [string, keyof typeof formats, number, number, string][] = [
    ['the count of buffers of a dictionary batch', 'file', 118, 0x00, 'has a list of 16711683 entries at byte 116, beyond its end'],
    ['the row count of a dictionary column', 'file', 178, 0x00, 'its batch at byte 8 has 2 rows, but 16711682 values in column 1'],
    ['the continuation marker of the record batch', 'file', 1448, 0xff, 'no message marker (0xFFFFFFFF) at byte 1448'],
    ['the metadata length of the record batch', 'file', 1455, 0x00, 'its message at byte 1448 has metadata length -16776728'],
    ['a field offset in the message table', 'file', 1470, 0x0f, 'has a field beyond the end of its table at byte 1476'],
    ['the message type', 'file', 1491, 0x03, 'its message at byte 1448 is of unknown type 252'],
    ['the count of buffers of a dictionary batch', 'stream', 1366, 0x00, 'has a list of 16711683 entries'],
    ['the row count of a dictionary column', 'stream', 1426, 0x00, 'its batch at byte 1256 has 2 rows, but 16711682 values'],
    ['the metadata length of the record batch', 'stream', 2703, 0x00, 'its message at byte 2696 has metadata length -16776728'],
    ['the message type', 'stream', 2739, 0x03, 'its message at byte 2696 is of unknown type 252'],
  ]
  test.each(cases)('%s (%s, byte %i)', (_, format, at, was, part) => {
    const bytes = Buffer.from(formats[format])
    expect(bytes[at]).toBe(was)
    bytes[at] ^= 0xff
    const path = tempFile(`damaged.${format === 'file' ? 'arrow' : 'arrows'}`, bytes)
    const run = spawnSync(process.execPath, [bin, path], { encoding: 'utf8', timeout: 20_000 })
    expect(run.signal).toBeNull()
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(new RegExp(`^riskcheck: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged: .*\\n$`))
    expect(run.stderr).toContain(part)
  }, 30_000)

  test('valid bytes with nested columns, view types, dictionaries and several batches pass the framing checks', () => {
    const t = new Table({ s: vectorFromArray(['x', 'a text longer than twelve bytes', null], new Utf8View()),
      st: vectorFromArray([{ a: 1, b: [1, 2] }, { a: 2, b: [5] }, { a: 3, b: [] }]),
      d: vectorFromArray(['p', 'q', 'p'], new Dictionary(new Utf8(), new Int32())) })
    const batches = new Table([...t.batches, ...t.slice(1).batches])
    for (const format of ['file', 'stream'] as const) {
      const read = readArrow(tableToIPC(batches, format))
      expect([read.numRows, read.batches.length, String(read.getChild('st')!.type)]).toEqual([5, 2, 'Struct<{a:Float64, b:List<Float64>}>'])
    }
  })

  test('the undamaged bytes read as before', () => {
    const path = tempFile('care.arrows', formats.stream)
    expect(spawnSync(process.execPath, [bin, path, '--json'], { encoding: 'utf8' }).status).toBe(1)
  })
})

describe('output and exit codes', () => {
  test('JSON has the contract fields; exit 1 when k is not met, 0 when it is', async () => {
    const r = await runCli(smallFile, '--qi', 'age,sex', '--sensitive', 'diagnosis', '--k', '2', '--json')
    expect(r.code).toBe(1)
    const j = JSON.parse(r.out)
    expect(j).toMatchObject({
      rows: 5, quasiIdentifiers: ['age', 'sex'], sensitive: ['diagnosis'], k: 2, classes: 3, minClassSize: 1,
      sampleUniques: 1, recordsBelowK: 1, meetsThreshold: false,
      prosecutor: { highest: 1, average: 3 / 5, recordsAtRisk: 1 / 5 },
      lDiversity: { diagnosis: { distinct: 1, recursiveC: null } },
    })
    expect(j.lDiversity.diagnosis.entropy).toBe(1)
    const ok = await runCli(smallFile, '--qi', 'sex', '--k', '2', '--json')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out).meetsThreshold).toBe(true)
  })

  test('--l joins the verdict', async () => {
    const r = await runCli(smallFile, '--qi', 'sex', '--sensitive', 'diagnosis', '--k', '2', '--l', '2')
    expect(r.code).toBe(0)
    expect(r.out).toContain('VERDICT: the file MEETS k = 2, distinct l-diversity l = 2 on diagnosis.')
    const r3 = await runCli(smallFile, '--qi', 'sex', '--sensitive', 'diagnosis', '--k', '2', '--l', '3')
    expect(r3.code).toBe(1)
    expect(r3.out).toContain('diagnosis has distinct l-diversity 2, below 3')
  })

  test('the stream format gives the same figures as the file format', async () => {
    const a = JSON.parse((await runCli(smallFile, '--json', '--no-propose')).out)
    const b = JSON.parse((await runCli(smallStream, '--json', '--no-propose')).out)
    expect({ ...b, source: null }).toEqual({ ...a, source: null })
  })

  test('without roles, every column is a quasi-identifier but pseudonyms, and the summary says how to choose', async () => {
    const r = await runCli(smallFile)
    expect(r.out).toContain('Quasi-identifiers (inferred: every column but pseudonyms): age, sex, diagnosis')
    expect(r.out).toContain(`To choose the columns yourself: riskcheck ${smallFile} --qi age,sex,diagnosis`)
  })

  test('the suggested command quotes a path with spaces', async () => {
    const spaced = tempFile('my extract.arrow', tableToIPC(small, 'file'))
    const r = await runCli(spaced)
    expect(r.out).toContain(`To choose the columns yourself: riskcheck '${spaced}' --qi age,sex,diagnosis\n`)
  })

  test('roles from metadata: no hint to narrow them; a column without a role that cannot be encoded gives a warning', async () => {
    const t = withRoles(new Table({ ...Object.fromEntries(small.schema.fields.map(f => [f.name, small.getChild(f.name)!])),
      tags: vectorFromArray([[1], [2], [3], [4], [5]]) }), { age: 'quasi-identifier', sex: 'quasi-identifier', diagnosis: 'sensitive' })
    const path = tempFile('roles.arrow', tableToIPC(t, 'file'))
    const r = await runCli(path, '--k', '2')
    expect(r.out).toContain('Quasi-identifiers (from the file\'s metadata): age, sex')
    expect(r.out).not.toContain('To choose the columns yourself')
    expect(r.out).toMatch(/\nWARNING: column "tags" in .*roles\.arrow has no riskcheck\.role and type List<.*>, which riskcheck cannot encode/)
    const j = JSON.parse((await runCli(path, '--k', '2', '--json')).out)
    expect(j.warnings).toEqual([expect.stringContaining('column "tags"')])
    expect(JSON.parse((await runCli(smallFile, '--json')).out).warnings).toEqual([])
  })

  test('recursive (c,l): the verdict names the c figure and its l', async () => {
    // sex M: flu, cold (r1 / r2 = 1); sex F: flu, flu, hiv (2 / 1): recursiveC = 2
    const r = await runCli(smallFile, '--qi', 'sex', '--sensitive', 'diagnosis', '--k', '1', '--l', '2', '--l-criterion', 'recursive', '--c', '1.5')
    expect(r.code).toBe(1)
    expect(r.out).toContain('VERDICT: the file does NOT meet k = 1, recursive (c,l)-diversity with c = 1.5, l = 2 on diagnosis:\n' +
      '  diagnosis has recursive (c,l): c = 2 (l = 2), not below the c = 1.5 asked.')
    expect(r.out).not.toContain('recursive l-diversity')
  })

  test('the summary gives the verdict and the figures in words', async () => {
    const r = await runCli(smallFile, '--qi', 'age,sex', '--k', '2')
    expect(r.out).toContain('VERDICT: the file does NOT meet k = 2:\n  1 record (20.0 %) is in classes smaller than 2, 1 of them alone in their class.')
    expect(r.out).toMatch(/Records alone in their class \(sample uniques\) │ 1 \(20\.0 %\)/)
  })

  test('--help and --version exit 0', async () => {
    const help = await runCli('--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('--l-criterion <kind>')
    expect((await runCli('--version')).out.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  test('the installed bin: exit codes of a real process, no stack trace', () => {
    const bin = new URL('../bin/riskcheck.js', import.meta.url).pathname
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
    expect(run(smallFile, '--qi', 'sex', '--k', '2').status).toBe(0)
    expect(run(smallFile, '--qi', 'age,sex', '--k', '2').status).toBe(1)
    const bad = run('/nonexistent.arrow')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe('riskcheck: cannot read /nonexistent.arrow: no such file\n')
  })
})

