// Frequency tables: riskcheck freq and merge, analysis and the generalisation search on a frequency table
// (identical to the rows), the SQL query, and the errors.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { anonymise } from '../src/anonymise/index.js'
import { riskDrivers } from '../src/anonymise/drivers.js'
import { frequencyFile, mergeFrequencyFiles } from '../src/frequency-file.js'
import { readArrow } from '../src/input/arrow.js'
import { sqlQuery } from '../src/sql.js'
import type { RiskResult } from '../src/types.js'
import { expectOneLineError, runCli, tempFile } from './helpers.js'

const CARE = 'datasets/care-extract.arrow'
const ADULT = 'datasets/adult.arrow'

/** The figures of a result, without what names the input (source, count column, column types). */
const figures = (r: RiskResult) => ({ ...r, source: null, counts: null, columns: r.columns.map(c => c.name), roles: null })

describe('a frequency table gives the figures of the rows it counts', () => {
  test.each([
    [CARE, { k: 5, l: 2, sensitive: ['care_decision'], tCloseness: true }],
    [CARE, { k: 3, samplingFraction: 0.025, lCriterion: 'entropy' as const, l: 1 }],
    [ADULT, { k: 5 }],
  ])('%s %j: analyse', (file, options) => {
    const rows = readArrow(file)
    const freq = frequencyFile(rows, { ...options, source: file })
    expect(freq.numRows).toBeLessThan(rows.numRows)
    const fromFreq = analyse(freq, options)
    expect(fromFreq.counts).toBe('count')
    expect(fromFreq.rows).toBe(rows.numRows)
    const fromRows = analyse(rows, options)
    // sums of the individual risks in another order: equal to the last digits
    if (fromRows.population && fromFreq.population) {
      expect(fromFreq.population.individual.expectedReidentifications).toBeCloseTo(fromRows.population.individual.expectedReidentifications, 9)
      fromFreq.population.individual = fromRows.population.individual
    }
    // the lint judges rows, which a frequency table does not have
    expect(figures(fromFreq)).toEqual({ ...figures(fromRows), warnings: fromFreq.warnings, identifiers: [] })
  })

  test('the generalisation search, the coded table, the drivers', () => {
    const rows = readArrow(CARE)
    const freq = frequencyFile(rows, { source: CARE })
    for (const policy of [{ k: 5, maxSuppression: 0.01 }, { k: 3, l: 2, sensitive: ['katz_category'], maxSuppression: 0.02 },
      { k: 5, t: 0.9, sensitive: ['care_decision'], maxSuppression: 0.05 }]) {
      const a = anonymise(rows, policy)
      const b = anonymise(freq, policy)
      expect(b.transformation).toEqual(a.transformation)
      expect(b.alternatives).toEqual(a.alternatives)
      expect(b.after && figures(b.after)).toEqual(a.after && { ...figures(a.after), warnings: b.after?.warnings, identifiers: [] })
      // the coded frequency table is a frequency table of the coded rows
      expect(b.table?.schema.metadata.get('riskcheck.frequencies')).toBeDefined()
      expect(analyse(b.table as Table, {}).rows).toBe(a.after?.rows)
    }
    expect(riskDrivers(freq, {})).toEqual(riskDrivers(rows, {}))
  })

  test('merged halves are the whole', () => {
    const rows = readArrow(CARE)
    const halves = [rows.slice(0, 7000), rows.slice(7000)].map((t, i) => ({ table: frequencyFile(t, { source: `part${i}` }), name: `part${i}` }))
    const merged = mergeFrequencyFiles(halves)
    expect(merged.numRows).toBe(frequencyFile(rows).numRows)
    expect(figures(analyse(merged, { k: 5 }))).toEqual({ ...figures(analyse(rows, { k: 5 })), warnings: [], identifiers: [] })
    expect(JSON.parse(merged.schema.metadata.get('riskcheck.frequencies') as string)).toMatchObject({ rows: 20_000, sources: ['part0', 'part1'] })
  })
})

describe('the SQL query', () => {
  test('quotes names for the dialect and groups by every column', () => {
    expect(sqlQuery({ dialect: 'duckdb', table: "read_parquet('x.parquet')", quasiIdentifiers: ['birth year', 'sex'], sensitive: ['dx'] }))
      .toBe('SELECT "birth year", "sex", "dx", COUNT(*) AS "count"\nFROM read_parquet(\'x.parquet\')\nGROUP BY "birth year", "sex", "dx"\n')
    expect(sqlQuery({ dialect: 'spark', table: 'db.t', quasiIdentifiers: ['a`b'] }))
      .toBe('SELECT `a``b`, COUNT(*) AS `count`\nFROM db.t\nGROUP BY `a``b`\n')
    expect(sqlQuery({ dialect: 'postgres', table: 't', quasiIdentifiers: ['x"y'] })).toContain('"x""y"')
    expect(() => sqlQuery({ dialect: 'trino', table: 't', quasiIdentifiers: ['count'] })).toThrow('the name of the counts')
  })

  test('an engine\'s result, read with --counts, gives the figures of the rows', async () => {
    // what the GROUP BY returns for a small table, written by hand: (region, age) -> count
    const rows = new Table({
      region: vectorFromArray(['A', 'A', 'B', 'B', 'B', 'C'], new Utf8()), age: vectorFromArray([30, 30, 40, 40, 50, 60], new Int32()),
    })
    const grouped = new Table({
      region: vectorFromArray(['A', 'B', 'B', 'C'], new Utf8()), age: vectorFromArray([30, 40, 50, 60], new Int32()),
      count: vectorFromArray([2, 2, 1, 1], new Int32()),
    })
    const file = tempFile('grouped.arrow', tableToIPC(grouped, 'file'))
    // a combination counted 0 times holds values no record has: not counted as distinct
    const withZero = new Table({
      region: vectorFromArray(['A', 'B', 'Z'], new Utf8()), age: vectorFromArray([30, 40, 99], new Int32()), count: vectorFromArray([2, 3, 0], new Int32()),
    })
    expect(analyse(withZero, { counts: 'count', qi: ['region', 'age'] }).columns.map(c => c.distinct)).toEqual([2, 2])
    const j = JSON.parse((await runCli(file, '--counts', 'count', '--qi', 'region,age', '--k', '2', '--no-propose', '--json')).out)
    expect({ ...j, source: null, counts: null, reports: undefined, drivers: undefined, columns: null, roles: null })
      .toEqual({ ...figures(analyse(rows, { qi: ['region', 'age'], k: 2 })), columns: null, counts: null })
  })
})

describe('on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'riskcheck-freq-'))
  test('freq, merge, then analyse and code the merged table', async () => {
    const part = join(dir, 'care.freq.arrow')
    const f = await runCli('freq', CARE, '--out', part)
    expect(f.code).toBe(0)
    expect(f.out).toBe(`19,775 combinations of 20,000 records (birth_year, sex, arr_residence, kg1; sensitive: care_decision, ` +
      `katz_category, monthly_amount_eur) written to ${part}.\n`)
    const merged = join(dir, 'twice.freq.arrow')
    expect((await runCli('merge', part, part, '--out', merged)).out).toContain('2 frequency tables merged: 19,775 combinations of 40,000 records')
    const a = await runCli(merged, '--k', '5', '--max-suppression', '1%', '--out', join(dir, 'coded.freq.arrow'))
    expect(a.out).toContain('40,000 records (a frequency table: each row a combination, its records in "count")')
    expect(a.code).toBe(0)
    expect((await runCli(join(dir, 'coded.freq.arrow'), '--k', '5')).code).toBe(0)
    expect((await runCli('sql', '--dialect', 'trino', '--table', 'hive.x.y', '--qi', 'a,b')).out).toBe(
      'SELECT "a", "b", COUNT(*) AS "count"\nFROM hive.x.y\nGROUP BY "a", "b"\n')
  })

  test('errors: a file that is not a frequency table, different columns, counts that are not counts, --person', async () => {
    const part = join(dir, 'a.freq.arrow')
    await runCli('freq', CARE, '--qi', 'sex,birth_year', '--sensitive', 'care_decision', '--out', part)
    const other = join(dir, 'b.freq.arrow')
    await runCli('freq', CARE, '--qi', 'sex', '--sensitive', 'care_decision', '--out', other)
    expectOneLineError(await runCli('merge', part, CARE, '--out', join(dir, 'x.arrow')), `${CARE} is not a frequency file made by riskcheck freq`)
    expectOneLineError(await runCli('merge', part, other, '--out', join(dir, 'y.arrow')), `${other} has the columns`)
    expectOneLineError(await runCli(part, '--person', 'pid'), 'is a frequency table (counts in "count"): --person needs the rows')
    const bad = tempFile('bad.arrow', tableToIPC(new Table({ a: vectorFromArray(['x'], new Utf8()), n: vectorFromArray(['two'], new Utf8()) }), 'file'))
    expectOneLineError(await runCli(bad, '--counts', 'n', '--qi', 'a'), 'the count column "n"', 'the value "two" in row 1')
    expectOneLineError(await runCli('freq', CARE, '--out', CARE), 'is the input file')
    expect(readFileSync(CARE).length).toBeGreaterThan(0)
  })
})
