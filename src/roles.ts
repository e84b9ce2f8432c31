// Which columns are quasi-identifiers and which are sensitive: from the options, else from the Arrow
// field metadata (riskcheck.role), else inferred (every column but the sensitive ones and pseudonyms).
import type { Table } from 'apache-arrow'
import { RiskcheckError, quote } from './errors.js'

/** The Arrow field metadata key that carries a column's role. */
export const ROLE_KEY = 'riskcheck.role'
/** The roles a column can have in the field metadata. */
export const ROLES = ['quasi-identifier', 'sensitive', 'identifier', 'ignore'] as const
export type Role = (typeof ROLES)[number]

/** Roles asked for by the user. */
export interface RoleOptions {
  qi?: string[]
  sensitive?: string[]
}

/** The roles used, where they came from, and the columns left out with the reason. */
export interface Roles {
  quasiIdentifiers: string[]
  sensitive: string[]
  /** options: --qi; metadata: riskcheck.role in the file; inferred: every column but pseudonyms. */
  source: 'options' | 'metadata' | 'inferred'
  unused: { column: string; reason: string }[]
}

/**
 * Resolve the roles of the columns of `table`.
 * @param distinctOf number of distinct values of a column, undefined when its type cannot be encoded
 *   (called only when roles are inferred)
 * @param source name of the file or table, for messages
 */
export function resolveRoles(table: Table, options: RoleOptions, distinctOf: (column: string) => number | undefined,
  source = 'the table'): Roles {
  const columns = table.schema.fields.map(f => f.name)
  checkNames(options.qi ?? [], columns, source, '--qi')
  checkNames(options.sensitive ?? [], columns, source, '--sensitive')
  const metadata = metadataRoles(table, source)
  const roles = options.qi ? fromOptions(options.qi, options.sensitive, metadata)
    : metadata.size > 0 ? fromMetadata(columns, options.sensitive, metadata)
      : inferred(table, options.sensitive ?? [], distinctOf)
  const both = roles.quasiIdentifiers.filter(c => roles.sensitive.includes(c))
  if (both.length > 0) {
    throw new RiskcheckError('E_ROLES', `column ${quote(both[0])} is both a quasi-identifier and sensitive`,
      'name each column in only one of --qi and --sensitive')
  }
  if (roles.quasiIdentifiers.length === 0) {
    throw new RiskcheckError('E_ROLES', `no quasi-identifier columns in ${source} (columns: ${columns.join(', ')})`,
      'name them with --qi')
  }
  return roles
}

function checkNames(names: string[], columns: string[], source: string, flag: string): void {
  for (const [i, name] of names.entries()) {
    if (!columns.includes(name)) {
      throw new RiskcheckError('E_COLUMN', `column ${quote(name)} not found in ${source} (columns: ${columns.join(', ')})`,
        `check the spelling in ${flag}`)
    }
    if (names.indexOf(name) !== i) throw new RiskcheckError('E_COLUMN', `column ${quote(name)} is named twice in ${flag}`)
  }
}

function metadataRoles(table: Table, source: string): Map<string, Role> {
  const roles = new Map<string, Role>()
  for (const field of table.schema.fields) {
    const role = field.metadata.get(ROLE_KEY)
    if (role === undefined) continue
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new RiskcheckError('E_METADATA', `column ${quote(field.name)} in ${source} has ${ROLE_KEY} ${quote(role)}, ` +
        `which is not a role (roles: ${ROLES.join(', ')})`, 'fix the metadata, or give the roles with --qi and --sensitive')
    }
    roles.set(field.name, role as Role)
  }
  return roles
}

function fromOptions(qi: string[], sensitive: string[] | undefined, metadata: Map<string, Role>): Roles {
  const sens = sensitive ?? [...metadata].filter(([c, r]) => r === 'sensitive' && !qi.includes(c)).map(([c]) => c)
  return { quasiIdentifiers: qi, sensitive: sens, source: 'options', unused: [] }
}

function fromMetadata(columns: string[], sensitive: string[] | undefined, metadata: Map<string, Role>): Roles {
  const sens = sensitive ?? columns.filter(c => metadata.get(c) === 'sensitive')
  const qi = columns.filter(c => metadata.get(c) === 'quasi-identifier' && !sens.includes(c))
  const unused = columns.filter(c => !qi.includes(c) && !sens.includes(c)).map(column => ({
    column, reason: metadata.has(column) ? `${ROLE_KEY} is ${metadata.get(column)}` : `no ${ROLE_KEY} in the file`,
  }))
  return { quasiIdentifiers: qi, sensitive: sens, source: 'metadata', unused }
}

function inferred(table: Table, sensitive: string[], distinctOf: (c: string) => number | undefined): Roles {
  const unused: Roles['unused'] = []
  const rows = table.numRows
  const qi = table.schema.fields.map(f => f.name).filter(column => {
    if (sensitive.includes(column)) return false
    const distinct = distinctOf(column)
    if (distinct === undefined) {
      unused.push({ column, reason: `its type ${table.schema.fields.find(f => f.name === column)?.type} cannot be used` })
      return false
    }
    if (rows > 1 && distinct === rows) {
      unused.push({ column, reason: `all ${rows} values are distinct: a pseudonym or identifier` })
      return false
    }
    return true
  })
  return { quasiIdentifiers: qi, sensitive, source: 'inferred', unused }
}
