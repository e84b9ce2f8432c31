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

/** A node in figures; `records[j][code]`: the records with each original code of quasi-identifier j. */
export function coding(c: Candidate<Judged>, chosen: ChosenHierarchy[], metric: Metric, n: number, records: Float64Array[]): Coding {
  const { figures, metrics } = c.figures
  const kept = n - figures.suppressed
  const columns = chosen.map((h, j): ColumnCoding => ({
    column: h.hierarchy.column, hierarchy: h.source, assumed: h.assumed, levelNames: h.hierarchy.levelNames,
    level: c.levels[j], levelName: h.hierarchy.levelNames[c.levels[j]], example: commonest(h, c.levels[j], records[j]),
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

/** The label of the class with the most records at `level`, given the records with each original code. */
function commonest(h: ChosenHierarchy, level: number, records: Float64Array): string | null {
  const map = h.hierarchy.maps[level]
  const classRecords = new Float64Array(h.hierarchy.labels[level].length)
  records.forEach((r, code) => { classRecords[map[code]] += r })
  const g = classRecords.reduce((best, r, i) => r > classRecords[best] ? i : best, 0)
  return h.hierarchy.labels[level][g] ?? null
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

