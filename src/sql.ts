// The GROUP BY that computes, inside a SQL engine, the frequency table riskcheck would compute from the rows:
// one row per combination of the quasi-identifier and sensitive columns, with its records in "count". Its
// result (exported as Arrow, Parquet or CSV) is analysed with --counts count. GROUP BY puts NULLs together,
// as riskcheck counts a null as a value of its own.
import { RiskcheckError } from './errors.js'

export type Dialect = 'duckdb' | 'spark' | 'trino' | 'postgres'
export const DIALECTS: Dialect[] = ['duckdb', 'spark', 'trino', 'postgres']

export interface QuerySpec {
  dialect: Dialect
  /** The table, as the engine names it: inserted as written (a name, a qualified name, or a table function
   * such as read_parquet('extract.parquet')). */
  table: string
  quasiIdentifiers: string[]
  sensitive?: string[]
  /** The name of the count column (default count). */
  count?: string
}

/** A column name quoted for the dialect: "name" (duckdb, trino, postgres) or `name` (spark). */
export function quoteIdentifier(name: string, dialect: Dialect): string {
  return dialect === 'spark' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`
}

/**
 * The frequency-table query.
 * @example sqlQuery({ dialect: 'duckdb', table: "read_parquet('x.parquet')", quasiIdentifiers: ['age', 'sex'] })
 */
export function sqlQuery(spec: QuerySpec): string {
  if (!DIALECTS.includes(spec.dialect)) {
    throw new RiskcheckError('E_OPTION', `the SQL dialect must be one of ${DIALECTS.join(', ')}, got ${JSON.stringify(spec.dialect)}`)
  }
  const columns = [...spec.quasiIdentifiers, ...(spec.sensitive ?? [])]
  if (spec.quasiIdentifiers.length === 0) throw new RiskcheckError('E_OPTION', 'the query needs the quasi-identifiers', 'name them with --qi')
  if (spec.table.trim() === '') throw new RiskcheckError('E_OPTION', 'the query needs the table', 'name it with --table')
  const count = spec.count ?? 'count'
  if (columns.includes(count)) throw new RiskcheckError('E_OPTION', `a column is called ${JSON.stringify(count)}, the name of the counts`)
  const q = (name: string) => quoteIdentifier(name, spec.dialect)
  const list = columns.map(q).join(', ')
  return `SELECT ${list}, COUNT(*) AS ${q(count)}\nFROM ${spec.table}\nGROUP BY ${list}\n`
}
