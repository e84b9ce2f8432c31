// The DuckDB route end to end: the care extract as Parquet, riskcheck sql's GROUP BY run by DuckDB, its result
// written as Parquet and analysed with --counts: the figures and the proposal of riskcheck on the rows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { tableToIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm/esm'
import { describe, expect, test } from 'vitest'
import { readArrow } from '../src/input/arrow.js'
import { runCli } from './helpers.js'

const CARE = 'datasets/care-extract.arrow'
const QI = 'birth_year,sex,arr_residence,kg1'
const SENSITIVE = 'care_decision,katz_category'

describe('DuckDB runs riskcheck sql\'s query', () => {
  test('its frequency table gives riskcheck\'s figures and proposal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskcheck-duckdb-'))
    const extract = join(dir, 'extract.parquet')
    writeCare(extract)
    const query = (await runCli('sql', '--dialect', 'duckdb', '--table', `read_parquet('${extract}')`, '--qi', QI, '--sensitive', SENSITIVE)).out
    const result = join(dir, 'freq.parquet')
    const db = await DuckDBInstance.create(':memory:')
    const connection = await db.connect()
    await connection.run(`COPY (${query}) TO '${result}' (FORMAT parquet)`)
    const flags = ['--qi', QI, '--sensitive', SENSITIVE, '--k', '5', '--l', '2', '--max-suppression', '2%', '--json']
    const fromRows = JSON.parse((await runCli(CARE, ...flags)).out)
    const fromDuckDb = JSON.parse((await runCli(result, '--counts', 'count', ...flags)).out)
    const same = (j: Record<string, unknown>) => ({ ...j, source: null, counts: null, columns: null, roles: null, warnings: null, identifiers: null,
      proposal: { ...(j.proposal as object), after: null }, alternatives: j.alternatives,
      // the rows also hold pid, which the notes mention; the frequency table does not
      generalisation: { ...(j.generalisation as object), notes: null } })
    expect(fromDuckDb.counts).toBe('count')
    expect(fromDuckDb.rows).toBe(20_000)
    expect(same(fromDuckDb)).toEqual(same(fromRows))
    // the columns came back in DuckDB's own types, yet every figure and the proposal are the same
    expect(fromDuckDb.proposal.levels).toEqual(fromRows.proposal.levels)
  })
})

/** The care extract's rows as a Parquet file (zstd), with parquet-wasm. */
function writeCare(path: string): Uint8Array {
  pw.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) })
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build()
  const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(readArrow(CARE), 'stream')), props)
  writeFileSync(path, bytes)
  return bytes
}
