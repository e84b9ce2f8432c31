// Date truncation: 'YYYY-MM-DD' (or an ISO timestamp, read on its UTC date) -> day, month, quarter, year.
import type { EncodedColumn } from '../types.js'
import type { LevelPlan } from './bind.js'
import { hierarchyError } from './errors.js'
import type { DateLevel } from './spec.js'

const DATE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:$|T)/

/** One level per DateLevel: "2024-05-17", "2024-05", "2024-Q2", "2024". */
export function datePlan(column: EncodedColumn, levels: DateLevel[], source: string): LevelPlan {
  return {
    names: [column.type.startsWith('Timestamp') ? 'timestamp' : 'date', ...levels],
    source,
    generalise(value) {
      const m = DATE.exec(value)
      if (!m) {
        throw hierarchyError(`column ${JSON.stringify(column.name)} (${column.type}) is not a date column: value ` +
          `${JSON.stringify(value)} is not a date (YYYY-MM-DD), and its hierarchy (${source}) needs dates`)
      }
      const [, year, month, day] = m
      return levels.map(level => truncate(level, year, month, day))
    },
  }
}

function truncate(level: DateLevel, year: string, month: string, day: string): string {
  switch (level) {
    case 'day': return `${year}-${month}-${day}`
    case 'month': return `${year}-${month}`
    case 'quarter': return `${year}-Q${Math.ceil(Number(month) / 3)}`
    case 'year': return year
  }
}
