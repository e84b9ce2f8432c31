// Test helpers: in-memory Arrow tables, temporary files, the CLI with captured output.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Dictionary, Field, Int32, Schema, Table, Utf8, vectorFromArray } from 'apache-arrow'
import type { Vector } from 'apache-arrow'
import { expect } from 'vitest'
import { main } from '../src/cli.js'

/** A dictionary-encoded text vector (null allowed). */
export function textVector(values: (string | null)[]): Vector {
  return vectorFromArray(values, new Dictionary(new Utf8(), new Int32()))
}

/** A table of text columns given row by row, e.g. rows(['a','b'], [['x','1'], ['y','2']]). */
export function textTable(names: string[], rows: (string | null)[][]): Table {
  return new Table(Object.fromEntries(names.map((n, j) => [n, textVector(rows.map(r => r[j]))])))
}

/** The same table with riskcheck.role metadata on the named fields. */
export function withRoles(table: Table, roles: Record<string, string>): Table {
  const fields = table.schema.fields.map(f =>
    new Field(f.name, f.type, f.nullable, roles[f.name] ? new Map([['riskcheck.role', roles[f.name]]]) : f.metadata))
  return new Table(new Schema(fields), table.batches)
}

/** Write bytes to a fresh temporary directory; returns the path. */
export function tempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'riskcheck-')), name)
  writeFileSync(path, bytes)
  return path
}

/** Run the CLI in-process; returns its exit code and what it wrote. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: t => { out += t }, err: t => { err += t } })
  return { code, out, err }
}

/** A failed run prints exactly one line on stderr, with no stack trace, and exits 2. */
export function expectOneLineError(r: { code: number; out: string; err: string }, ...parts: string[]): void {
  expect(r.code).toBe(2)
  expect(r.out).toBe('')
  expect(r.err.trimEnd().split('\n')).toHaveLength(1)
  expect(r.err).not.toMatch(/\n\s+at /)
  for (const part of parts) expect(r.err).toContain(part)
}
