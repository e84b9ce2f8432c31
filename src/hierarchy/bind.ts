// A builder's level labels, bound to the codes of one encoded column: the Hierarchy the lattice uses.
import type { EncodedColumn } from '../types.js'
import { hierarchyError } from './errors.js'
import { checkNested } from './nested.js'
import type { Hierarchy } from './types.js'

/** What a builder gives: how to generalise one non-null value, level by level. */
export interface LevelPlan {
  /** Names of level 0 (the original) and of each level generalise() returns; a final "*" level is added. */
  names: string[]
  /** What the hierarchy is, for messages: `preset "age"`, `file "edu.csv"`. */
  source: string
  /** Labels of a non-null original value at levels 1..n, or undefined when the hierarchy does not know it. */
  generalise(value: string): string[] | undefined
}

const SHOWN = 5

/**
 * Bind a plan to the codes of `column`: one class per distinct label at each level, the null value its
 * own class (label null) at every level but the last, which is the single class "*".
 */
export function bindLevels(column: EncodedColumn, plan: LevelPlan): Hierarchy {
  const depth = plan.names.length - 1
  const rows = levelRows(column, plan, depth)
  const lastIsStar = depth > 0 && rows.every(r => r === null || r[depth - 1] === '*')
  const names = lastIsStar ? [...plan.names.slice(0, -1), '*'] : [...plan.names, '*']
  const maps: Uint32Array[] = [Uint32Array.from(column.labels, (_, code) => code)]
  const labels: (string | null)[][] = [column.labels.slice()]
  for (let h = 1; h < names.length; h++) {
    const star = h === names.length - 1
    const level = internLevel(rows.map(r => star ? '*' : r === null ? null : r[h - 1]))
    maps.push(level.map)
    labels.push(level.labels)
  }
  return checkNested({ column: column.name, levelNames: names, maps, labels })
}

/** Labels of every code at levels 1..depth (null for the null value and unused codes the plan does not know). */
function levelRows(column: EncodedColumn, plan: LevelPlan, depth: number): (string[] | null)[] {
  const missing: string[] = []
  let used: Uint8Array | undefined
  const rows = column.labels.map((label, code) => {
    if (label === null) return null
    const row = plan.generalise(label)
    if (row && row.length !== depth) throw new RangeError(`plan gave ${row.length} levels for ${label}, not ${depth}`)
    if (row) return row
    used ??= usedCodes(column)
    if (used[code]) missing.push(label)
    return null // an unused dictionary entry holds no rows: any class will do
  })
  if (missing.length > 0) {
    const shown = missing.slice(0, SHOWN).map(v => JSON.stringify(v)).join(', ')
    throw hierarchyError(`column ${JSON.stringify(column.name)}: ${missing.length} value${missing.length > 1 ? 's are' : ' is'} ` +
      `not in its hierarchy (${plan.source}): ${shown}${missing.length > SHOWN ? ', ...' : ''}`)
  }
  return rows
}

/** Dense class ids of one level, in order of first appearance over the codes. */
function internLevel(row: (string | null)[]): { map: Uint32Array; labels: (string | null)[] } {
  const ids = new Map<string | null, number>()
  const labels: (string | null)[] = []
  const map = Uint32Array.from(row, label => {
    let id = ids.get(label)
    if (id === undefined) { id = labels.length; ids.set(label, id); labels.push(label) }
    return id
  })
  return { map, labels }
}

/** 1 for each code that occurs in the column's rows. */
function usedCodes(column: EncodedColumn): Uint8Array {
  const used = new Uint8Array(column.radix)
  if (column.distinct >= column.radix) return used.fill(1)
  for (const chunk of column.chunks) for (let i = 0; i < chunk.length; i++) used[chunk[i]] = 1
  return used
}
