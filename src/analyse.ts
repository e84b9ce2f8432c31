// analyse(table, options) -> RiskResult: roles, encoding, the frequency-table kernel, the risk measures.
import type { Table } from 'apache-arrow'
import { RiskcheckError, quote } from './errors.js'
import { canEncode, encodeColumn } from './input/encode.js'
import { closenessColumn, tCloseness } from './closeness.js'
import { buildHierarchy } from './hierarchy/index.js'
import type { HierarchySpec } from './hierarchy/index.js'
import { findingText, lintColumn } from './lint/identifiers.js'
import { loadKernels } from './kernels/wasm/index.js'
import { personRisk } from './persons.js'
import { populationRisk } from './population-risk.js'
import { countsOf, recordsOf } from './records.js'
import type { PopulationOptions } from './population-risk.js'
import { assessRisk } from './risk.js'
import type { Thresholds } from './risk.js'
import { resolveRoles } from './roles.js'
import type { RoleOptions } from './roles.js'
import type { CodingRecord, EncodedColumn, IdentifierFinding, Kernels, LCriterion, RiskResult } from './types.js'
import { VERSION } from './version.js'

/** The schema metadata key of the record of a coding (written by anonymise(), read by analyse()). */
export const CODING_KEY = 'riskcheck.coding'

/** Options of analyse(). */
export interface AnalyseOptions extends RoleOptions, PopulationOptions {
  /** Smallest acceptable class size (default 5). */
  k?: number
  /** Largest acceptable prosecutor risk of a record, above 0 and at most 1: the same as k = ceil(1 / r),
   * since a record's risk is 1 / its class size; the larger of that k and `k` applies. */
  maxProsecutorRisk?: number
  /** The history model with `person`: each person's set of quasi-identifier tuples as one quasi-identifier. */
  history?: boolean
  /** Measure the t-closeness of each sensitive column (tCloseness in the result). */
  tCloseness?: boolean
  /** Largest acceptable t-closeness of every sensitive column (0 to 1); joins the verdict, and implies tCloseness. */
  t?: number
  /** Hierarchy specs by column: a sensitive column's gives its t-closeness the hierarchical distance (the
   * quasi-identifiers' are for the generalisation search, see Policy). */
  hierarchies?: Record<string, HierarchySpec>
  /** Where relative hierarchy file paths start (default: the working directory). */
  baseDir?: string
  /** The table is a frequency table: each row a combination, this column its number of records (default: the
   * column its metadata names, riskcheck.frequencies, as riskcheck freq writes it; else each row is a record). */
  counts?: string
  /** Refuse (E_IDENTIFIER) a table with a column that looks like an identifier, instead of warning. */
  strict?: boolean
  /** Smallest acceptable l for every sensitive column; joins the verdict when given. */
  l?: number
  /** Smallest acceptable l of some sensitive columns, over `l` for them (distinct and entropy criteria). */
  lByColumn?: Record<string, number>
  /** Which l-diversity the verdict uses (default distinct). */
  lCriterion?: LCriterion
  /** The c of recursive (c,l)-diversity; required with lCriterion 'recursive'. */
  c?: number
  /** Name of the file or table, for messages and for `source` in the result. */
  source?: string
  /** Kernels to use (default: the WebAssembly kernels). */
  kernels?: Kernels
}

/** Default k: the threshold of the IMA/AIM and of most statistical offices for controlled release. */
export const DEFAULT_K = 5

/**
 * Measure the re-identification risk of a table: k-anonymity, uniqueness, prosecutor risk, l-diversity.
 * @example const result = analyse(readArrow('datasets/adult.arrow'), { k: 5 })
 */
export function analyse(table: Table, options: AnalyseOptions = {}): RiskResult {
  const source = options.source ?? 'the table'
  const thresholds = checkOptions(options)
  if (table.numCols === 0) throw new RiskcheckError('E_EMPTY', `${source} has no columns: there is nothing to analyse`)
  if (table.numRows === 0) throw new RiskcheckError('E_EMPTY', `${source} has no rows: there is nothing to analyse`)
  const encode = (name: string) => encodeColumn(table, name, source)
  const counts = countsOf(table, options)
  if (counts && (options.person !== undefined || options.weight !== undefined)) {
    throw new RiskcheckError('E_OPTION', `${source} is a frequency table (counts in ${quote(counts)}): ${options.person !== undefined ? '--person' : '--weight'} ` +
      'needs the rows', 'analyse the rows, or leave it out')
  }
  // in a frequency table every combination is a row of its own: no column is a pseudonym for being all distinct
  const roles = resolveRoles(table, { ...options, counts: counts ?? undefined }, name => counts ? -1 : encode(name).distinct, source)
  const kernels = options.kernels ?? loadKernels()
  const records = recordsOf(table, counts, kernels, source)
  if (records.n === 0) throw new RiskcheckError('E_EMPTY', `${source} counts no records: there is nothing to analyse`)
  // the lint judges a column's values against its records (a frequency table's rows are combinations)
  const identifiers = lintTable(table, encode, records.n)
  if (options.strict && identifiers.length > 0) {
    const columns = [...new Set(identifiers.map(f => f.column))]
    const kinds = (c: string) => identifiers.filter(f => f.column === c).map(f => f.kind).join(', ')
    throw new RiskcheckError('E_IDENTIFIER', `${source} has ${columns.length} column${columns.length > 1 ? 's that look' : ' that looks'} ` +
      `like identifiers: ${columns.map(c => `${quote(c)} (${kinds(c)})`).join(', ')}`,
      'drop or code them before release, or leave out --strict to be warned only')
  }
  if (thresholds.t !== null && roles.sensitive.length === 0) {
    throw new RiskcheckError('E_OPTION', `--t needs a sensitive column, and ${source} has none`, 'name them with --sensitive')
  }
  if (thresholds.l !== null && roles.sensitive.length === 0) {
    throw new RiskcheckError('E_OPTION', `--l needs a sensitive column, and ${source} has none`, 'name them with --sensitive')
  }
  const notSensitive = Object.keys(thresholds.lByColumn ?? {}).filter(column => !roles.sensitive.includes(column))
  if (notSensitive.length > 0) {
    throw new RiskcheckError('E_OPTION', `an l is given for ${quote(notSensitive[0])}, which is not a sensitive column of ` +
      `${source} (they are: ${roles.sensitive.join(', ') || 'none'})`, 'name it with --sensitive, or drop its l')
  }
  const qi = roles.quasiIdentifiers.map(encode)
  const sensitive = roles.sensitive.map(encode)
  const out = records.frequencies({ quasiIdentifiers: qi, sensitive, k: thresholds.k, l: thresholds.l ?? 2 })
  const closeness = options.tCloseness || thresholds.t !== null ? Object.fromEntries(sensitive.map(s => [s.name,
    tCloseness(records.tuples([...qi, s]), qi.length, sensitiveCloseness(s, options))])) : null
  const persons = options.person === undefined ? null
    : personRisk(qi, personColumn(encode(options.person), source), table.numRows, thresholds.k, options.history ?? false, kernels)
  // in a frequency table, distinct values and nulls are counted over records (a row counted 0 times holds none)
  const describe = (role: string) => (c: EncodedColumn) => {
    if (!counts) return { name: c.name, type: c.type, role, distinct: c.distinct, nulls: c.nulls }
    const values = records.tuples([c])
    const nulls = values.codes[0].reduce((n, code, t) => n + (c.labels[code] === null ? values.counts[t] : 0), 0)
    return { name: c.name, type: c.type, role, distinct: values.counts.length, nulls }
  }
  return {
    riskcheck: VERSION,
    source: options.source ?? null,
    rows: records.n,
    counts,
    quasiIdentifiers: roles.quasiIdentifiers,
    sensitive: roles.sensitive,
    roles: { source: roles.source, unused: roles.unused },
    warnings: [...identifiers.map(findingText), ...roles.warnings],
    identifiers,
    coding: codingOf(table),
    tCloseness: closeness,
    columns: [...qi.map(describe('quasi-identifier')), ...sensitive.map(describe('sensitive'))],
    nulls: 'value',
    persons,
    population: populationRisk(table, qi, records, out.histogram, thresholds.k, options, source),
    ...thresholds,
    ...assessRisk(out, records.n, roles.sensitive, thresholds, persons, closeness),
  }
}

/** What the t-closeness distances need of a sensitive column: its hierarchy, when the options give one. */
export function sensitiveCloseness(column: EncodedColumn, options: Pick<AnalyseOptions, 'hierarchies' | 'baseDir'>) {
  const spec = options.hierarchies?.[column.name]
  return closenessColumn(column, spec ? buildHierarchy(spec, column, { baseDir: options.baseDir }) : null)
}

/** The person column: every row must name its person. */
export function personColumn(column: EncodedColumn, source: string): EncodedColumn {
  if (column.nulls > 0) {
    throw new RiskcheckError('E_COLUMN', `the person column ${quote(column.name)} in ${source} has ${column.nulls} null ` +
      `value${column.nulls === 1 ? '' : 's'}: every row must name its person`, 'fill them in, or leave out --person')
  }
  return column
}

/**
 * The identifier lint of every column riskcheck can encode (columns it cannot are reported by the roles),
 * the table holding `records` records.
 */
function lintTable(table: Table, encode: (name: string) => EncodedColumn, records: number): IdentifierFinding[] {
  return table.schema.fields.flatMap(f => canEncode(f.type) ? lintColumn(encode(f.name), records) : [])
}

/** The record a coded table carries of its coding (null when it has none or it is not a readable record). */
function codingOf(table: Table): CodingRecord | null {
  const text = table.schema.metadata.get(CODING_KEY)
  if (text === undefined) return null
  try {
    const record = JSON.parse(text)
    return record && typeof record === 'object' && Array.isArray(record.columns) ? record as CodingRecord : null
  } catch {
    return null
  }
}

/** Largest k or l: the kernels count in unsigned 32-bit integers. */
const MAX_THRESHOLD = 2 ** 32 - 1

function checkOptions(o: AnalyseOptions): Thresholds {
  const r = o.maxProsecutorRisk ?? null
  if (r !== null && !(r > 0 && r <= 1)) {
    throw new RiskcheckError('E_OPTION', `the maximum prosecutor risk must be above 0 and at most 1, got ${r}`)
  }
  // 1e-9: 1 / 0.1 is 10.000000000000002 in floating point, and k = 10 is what 0.1 means
  const k = Math.max(wholeNumber('k', o.k ?? DEFAULT_K), r === null ? 1 : Math.ceil(1 / r - 1e-9))
  const l = o.l === undefined ? null : wholeNumber('l', o.l)
  const lByColumn = o.lByColumn === undefined ? null
    : Object.fromEntries(Object.entries(o.lByColumn).map(([column, v]) => [column, wholeNumber(`l of ${column}`, v)]))
  if (l === null && lByColumn === null && (o.lCriterion !== undefined || o.c !== undefined)) {
    const given = o.lCriterion !== undefined ? `--l-criterion ${o.lCriterion}` : `--c ${o.c}`
    throw new RiskcheckError('E_OPTION', `${given} is given without --l: it only says how --l is checked`,
      'give the l to check with --l, for example --l 2')
  }
  if (o.history && o.person === undefined) {
    throw new RiskcheckError('E_OPTION', '--history needs a person column', 'name it with --person, for example --person pid')
  }
  const lCriterion = o.lCriterion ?? 'distinct'
  if (!['distinct', 'entropy', 'recursive'].includes(lCriterion)) {
    throw new RiskcheckError('E_OPTION', `l criterion must be distinct, entropy or recursive, got ${lCriterion}`)
  }
  const c = o.c ?? null
  if (c !== null && !(Number.isFinite(c) && c > 0)) throw new RiskcheckError('E_OPTION', `c must be a number above 0, got ${c}`)
  if (lCriterion === 'recursive' && c === null) {
    throw new RiskcheckError('E_OPTION', 'recursive (c,l)-diversity needs a c', 'give it with --c, for example --c 3')
  }
  if (lCriterion !== 'recursive' && c !== null) {
    throw new RiskcheckError('E_OPTION', `--c ${c} is given with --l-criterion ${lCriterion}: c belongs to recursive (c,l)-diversity`,
      'add --l-criterion recursive, or leave out --c')
  }
  if (lByColumn !== null && lCriterion === 'recursive') {
    throw new RiskcheckError('E_OPTION', 'an l per sensitive column works with the distinct and entropy criteria, not recursive',
      'give one l for every column with recursive (c,l)-diversity')
  }
  const t = o.t ?? null
  if (t !== null && !(Number.isFinite(t) && t >= 0 && t <= 1)) {
    throw new RiskcheckError('E_OPTION', `t must be a number from 0 to 1, got ${t}`)
  }
  if (t !== null && o.sensitive !== undefined && o.sensitive.length === 0) {
    throw new RiskcheckError('E_OPTION', 't-closeness needs a sensitive column', 'name them with --sensitive')
  }
  return { k, maxProsecutorRisk: r, l, lByColumn, lCriterion, c, t }
}

function wholeNumber(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THRESHOLD) {
    throw new RiskcheckError('E_OPTION', `${name} must be a whole number from 1 to ${MAX_THRESHOLD}, got ${n}`)
  }
  return n
}
