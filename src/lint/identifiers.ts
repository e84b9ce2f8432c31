// Identifier lint: columns that should not be in a coded extract at all, found from their distinct values
// (never printed): Belgian national register or BIS numbers, values all distinct, unsalted hashes, exact
// dates of birth or death, free text.
import type { EncodedColumn, IdentifierFinding } from '../types.js'

/** Share of a column's distinct values that must pass a test for the column to be flagged. */
const SHARE = 0.9
const HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i
const BIRTH_OR_DEATH = /birth|geboorte|naissance|death|overlijden|deces|décès|dod|dob|sterf/i

/**
 * Whether `value` is a Belgian national register (or BIS) number: 11 digits (dots, dashes and spaces
 * allowed between them), the last two 97 - (first nine mod 97), or for people born from 2000
 * 97 - ((2 followed by the first nine) mod 97). BIS numbers add 20 or 40 to the month; the check is the same.
 */
export function isNationalNumber(value: string): boolean {
  const digits = value.replace(/[.\- ]/g, '')
  if (!/^\d{11}$/.test(digits)) return false
  const first9 = Number(digits.slice(0, 9))
  const check = Number(digits.slice(9))
  return check === 97 - (first9 % 97) || check === 97 - ((2_000_000_000 + first9) % 97)
}

/** The findings on one encoded column of a table of `rows` rows. */
export function lintColumn(c: EncodedColumn, rows: number): IdentifierFinding[] {
  // a national number stored as a number loses its leading zeros (people born 2000-2009, ...)
  const numeric = /^(U?Int|Decimal|Float)/.test(c.type)
  const values = c.labels.filter((l): l is string => l !== null)
    .map(v => numeric && /^\d{9,10}$/.test(v) ? v.padStart(11, '0') : v)
  const share = (test: (v: string) => boolean) => values.length ? values.filter(test).length / values.length : 0
  const allDistinct = rows > 1 && c.distinct === rows && c.nulls === 0
  const found: IdentifierFinding[] = []
  const flag = (kind: IdentifierFinding['kind'], reason: string) => found.push({ column: c.name, kind, reason })
  if (share(isNationalNumber) >= SHARE) {
    flag('national-number', 'its values look like Belgian national register or BIS numbers (11 digits with a valid check)')
  } else if (values.length > 1 && share(v => HASH.test(v)) >= SHARE) {
    flag('hash', 'its values are hex strings of a hash length (32, 40 or 64): an unsalted hash of an identifier can be ' +
      'recomputed from the identifier')
  } else if (allDistinct) {
    flag('all-distinct', 'its values are all distinct: it identifies each record (a pseudonym links records to other data)')
  }
  if (/^(Date|Timestamp)/.test(c.type) && BIRTH_OR_DEATH.test(c.name)) {
    flag('exact-date', 'it holds exact dates of birth or death; publish them in classes (month, year)')
  }
  const text = /^(Utf8|LargeUtf8|Utf8View|Dictionary<.*Utf8>)/.test(c.type)
  if (text && values.length > 0 && c.distinct > rows / 2 && share(v => v.length > 40 && v.includes(' ')) >= 0.5) {
    flag('free-text', 'it holds free text, which can name people or places')
  }
  return found
}

/** One line per finding, for the summary and `warnings`. */
export function findingText(f: IdentifierFinding): string {
  return `column ${JSON.stringify(f.column)} looks like an identifier: ${f.reason}`
}
