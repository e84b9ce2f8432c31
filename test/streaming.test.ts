// --stream: an Arrow file or stream read batch by batch into its frequency table gives the figures and the
// proposal of the rows, whatever the batches and their dictionaries.
import { Dictionary, Field, Int16, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Table, Utf8, makeData, makeVector,
  tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { anonymise } from '../src/anonymise/index.js'
import { readArrow } from '../src/input/arrow.js'
import { streamFrequencyFile } from '../src/streaming.js'
import type { RiskResult } from '../src/types.js'
import { expectOneLineError, runCli, tempFile, textVector, withRoles } from './helpers.js'

const CARE = 'datasets/care-extract.arrow'

/** A frequency table's rows as sorted text (values and count). */
const tuplesOfTable = (t: Table) => Array.from({ length: t.numRows }, (_, i) => JSON.stringify(t.get(i)?.toJSON(),
  (_, v) => typeof v === 'bigint' ? String(v) : v)).sort()
const figures = (r: RiskResult) => ({ ...r, source: null, counts: null, columns: r.columns.map(c => c.name), roles: null, warnings: null, identifiers: null })

/** The care extract's quasi-identifiers and one sensitive column in batches of `size` rows, each with a dictionary of its own. */
function rebatched(size: number): Table {
  const care = readArrow(CARE)
  // one dictionary type per column (the schema's), a dictionary of its own in each batch
  const types = Object.fromEntries(['sex', 'arr_residence', 'kg1', 'care_decision'].map((c, i) => [c, new Dictionary(new Utf8(), new Int32(), 100 + i)]))
  const batches = []
  for (let at = 0; at < care.numRows; at += size) {
    const part = care.slice(at, at + size)
    const text = (name: string) => vectorFromArray(Array.from({ length: part.numRows }, (_, i) => part.getChild(name)?.get(i) as string | null), types[name])
    batches.push(...new Table({
      birth_year: vectorFromArray(Array.from(part.getChild('birth_year')?.toArray() as Int16Array), new Int16()),
      sex: text('sex'), arr_residence: text('arr_residence'), kg1: text('kg1'), care_decision: text('care_decision'),
    }).batches)
  }
  return withRoles(new Table(batches), { birth_year: 'quasi-identifier', sex: 'quasi-identifier', arr_residence: 'quasi-identifier',
    kg1: 'quasi-identifier', care_decision: 'sensitive' })
}

describe('streamFrequencyFile', () => {
  test('a stream of batches with dictionaries of their own: the figures of the rows', async () => {
    // a stream may replace its dictionaries between batches; a file may not: its batches share one
    const care = readArrow(CARE)
    const sliced = new Table(care.schema, [0, 7000, 14000].map(at => care.batches[0].slice(at, at + 7000)))
    for (const [format, rows] of [['stream', rebatched(3000)], ['file', sliced]] as const) {
      expect(rows.batches.length).toBeGreaterThan(2)
      const path = tempFile(`care.${format === 'stream' ? 'arrows' : 'arrow'}`, tableToIPC(rows, format))
      const freq = await streamFrequencyFile(path, { source: path, sensitive: ['care_decision'] })
      const options = { k: 5, l: 2, tCloseness: true, sensitive: ['care_decision'] }
      expect(figures(analyse(freq, options))).toEqual(figures(analyse(rows, options)))
      // each batch added on its own (the combinations merged batch by batch): the same table, maybe in another order
      const merged = await streamFrequencyFile(path, { source: path, sensitive: ['care_decision'] }, undefined, 1)
      expect(tuplesOfTable(merged)).toEqual(tuplesOfTable(freq))
      // (rows in batches of their own dictionaries cannot be coded with suppression yet: the one-batch file can)
      const a = anonymise(format === 'file' ? rows : care, { k: 5, maxSuppression: 0.01, sensitive: ['care_decision'] })
      const b = anonymise(freq, { k: 5, maxSuppression: 0.01 })
      expect(b.transformation).toEqual(a.transformation)
    }
  })

  test('written batch by batch by a stream writer', async () => {
    const writer = new RecordBatchStreamWriter()
    for (const batch of rebatched(5000).batches) writer.write(batch)
    writer.finish()
    const path = tempFile('written.arrows', writer.toUint8Array(true))
    const freq = await streamFrequencyFile(path, { qi: ['birth_year', 'sex', 'arr_residence', 'kg1'], sensitive: ['care_decision'] })
    expect(analyse(freq, { k: 5 }).rows).toBe(20_000)
    expect(analyse(freq, { k: 5 }).sampleUniques).toBe(analyse(readArrow(CARE), { k: 5, sensitive: ['care_decision'] }).sampleUniques)
  })

  test('on the command line; roles that would be inferred, --out, and a file that is not Arrow are refused', async () => {
    const j = JSON.parse((await runCli(CARE, '--stream', '--k', '5', '--max-suppression', '1%', '--json')).out)
    const rows = JSON.parse((await runCli(CARE, '--k', '5', '--max-suppression', '1%', '--json')).out)
    expect(j.proposal.levels).toEqual(rows.proposal.levels)
    expect(j.sampleUniques).toBe(rows.sampleUniques)
    const plain = tempFile('plain.arrow', tableToIPC(new Table({ a: textVector(['x', 'y']) }), 'file'))
    expectOneLineError(await runCli(plain, '--stream'), 'roles cannot be inferred from a part of it')
    expectOneLineError(await runCli(CARE, '--stream', '--out', tempFile('x', '') + '.arrow'), '--stream keeps the combinations')
    const csv = tempFile('x.csv', 'a,b\n1,2\n')
    expectOneLineError(await runCli(csv, '--stream', '--qi', 'a'), 'is not a readable Arrow IPC file or stream')
  })
})

describe('a dictionary entry a batch does not use', () => {
  test('keeps its value for the batch that uses it (not null)', async () => {
    // dictionary [A, B] in both batches; batch 1 uses A only, batch 2 uses B and two nulls
    const type = new Dictionary(new Utf8(), new Int32(), 7)
    const dictionary = vectorFromArray(['A', 'B'], new Utf8())
    const column = (indices: number[], valid: boolean[]) => makeVector(makeData({
      type, length: indices.length, nullCount: valid.filter(v => !v).length, data: Int32Array.from(indices), dictionary,
      nullBitmap: Uint8Array.from([valid.reduce((bits, v, i) => bits | (v ? 1 << i : 0), 0)]),
    }))
    const schema = new Schema([new Field('g', type, true, new Map([['riskcheck.role', 'quasi-identifier']]))])
    const batches = [column([0, 0], [true, true]), column([1, 0, 0], [true, false, false])]
      .map(v => new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: v.length, nullCount: 0, children: [v.data[0]] })))
    const path = tempFile('dict.arrows', tableToIPC(new Table(schema, batches), 'stream'))
    const streamed = analyse(await streamFrequencyFile(path), { k: 2 })
    const rows = analyse(readArrow(path), { k: 2 })
    expect(rows).toMatchObject({ classes: 3, minClassSize: 1, meetsThreshold: false })
    expect(streamed).toMatchObject({ classes: 3, minClassSize: 1, meetsThreshold: false })
  })
})

describe('progress of --stream', () => {
  test('batches read, of the number an Arrow file\'s footer gives (a stream has none)', async () => {
    const care = readArrow(CARE)
    const three = new Table(care.schema, [0, 7000, 14000].map(at => care.batches[0].slice(at, at + 7000)))
    for (const [format, total] of [['file', 3], ['stream', null]] as const) {
      const calls: [number, number | null][] = []
      const path = tempFile(`p.${format === 'file' ? 'arrow' : 'arrows'}`, tableToIPC(three, format))
      await streamFrequencyFile(path, {}, { update: (done, of) => { calls.push([done, of]) }, end: () => {} })
      expect(calls).toEqual([[1, total], [2, total], [3, total]])
    }
  })
})
