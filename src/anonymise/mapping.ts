// The value mapping of a coding: each original value of a quasi-identifier, the class it is published as, and
// its records in the input, so that a data manager can apply the same coding elsewhere.
import type { EncodedColumn } from '../types.js'
import type { ChosenHierarchy } from './hierarchies.js'

/** One original value and the class it is published as (null: the null value). */
export interface ValueMapping {
  value: string | null
  published: string | null
  /** Records (or, with a person column, distinct persons) with this value in the input, suppressed ones included. */
  records: number
}

/** The mapping of one quasi-identifier at the level a coding applies. */
export interface ColumnMapping {
  column: string
  level: number
  levelName: string
  /** What `records` counts: records, or distinct persons with a person column. */
  unit: 'records' | 'persons'
  /** Every value present in the input, ordered by published class, then value (numbers by their value). */
  values: ValueMapping[]
  /**
   * Each published class's records or distinct persons in the input (by class label; the null class under
   * the key null): with persons, not the sum of its values' persons, as one person may hold several values.
   */
  classTotals: Map<string | null, number>
}

const order = new Intl.Collator('en', { numeric: true }).compare
const compare = (a: string | null, b: string | null) => a === b ? 0 : a === null ? 1 : b === null ? -1 : order(a, b)

/**
 * The mapping of quasi-identifier `column` (its hierarchy `chosen`) at `level`; `records[code]`: the records
 * with each original code, or with a person column (`unit` persons) the distinct persons, and then
 * `classPersons[class]` the distinct persons of each class of the level.
 */
export function columnMapping(column: EncodedColumn, chosen: ChosenHierarchy, level: number, records: Float64Array,
  unit: 'records' | 'persons' = 'records', classPersons?: Float64Array): ColumnMapping {
  const map = chosen.hierarchy.maps[level]
  const published = chosen.hierarchy.labels[level]
  const values: ValueMapping[] = []
  const classTotals = new Map<string | null, number>()
  records.forEach((r, code) => {
    if (r <= 0) return
    const label = published[map[code]] ?? null
    values.push({ value: column.labels[code], published: label, records: r })
    classTotals.set(label, classPersons ? classPersons[map[code]] : (classTotals.get(label) ?? 0) + r)
  })
  values.sort((a, b) => compare(a.published, b.published) || compare(a.value, b.value))
  return { column: column.name, level, levelName: chosen.hierarchy.levelNames[level], unit, values, classTotals }
}
