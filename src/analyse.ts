// analyse(table, options) -> RiskResult: roles, encoding, the frequency-table kernel, the risk measures.
import type { Table } from 'apache-arrow'
import { RiskcheckError } from './errors.js'
import { encodeColumn } from './input/encode.js'
import { loadKernels } from './kernels/wasm/index.js'
import { assessRisk } from './risk.js'
import { resolveRoles } from './roles.js'
import type { RoleOptions } from './roles.js'
import type { EncodedColumn, Kernels, LCriterion, RiskResult } from './types.js'
import { VERSION } from './version.js'

/** Options of analyse(). */
export interface AnalyseOptions extends RoleOptions {
  /** Smallest acceptable class size (default 5). */
  k?: number
  /** Smallest acceptable l for every sensitive column; joins the verdict when given. */
  l?: number
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
  if (table.numRows === 0) throw new RiskcheckError('E_EMPTY', `${source} has no rows: there is nothing to analyse`)
  const encoded = new Map<string, EncodedColumn>()
  const encode = (name: string) => {
    let column = encoded.get(name)
    if (!column) { column = encodeColumn(table, name, source); encoded.set(name, column) }
    return column
  }
  const roles = resolveRoles(table, options, name => distinctOrUndefined(encode, name), source)
  if (thresholds.l !== null && roles.sensitive.length === 0) {
    throw new RiskcheckError('E_OPTION', `--l needs a sensitive column, and ${source} has none`, 'name them with --sensitive')
  }
  const qi = roles.quasiIdentifiers.map(encode)
  const sensitive = roles.sensitive.map(encode)
  const kernels = options.kernels ?? loadKernels()
  const out = kernels.frequencies({
    rows: table.numRows, quasiIdentifiers: qi, sensitive, k: thresholds.k, l: thresholds.l ?? 2,
  })
  const roleOf = (name: string) => roles.quasiIdentifiers.includes(name) ? 'quasi-identifier'
    : roles.sensitive.includes(name) ? 'sensitive' : 'unused'
  return {
    riskcheck: VERSION,
    source: options.source ?? null,
    rows: table.numRows,
    quasiIdentifiers: roles.quasiIdentifiers,
    sensitive: roles.sensitive,
    roles: { source: roles.source, unused: roles.unused },
    columns: [...qi, ...sensitive].map(c => ({ name: c.name, type: c.type, role: roleOf(c.name), distinct: c.distinct, nulls: c.nulls })),
    nulls: 'value',
    ...thresholds,
    ...assessRisk(out, table.numRows, roles.sensitive, thresholds),
  }
}

function distinctOrUndefined(encode: (name: string) => EncodedColumn, name: string): number | undefined {
  try {
    return encode(name).distinct
  } catch (e) {
    if (e instanceof RiskcheckError && e.code === 'E_TYPE') return undefined
    throw e
  }
}

function checkOptions(o: AnalyseOptions) {
  const k = o.k ?? DEFAULT_K
  if (!Number.isInteger(k) || k < 1) throw new RiskcheckError('E_OPTION', `k must be a whole number of at least 1, got ${k}`)
  const l = o.l ?? null
  if (l !== null && (!Number.isInteger(l) || l < 1)) {
    throw new RiskcheckError('E_OPTION', `l must be a whole number of at least 1, got ${l}`)
  }
  const lCriterion = o.lCriterion ?? 'distinct'
  if (!['distinct', 'entropy', 'recursive'].includes(lCriterion)) {
    throw new RiskcheckError('E_OPTION', `l criterion must be distinct, entropy or recursive, got ${lCriterion}`)
  }
  const c = o.c ?? null
  if (c !== null && !(Number.isFinite(c) && c > 0)) throw new RiskcheckError('E_OPTION', `c must be a number above 0, got ${c}`)
  if (lCriterion === 'recursive' && l !== null && c === null) {
    throw new RiskcheckError('E_OPTION', 'recursive (c,l)-diversity needs a c', 'give it with --c, for example --c 3')
  }
  return { k, l, lCriterion, c }
}
