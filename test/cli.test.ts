// The command line: output, exit codes, and one-line errors for bad input.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tableToIPC } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { runCli, tempFile, textTable } from './helpers.js'

const small = textTable(['age', 'sex', 'diagnosis'], [
  ['30', 'M', 'flu'], ['30', 'M', 'cold'], ['40', 'F', 'flu'], ['40', 'F', 'flu'], ['50', 'F', 'hiv'],
])
const smallFile = tempFile('small.arrow', tableToIPC(small, 'file'))
const smallStream = tempFile('small.arrows', tableToIPC(small, 'stream'))

/** A failed run prints exactly one line on stderr, with no stack trace, and exits 2. */
function expectOneLineError(r: { code: number; out: string; err: string }, ...parts: string[]) {
  expect(r.code).toBe(2)
  expect(r.out).toBe('')
  expect(r.err.trimEnd().split('\n')).toHaveLength(1)
  expect(r.err).not.toMatch(/\n\s+at /)
  for (const part of parts) expect(r.err).toContain(part)
}

describe('bad input: one line naming what is at fault, exit 2', () => {
  test('missing file', async () => {
    expectOneLineError(await runCli('/nonexistent/x.arrow'), 'cannot read /nonexistent/x.arrow: no such file')
  })
  test('a file that is not Arrow', async () => {
    const csv = tempFile('data.csv', 'age;sex\n30;M\n')
    expectOneLineError(await runCli(csv), `${csv} is not an Arrow IPC file or stream`, 'age;sex')
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
  test('an unknown column in --qi lists the columns that exist', async () => {
    expectOneLineError(await runCli(smallFile, '--qi', 'age,zip'),
      `column "zip" not found in ${smallFile} (columns: age, sex, diagnosis)`)
  })
  test('--k 0, --k 2.5 and --k x', async () => {
    for (const k of ['0', '2.5', 'x']) {
      expectOneLineError(await runCli(smallFile, '--k', k), `'--k <n>' argument '${k}' is invalid`, 'whole number of at least 1')
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
    const a = JSON.parse((await runCli(smallFile, '--json')).out)
    const b = JSON.parse((await runCli(smallStream, '--json')).out)
    expect({ ...b, source: null }).toEqual({ ...a, source: null })
  })

  test('without roles, every column is a quasi-identifier but pseudonyms, and the summary says how to choose', async () => {
    const r = await runCli(smallFile)
    expect(r.out).toContain('Quasi-identifiers (inferred: every column but pseudonyms): age, sex, diagnosis')
    expect(r.out).toContain(`To choose the columns yourself: riskcheck ${smallFile} --qi age,sex,diagnosis`)
  })

  test('the summary gives the verdict and the figures in words', async () => {
    const r = await runCli(smallFile, '--qi', 'age,sex', '--k', '2')
    expect(r.out).toContain('VERDICT: the file does NOT meet k = 2:\n  1 records (20.0 %) are in classes smaller than 2, 1 of them alone in their class.')
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

