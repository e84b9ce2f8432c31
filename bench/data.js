// Seeded generator of benchmark tables: N rows x 6 quasi-identifiers plus one sensitive column, as an
// Arrow IPC file of 1M-row record batches (birth year ~100 values, sex, 43 arrondissements, 17 benefit
// codes, region, 10 amount classes; care decision sensitive).
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Dictionary, Field, Int16, Int8, RecordBatch, Schema, Struct, Table, Utf8, makeData, tableToIPC,
  vectorFromArray } from 'apache-arrow'
import { prng } from '../datasets/scripts/random.js'

const ARRONDISSEMENTS = ['11000', '12000', '13000', '21000', '23000', '24000', '25000', '31000', '32000', '33000',
  '34000', '35000', '36000', '37000', '38000', '41000', '42000', '43000', '44000', '45000', '46000', '51000', '52000',
  '53000', '55000', '56000', '57000', '58000', '61000', '62000', '63000', '64000', '71000', '72000', '73000', '81000',
  '82000', '83000', '84000', '85000', '91000', '92000', '93000']
const regionOf = nis => (nis === '21000' ? 1 : nis[0] === '2' && nis !== '23000' && nis !== '24000' ? 2
  : ['5', '6', '8', '9'].includes(nis[0]) ? 2 : 0)
const BENEFITS = Array.from({ length: 17 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`)
const AMOUNTS = ['0', '1-99', '100-249', '250-499', '500-749', '750-999', '1000-1499', '1500-1999', '2000-2999', '3000+']
const DECISIONS = ['G1', 'G2', 'R1', 'R2', 'P']

const dictionary = values => vectorFromArray(values, new Utf8())
const COLUMNS = [
  ['birth_year', new Int16(), null],
  ['sex', new Dictionary(new Utf8(), new Int8(), 0), dictionary(['F', 'M'])],
  ['arr_residence', new Dictionary(new Utf8(), new Int8(), 1), dictionary(ARRONDISSEMENTS)],
  ['benefit', new Dictionary(new Utf8(), new Int8(), 2), dictionary(BENEFITS)],
  ['region', new Dictionary(new Utf8(), new Int8(), 3), dictionary(['VLG', 'BRU', 'WAL'])],
  ['amount_class', new Dictionary(new Utf8(), new Int8(), 4), dictionary(AMOUNTS)],
  ['care_decision', new Dictionary(new Utf8(), new Int8(), 5), dictionary(DECISIONS)],
]
const ROLES = ['quasi-identifier', 'quasi-identifier', 'quasi-identifier', 'quasi-identifier', 'quasi-identifier',
  'quasi-identifier', 'sensitive']

function batch(schema, rows, random) {
  const year = new Int16Array(rows)
  const cols = Array.from({ length: 6 }, () => new Int8Array(rows))
  for (let i = 0; i < rows; i++) {
    const u = random()
    year[i] = 2024 - Math.floor(100 * u * u ** 0.3) // skewed towards the old
    cols[0][i] = random() < 0.62 ? 0 : 1
    const arr = Math.floor(43 * random() * random() ** 0.5)
    cols[1][i] = arr
    cols[2][i] = Math.floor(17 * random() ** 2)
    cols[3][i] = regionOf(ARRONDISSEMENTS[arr])
    cols[4][i] = Math.floor(10 * random() ** 1.5)
    cols[5][i] = Math.floor(5 * random() ** 2)
  }
  const children = COLUMNS.map(([, type, dict], j) => j === 0
    ? makeData({ type, length: rows, nullCount: 0, data: year })
    : makeData({ type, length: rows, nullCount: 0, data: cols[j - 1], dictionary: dict }))
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }))
}

/** The schema of the benchmark tables, roles in the field metadata. */
export const benchSchema = () => new Schema(COLUMNS.map(([name, type], j) => new Field(name, type, false,
  new Map([['riskcheck.role', ROLES[j]]]))))

/** Batches of one million rows (the last one shorter), generated one at a time. */
export function* benchBatches(rows, seed = 42, schema = benchSchema()) {
  const random = prng(seed)
  for (let done = 0; done < rows; done += 1_000_000) yield batch(schema, Math.min(1_000_000, rows - done), random)
}

/** Write `rows` rows to `path` (unless it exists), in batches of one million; returns the path. */
export function makeBenchFile(path, rows, seed = 42) {
  if (existsSync(path)) return path
  mkdirSync(dirname(path), { recursive: true })
  const schema = benchSchema()
  const random = prng(seed)
  const batches = []
  for (let done = 0; done < rows; done += 1_000_000) batches.push(batch(schema, Math.min(1_000_000, rows - done), random))
  writeFileSync(`${path}.tmp`, tableToIPC(new Table(schema, batches), 'file'))
  renameSync(`${path}.tmp`, path)
  return path
}
