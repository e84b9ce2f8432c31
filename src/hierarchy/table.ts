// Explicit tables: a "map" spec (level h+1 maps the labels of level h) and ARX hierarchy files.
import type { LevelPlan } from './bind.js'
import { hierarchyError } from './errors.js'
import type { ArxHierarchy } from './arx.js'

/** A chain of tables: tables[0] maps original values, tables[h] maps the labels of level h. */
export function mapPlan(column: string, tables: Record<string, string>[], source: string): LevelPlan {
  const own = (t: Record<string, string>, key: string) => Object.hasOwn(t, key) ? t[key] : undefined
  return {
    names: ['value', ...tables.map((_, h) => `map level ${h + 1}`)],
    source,
    generalise(value) {
      const first = own(tables[0], value)
      if (first === undefined) return undefined
      const row = [first]
      for (let h = 1; h < tables.length; h++) {
        const next = own(tables[h], row[h - 1])
        if (next === undefined) {
          throw hierarchyError(`column ${JSON.stringify(column)}: map level ${h + 1} has no entry for ` +
            `${JSON.stringify(row[h - 1])} (the level-${h} class of ${JSON.stringify(value)})`)
        }
        row.push(next)
      }
      return row
    },
  }
}

/** The levels of an ARX file, as read by readArxHierarchy(). */
export function arxPlan(arx: ArxHierarchy): LevelPlan {
  return {
    names: ['value', ...Array.from({ length: arx.depth }, (_, h) => `level ${h + 1}`)],
    source: `file ${JSON.stringify(arx.source)}`,
    generalise: value => arx.rows.get(value),
  }
}
