// The coded table: each quasi-identifier replaced by its generalised labels (a dictionary column), the
// records of classes that still fail a threshold removed or marked "*"; every other column kept as it is.
// The roles are written into the field metadata, so that analysing the coded file measures the same columns.
import { Data, DataType, Dictionary, Field, Int16, Int32, Int8, RecordBatch, Schema, Struct, Table, Utf8, makeData, vectorFromArray } from 'apache-arrow'
import type { Vector } from 'apache-arrow'
import type { Hierarchy } from '../hierarchy/index.js'
import { ROLE_KEY } from '../roles.js'
import type { CodeColumn, EncodedColumn, Kernels, NodeCriteria } from '../types.js'
import { RiskcheckError } from '../errors.js'
import { takeData, takeDictionaryColumn } from './take.js'

/** What codeTable() applies. */
export interface CodingPlan {
  qi: EncodedColumn[]
  /** The sensitive columns the criteria look at (l-diversity), and every sensitive column's name (roles). */
  sensitive: EncodedColumn[]
  sensitiveNames: string[]
  hierarchies: Hierarchy[]
  levels: number[]
  criteria: NodeCriteria
  /** With t-closeness: the classes kept (generalised codes joined by commas); they replace the criteria. */
  keptClasses?: Set<string> | null
  suppress: 'remove' | 'mark'
  /** Added to the schema metadata. */
  metadata?: Record<string, string>
  /** The kernels that find the rows of the classes that fail. */
  kernels: Kernels
}

/**
 * Apply `plan.levels` to the quasi-identifiers of `table`; the records in classes smaller than k or, with l,
 * with fewer than l distinct values of a sensitive column are removed, or (mark) get "*" in every
 * quasi-identifier.
 */
export function codeTable(table: Table, plan: CodingPlan): Table {
  const { qi } = plan
  const generalised = qi.map((c, j) => concatCodes(c, plan.hierarchies[j].maps[plan.levels[j]]))
  const radices = plan.hierarchies.map((h, j) => h.labels[plan.levels[j]].length)
  const kept = plan.keptClasses ? rowsOfClasses(generalised, plan.keptClasses, table.numRows)
    : plan.kernels.keptRows(generalised.map((g, j) => ({ radix: Math.max(1, radices[j]), chunks: [g] })), plan.sensitive,
      table.numRows, plan.criteria)
  // with mark, unmarked[i] = 1 when row i keeps its values (0: its quasi-identifiers become "*")
  const unmarked = kept && plan.suppress === 'mark' ? kept : null
  const removed = plan.suppress === 'remove' ? kept : null
  // each quasi-identifier's dictionary holds only the labels of the rows written, "*" last for marked rows
  const recodings = qi.map((c, j) => {
    const level = plan.hierarchies[j].labels[plan.levels[j]]
    if (unmarked && level.includes('*')) {
      throw new RiskcheckError('E_HIERARCHY', `column ${JSON.stringify(c.name)} has a class "*" at level ` +
        `${plan.levels[j]} (${plan.hierarchies[j].levelNames[plan.levels[j]]}), so records marked "*" would join it`,
        'use --suppress remove, or a hierarchy whose only "*" is its last level')
    }
    return recoding(generalised[j], level, removed, unmarked)
  })
  const dictionaries = recodings.map(r => vectorFromArray(r.labels.map(x => x ?? ''), new Utf8()))
  const fields = codedFields(table.schema, qi.map((c, j) => ({ name: c.name, labels: recodings[j].labels.length })), plan.sensitiveNames)
  const schema = new Schema(fields, new Map([...table.schema.metadata, ...Object.entries(plan.metadata ?? {})]))
  const starts = table.batches.map((_, b) => table.batches.slice(0, b).reduce((a, x) => a + x.numRows, 0))
  const keeps = removed ? table.batches.map((batch, b) => keptIn(removed, starts[b], batch.numRows)) : null
  // the other columns: each kept whole, or cut to the rows kept (dictionaries cut to the values still used)
  const others = table.schema.fields.map((f, col) => {
    const datas = table.batches.map(batch => batch.data.children[col] as Data)
    if (!keeps || qi.some(c => c.name === f.name)) return datas
    if (DataType.isDictionary(f.type)) return takeDictionaryColumn(datas, keeps, f.name)
    return datas.map((d, b) => takeData(d, keeps[b], f.name))
  })
  const batches = table.batches.map((batch, b) => {
    const keep = keeps ? keeps[b] : null
    const children = table.schema.fields.map((f, col) => {
      const j = qi.findIndex(c => c.name === f.name)
      if (j < 0) return others[col][b]
      return dictionaryData(fields[col].type as Dictionary, generalised[j], recodings[j], unmarked,
        { start: starts[b], rows: batch.numRows, keep },
        dictionaries[j])
    })
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length: keep ? keep.length : batch.numRows, children, nullCount: 0 }))
  })
  return new Table(schema, batches)
}

/** How one column's generalised codes are written: the labels the written rows use (in the level's order,
 * "*" last for marked rows), the index of each code among them, the index of "*" and of the null label. */
interface Recoding {
  labels: (string | null)[]
  index: Int32Array
  star: number
  nullIndex: number
}

/** The labels of one column that the written rows use (rows not removed; marked rows get "*"). */
function recoding(codes: Uint32Array, level: (string | null)[], removed: Uint8Array | null, unmarked: Uint8Array | null): Recoding {
  const used = new Uint8Array(level.length)
  if (!removed && !unmarked) for (let i = 0; i < codes.length; i++) used[codes[i]] = 1
  else for (let i = 0; i < codes.length; i++) if ((!removed || removed[i]) && (!unmarked || unmarked[i])) used[codes[i]] = 1
  const index = new Int32Array(level.length)
  const labels: (string | null)[] = []
  level.forEach((label, g) => { if (used[g]) { index[g] = labels.length; labels.push(label) } })
  const star = labels.length
  if (unmarked && unmarked.includes(0)) labels.push('*')
  return { labels, index, star, nullIndex: labels.indexOf(null) }
}

/**
 * Quasi-identifiers become Dictionary<Utf8> with fresh ids, indexed by the narrowest integer that holds their
 * labels (Int8, Int16, Int32: a reader then uses the indices as they are). The roles of the coding go into
 * the field metadata; a column the input's metadata called quasi-identifier or sensitive that the coding
 * left out becomes "ignore", so that analysing the coded table measures what the coding was made for.
 */
function codedFields(schema: Schema, qi: { name: string; labels: number }[], sensitive: string[]): Field[] {
  let nextId = Math.max(-1, ...schema.fields.flatMap(f => f.type instanceof Dictionary ? [f.type.id] : [])) + 1
  return schema.fields.map(f => {
    const was = f.metadata.get(ROLE_KEY)
    const coded = qi.find(c => c.name === f.name)
    const role = coded ? 'quasi-identifier' : sensitive.includes(f.name) ? 'sensitive'
      : was === 'quasi-identifier' || was === 'sensitive' ? 'ignore' : undefined
    const metadata = role ? new Map([...f.metadata, [ROLE_KEY, role]]) : f.metadata
    if (!coded) return new Field(f.name, f.type, f.nullable, metadata)
    const index = coded.labels <= 2 ** 7 ? new Int8() : coded.labels <= 2 ** 15 ? new Int16() : new Int32()
    return new Field(f.name, new Dictionary(new Utf8(), index, nextId++), true, metadata)
  })
}

/** Every code of a column in one array, through a level map when given. */
export function concatCodes(col: CodeColumn, map?: Uint32Array): Uint32Array {
  const out = new Uint32Array(col.chunks.reduce((a, c) => a + c.length, 0))
  let at = 0
  for (const chunk of col.chunks) {
    if (map) for (let i = 0; i < chunk.length; i++) out[at++] = map[chunk[i]]
    else { out.set(chunk, at); at += chunk.length }
  }
  return out
}

/** 1 for each row of a class in `classes` (null when every row is kept). */
function rowsOfClasses(generalised: Uint32Array[], classes: Set<string>, n: number): Uint8Array | null {
  const kept = new Uint8Array(n)
  let all = true
  for (let i = 0; i < n; i++) {
    kept[i] = classes.has(generalised.map(g => g[i]).join(',')) ? 1 : 0
    all &&= kept[i] === 1
  }
  return all ? null : kept
}

/** Indices within the batch [start, start + rows) of the rows kept. */
function keptIn(kept: Uint8Array, start: number, rows: number): Uint32Array {
  let count = 0
  for (let i = 0; i < rows; i++) count += kept[start + i]
  const out = new Uint32Array(count)
  for (let i = 0, at = 0; i < rows; i++) if (kept[start + i]) out[at++] = i
  return out
}

/** The rows of one batch written: `rows` from `start` on, or only those in `keep` (indices within the batch). */
interface BatchRows { start: number; rows: number; keep: Uint32Array | null }

function dictionaryData(type: Dictionary, codes: Uint32Array, recode: Recoding, unmarked: Uint8Array | null, batch: BatchRows,
  dictionary: Vector<Utf8>): Data<Dictionary> {
  const { start, keep } = batch
  const { index, star, nullIndex } = recode
  const length = keep ? keep.length : batch.rows
  const bits = type.indices.bitWidth
  const indices = bits === 8 ? new Int8Array(length) : bits === 16 ? new Int16Array(length) : new Int32Array(length)
  if (!keep && !unmarked) {
    // every row of the batch written as it is (the common case): one lookup a row
    for (let r = 0; r < length; r++) indices[r] = index[codes[start + r]]
  } else {
    for (let r = 0; r < length; r++) {
      const i = start + (keep ? keep[r] : r)
      indices[r] = unmarked && !unmarked[i] ? star : index[codes[i]]
    }
  }
  let nulls = 0
  if (nullIndex >= 0) for (let r = 0; r < length; r++) if (indices[r] === nullIndex) nulls++
  let nullBitmap: Uint8Array | undefined
  if (nulls > 0) {
    const bitmap = new Uint8Array(Math.ceil(indices.length / 8))
    indices.forEach((g, r) => { if (g !== nullIndex) bitmap[r >> 3] |= 1 << (r & 7) })
    nullBitmap = bitmap
  }
  return makeData({ type, length: indices.length, nullCount: nulls, nullBitmap, data: indices, dictionary })
}
