// A column of numbers named by an option (--counts, --weight): every row a number that meets a rule, no nulls.
import type { Table } from 'apache-arrow'
import { RiskcheckError, quote } from '../errors.js'

/** What the column is, in the words of its errors. */
export interface NumberRule {
  /** "count", "weight": the column is called "the <what> column". */
  what: string
  /** Does a value belong in the column? */
  valid(n: number): boolean
  /** Said after a value that does not, e.g. "counts are whole numbers of records". */
  rule: string
  /** The hint when the column is missing, and when a value breaks the rule (none: no hint). */
  missingHint: string
  badHint?: string
}

/** The values of column `name` of `table` (in `source`), written into `out` (one per row). */
export function numberColumn<T extends Float64Array | Uint32Array>(table: Table, name: string, source: string,
  rule: NumberRule, out: T): T {
  const vector = table.getChild(name)
  if (!vector) {
    throw new RiskcheckError('E_COLUMN', `the ${rule.what} column ${quote(name)} is not in ${source} (columns: ` +
      `${table.schema.fields.map(f => f.name).join(', ')})`, rule.missingHint)
  }
  for (let i = 0; i < table.numRows; i++) {
    const raw = vector.get(i)
    const n = Number(raw)
    if (raw === null || !rule.valid(n)) {
      throw new RiskcheckError('E_COLUMN', `the ${rule.what} column ${quote(name)} in ${source} has ${raw === null ? 'a null' :
        `the value ${quote(raw)}`} in row ${i + 1}: ${rule.rule}`, rule.badHint)
    }
    out[i] = n
  }
  return out
}
