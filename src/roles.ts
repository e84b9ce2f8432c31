// Which columns are quasi-identifiers and which are sensitive: from the options, else from the Arrow
// field metadata (riskcheck.role), else inferred (every column but the sensitive ones and pseudonyms).
import type { Table } from 'apache-arrow'
import { RiskcheckError, quote } from './errors.js'
import { canEncode } from './input/encode.js'

/** The Arrow field metadata key that carries a column's role. */
export const ROLE_KEY = 'riskcheck.role'
/** The roles a column can have in the field metadata. */
export const ROLES = ['quasi-identifier', 'sensitive', 'identifier', 'ignore'] as const
export type Role = (typeof ROLES)[number]

/** Roles asked for by the user. */
export interface RoleOptions {
  qi?: string[]
  sensitive?: string[]
  /** The person column (several rows per person): never a quasi-identifier or sensitive. */
  person?: string
  /** The sampling-weight column: never a quasi-identifier or sensitive. */
  weight?: string
  /** The count column of a frequency table: never a quasi-identifier or sensitive. */
  counts?: string
}

/** The roles used, where they came from, and the columns left out with the reason. */
export interface Roles {
  quasiIdentifiers: string[]
  sensitive: string[]
  /** options: --qi; metadata: riskcheck.role in the file; inferred: every column but pseudonyms. */
  source: 'options' | 'metadata' | 'inferred'
  unused: { column: string; reason: string }[]
  /** What the user should know about the roles: columns left out without a role that riskcheck could not
   * have used anyway. */
  warnings: string[]
}

/**
 * Resolve the roles of the columns of `table`.
 * @param distinctOf number of distinct values of a column (called only when roles are inferred, and
 *   only for columns whose type can be encoded)
 * @param source name of the file or table, for messages
 */
export function resolveRoles(table: Table, options: RoleOptions, distinctOf: (column: string) => number,
  source = 'the table'): Roles {
  const columns = table.schema.fields.map(f => f.name)
  checkNames(options.qi ?? [], columns, source, '--qi')
  checkNames(options.sensitive ?? [], columns, source, '--sensitive')
  const reserved = [[options.person, 'the person column (--person)', '--person'], [options.weight, 'the weight column (--weight)', '--weight'],
    [options.counts, 'the count column (--counts)', '--counts']]
    .filter((r): r is string[] => r[0] !== undefined)
  for (const [column, , flag] of reserved) checkNames([column], columns, source, flag)
  const metadata = metadataRoles(table, source)
  const roles = options.qi ? fromOptions(table, options.qi, options.sensitive, metadata)
    : metadata.size > 0 ? fromMetadata(table, options.sensitive, metadata, source)
      : inferred(table, options.sensitive ?? [], distinctOf, source, reserved.map(r => r[0]))
  for (const [column, what] of reserved) reservedRole(roles, column, what)
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

/** A column with a role of its own (person, weight) is left out of the roles, and says why; naming it a
 * quasi-identifier or sensitive is refused. */
function reservedRole(roles: Roles, column: string, what: string): void {
  if (roles.quasiIdentifiers.includes(column) || roles.sensitive.includes(column)) {
    const role = roles.quasiIdentifiers.includes(column) ? 'a quasi-identifier' : 'sensitive'
    throw new RiskcheckError('E_ROLES', `column ${quote(column)} is ${what} and ${role} (${roles.source === 'options' ? 'as given' : 'in the metadata'})`,
      'leave it out of the other roles')
  }
  const at = roles.unused.findIndex(u => u.column === column)
  const entry = { column, reason: what.replace(/ \((--\w+)\)$/, ', $1') }
  if (at >= 0) roles.unused[at] = entry
  else roles.unused.push(entry)
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

function fromOptions(table: Table, qi: string[], sensitive: string[] | undefined, metadata: Map<string, Role>): Roles {
  const sens = sensitive ?? [...metadata].filter(([c, r]) => r === 'sensitive' && !qi.includes(c)).map(([c]) => c)
  const unused = table.schema.fields.filter(f => !qi.includes(f.name) && !sens.includes(f.name)).map(f => ({
    column: f.name, reason: 'not named in --qi/--sensitive' + (canEncode(f.type) ? '' : `; type ${f.type} cannot be encoded`),
  }))
  return { quasiIdentifiers: qi, sensitive: sens, source: 'options', unused, warnings: [] }
}

function fromMetadata(table: Table, sensitive: string[] | undefined, metadata: Map<string, Role>, source: string): Roles {
  const fields = table.schema.fields
  const sens = sensitive ?? fields.filter(f => metadata.get(f.name) === 'sensitive').map(f => f.name)
  const qi = fields.filter(f => metadata.get(f.name) === 'quasi-identifier' && !sens.includes(f.name)).map(f => f.name)
  const unused: Roles['unused'] = []
  const warnings: string[] = []
  for (const { name: column, type } of fields) {
    if (qi.includes(column) || sens.includes(column)) continue
    if (metadata.has(column)) { unused.push({ column, reason: `${ROLE_KEY} is ${metadata.get(column)}` }); continue }
    if (canEncode(type)) { unused.push({ column, reason: `no ${ROLE_KEY} in the file` }); continue }
    unused.push({ column, reason: `no ${ROLE_KEY} in the file; type ${type} cannot be encoded` })
    warnings.push(`column ${quote(column)} in ${source} has no ${ROLE_KEY} and type ${type}, which riskcheck cannot encode: ` +
      'if an outsider could know it, the figures understate the risk')
  }
  return { quasiIdentifiers: qi, sensitive: sens, source: 'metadata', unused, warnings }
}

/** Every column but the sensitive ones and pseudonyms. A column riskcheck cannot encode might be a
 * quasi-identifier, and leaving it out could pass a file that should fail: refused, the user names the roles. */
function inferred(table: Table, sensitive: string[], distinctOf: (c: string) => number, source: string, reserved: string[]): Roles {
  const unusable = table.schema.fields.filter(f => !sensitive.includes(f.name) && !reserved.includes(f.name) && !canEncode(f.type))
  if (unusable.length === 1) {
    const [{ name, type }] = unusable
    throw new RiskcheckError('E_TYPE', `column ${quote(name)} in ${source} has type ${type}, which riskcheck cannot encode, ` +
      'and the roles are inferred: it might be a quasi-identifier, and leaving it out could pass a file that should fail',
    `name the quasi-identifiers with --qi (and --sensitive), or give the column ${ROLE_KEY} "ignore" in the file's metadata`)
  }
  if (unusable.length > 1) {
    throw new RiskcheckError('E_TYPE', `columns ${unusable.map(f => `${quote(f.name)} (${f.type})`).join(', ')} in ${source} ` +
      'have types riskcheck cannot encode, and the roles are inferred: they might be quasi-identifiers, and leaving them ' +
      'out could pass a file that should fail',
    `name the quasi-identifiers with --qi (and --sensitive), or give the columns ${ROLE_KEY} "ignore" in the file's metadata`)
  }
  const unused: Roles['unused'] = []
  const warnings: string[] = []
  const rows = table.numRows
  const qi = table.schema.fields.map(f => f.name).filter(column => {
    if (sensitive.includes(column) || reserved.includes(column)) return false
    if (rows > 1 && distinctOf(column) === rows) {
      unused.push({ column, reason: `all ${rows} values are distinct: a pseudonym or identifier` })
      // a small table can hold a real quasi-identifier with distinct values (birth years of 30 people)
      warnings.push(`column ${quote(column)} is left out as a pseudonym because its ${rows} values are all distinct; ` +
        'if an outsider could know it, every record is unique: name the quasi-identifiers with --qi')
      return false
    }
    return true
  })
  return { quasiIdentifiers: qi, sensitive, source: 'inferred', unused, warnings }
}
