// The coded table: each quasi-identifier replaced by its generalised labels (a dictionary column), the
// records of classes that still fail a threshold removed; every other column kept as it is.
import { Data, Dictionary, Field, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow'
import type { Hierarchy } from '../hierarchy/index.js'
import { flattenCodes } from '../kernels/reference.js'
import type { EncodedColumn } from '../types.js'
import { takeData } from './take.js'

/**
 * Apply `levels` to the quasi-identifiers of `table` and remove the records in classes smaller than k or,
 * with l, with fewer than l distinct values of a sensitive column.
 */
export function codeTable(table: Table, qi: EncodedColumn[], sensitive: EncodedColumn[], hierarchies: Hierarchy[],
  levels: number[], criteria: { k: number; l: number | null }): Table {
  const generalised = qi.map((c, j) => {
    const map = hierarchies[j].maps[levels[j]]
    return Uint32Array.from(flattenCodes(c), code => map[code])
  })
  const kept = keptRows(generalised, sensitive.map(flattenCodes), table.numRows, criteria)
  const dictionaries = qi.map((_, j) => vectorFromArray(hierarchies[j].labels[levels[j]].map(l => l ?? ''), new Utf8()))
  const nullLabel = qi.map((_, j) => hierarchies[j].labels[levels[j]].map(l => l === null))
  // new dictionary ids must not clash with those of the columns kept as they are
  let nextId = Math.max(-1, ...table.schema.fields.flatMap(f => f.type instanceof Dictionary ? [f.type.id] : [])) + 1
  const fields = table.schema.fields.map(f => qi.some(c => c.name === f.name)
    ? new Field(f.name, new Dictionary(new Utf8(), new Int32(), nextId++), true, f.metadata) : f)
  const schema = new Schema(fields, table.schema.metadata)
  let start = 0
  const batches = table.batches.map(batch => {
    const rows = batch.numRows
    const keep = kept ? keptIn(kept, start, rows) : null
    const children = table.schema.fields.map((f, col) => {
      const j = qi.findIndex(c => c.name === f.name)
      if (j >= 0) return dictionaryData(fields[col].type as Dictionary, generalised[j], start, keep, rows, dictionaries[j].data[0], nullLabel[j])
      const data = batch.data.children[col] as Data
      return keep ? takeData(data, keep, f.name) : data
    })
    start += rows
    const length = keep ? keep.length : rows
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length, children, nullCount: 0 }))
  })
  return new Table(schema, batches)
}

/** 1 for each row kept (null when every row is kept). */
function keptRows(generalised: Uint32Array[], sensitive: number[][], n: number,
  criteria: { k: number; l: number | null }): Uint8Array | null {
  const keyOf = (i: number) => generalised.map(g => g[i]).join(',')
  const sizes = new Map<string, number>()
  const values = new Map<string, Set<number>[]>()
  for (let i = 0; i < n; i++) {
    const key = keyOf(i)
    sizes.set(key, (sizes.get(key) ?? 0) + 1)
    if (criteria.l !== null) {
      const sets = values.get(key) ?? sensitive.map(() => new Set<number>())
      sensitive.forEach((s, c) => sets[c].add(s[i]))
      values.set(key, sets)
    }
  }
  const passes = (key: string) => (sizes.get(key) as number) >= criteria.k &&
    (criteria.l === null || (values.get(key) as Set<number>[]).every(s => s.size >= (criteria.l as number)))
  const kept = new Uint8Array(n)
  let all = true
  for (let i = 0; i < n; i++) {
    kept[i] = passes(keyOf(i)) ? 1 : 0
    all &&= kept[i] === 1
  }
  return all ? null : kept
}

/** Indices within the batch [start, start + rows) of the rows kept. */
function keptIn(kept: Uint8Array, start: number, rows: number): Uint32Array {
  const out: number[] = []
  for (let i = 0; i < rows; i++) if (kept[start + i]) out.push(i)
  return Uint32Array.from(out)
}

function dictionaryData(type: Dictionary, codes: Uint32Array, start: number, keep: Uint32Array | null, rows: number,
  dictionary: Data<Utf8>, isNull: boolean[]): Data<Dictionary> {
  const rowsKept = keep ?? Uint32Array.from({ length: rows }, (_, i) => i)
  const indices = Int32Array.from(rowsKept, i => codes[start + i])
  const nulls = indices.reduce((a, g) => a + (isNull[g] ? 1 : 0), 0)
  let nullBitmap: Uint8Array | undefined
  if (nulls > 0) {
    nullBitmap = new Uint8Array(Math.ceil(indices.length / 8))
    indices.forEach((g, r) => { if (!isNull[g]) nullBitmap![r >> 3] |= 1 << (r & 7) })
  }
  return makeData({ type, length: indices.length, nullCount: nulls, nullBitmap, data: indices, dictionary: makeVector(dictionary) })
}
