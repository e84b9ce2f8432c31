// What the proposal says of a node: its coding in figures, the record kept in the coded table's metadata,
// and the check that the coded table measured from its rows agrees with the search.
import { RiskcheckError } from '../errors.js'
import type { Candidate } from '../lattice/search.js'
import type { Metric } from '../lattice/metrics.js'
import type { CodingRecord, RiskResult } from '../types.js'
import { VERSION } from '../version.js'
import type { ChosenHierarchy } from './hierarchies.js'
import type { Judged } from './lattice.js'
import type { Coding, ColumnCoding } from './types.js'

/**
 * A node in figures; `records[j][code]`: the records with each original code of quasi-identifier j. An example
 * class is given when it holds at least `k` records and two values or more (`k` null: no example, as when k
 * counts persons).
 */
export function coding(c: Candidate<Judged>, chosen: ChosenHierarchy[], metric: Metric, n: number, records: Float64Array[],
  k: number | null): Coding {
  const { figures, metrics } = c.figures
  const kept = n - figures.suppressed
  const columns = chosen.map((h, j): ColumnCoding => ({
    column: h.hierarchy.column, hierarchy: h.source, assumed: h.assumed, levelNames: h.hierarchy.levelNames,
    level: c.levels[j], levelName: h.hierarchy.levelNames[c.levels[j]], example: k === null ? null : commonest(h, c.levels[j], records[j], k),
    loss: metrics.columns[j].loss, precision: metrics.columns[j].precision,
  }))
  return {
    columns,
    levels: Object.fromEntries(columns.map(col => [col.column, col.level])),
    suppressed: figures.suppressed,
    suppressedShare: figures.suppressed / n,
    informationLoss: { metric, ...metrics },
    classes: figures.classes - figures.failingClasses,
    minClassSize: figures.minKeptClassSize,
    averageProsecutor: kept > 0 ? (figures.classes - figures.failingClasses) / kept : 0,
  }
}

/**
 * The label of the class with the most records at `level`, among those of two values or more and k records
 * or more (a class of one value would name that value), given the records with each original code.
 */
function commonest(h: ChosenHierarchy, level: number, records: Float64Array, k: number): string | null {
  const map = h.hierarchy.maps[level]
  const classRecords = new Float64Array(h.hierarchy.labels[level].length)
  const values = new Uint32Array(classRecords.length)
  records.forEach((r, code) => {
    if (r <= 0) return
    classRecords[map[code]] += r
    values[map[code]]++
  })
  let best = -1
  classRecords.forEach((r, g) => { if (values[g] >= 2 && r >= k && (best < 0 || r > classRecords[best])) best = g })
  return best < 0 ? null : h.hierarchy.labels[level][best] ?? null
}

/** What the schema metadata of a coded table records (key riskcheck.coding): enough to redo the coding. */
export function codingRecord(t: Coding, before: RiskResult, maxSuppression: number, suppress: 'remove' | 'mark'): CodingRecord {
  return {
    riskcheck: VERSION,
    source: before.source,
    rows: before.rows,
    k: before.k,
    maxProsecutorRisk: before.maxProsecutorRisk,
    l: before.l,
    lByColumn: before.lByColumn,
    maxSuppression,
    metric: t.informationLoss.metric,
    suppress,
    suppressed: t.suppressed,
    columns: t.columns.map(c => ({ column: c.column, hierarchy: c.hierarchy, level: c.level, levelName: c.levelName })),
  }
}

/**
 * The coded table, measured from its rows, must agree with what the search computed on the tuples; marked
 * records ("*" everywhere) form one more class.
 */
export function checkAgreement(t: Coding, a: RiskResult, rows: number, suppress: 'remove' | 'mark'): void {
  const marked = suppress === 'mark' && t.suppressed > 0
  const rowsAfter = suppress === 'mark' ? rows : rows - t.suppressed
  const classes = t.classes + (marked ? 1 : 0)
  const smallest = marked ? Math.min(t.minClassSize || Infinity, t.suppressed) : t.minClassSize
  if (a.rows !== rowsAfter || a.classes !== classes || a.minClassSize !== smallest || !a.meetsThreshold) {
    throw new RiskcheckError('E_KERNEL', `the coded table (${a.rows} rows, ${a.classes} classes, smallest ${a.minClassSize}) ` +
      `does not agree with the search (${rowsAfter} rows, ${classes} classes, smallest ${smallest}); this is a bug in riskcheck`)
  }
}

