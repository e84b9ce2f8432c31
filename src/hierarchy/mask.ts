// Character masking for codes: fixed-position masks ('#' keeps, '*' masks) and kept prefixes.
import type { EncodedColumn } from '../types.js'
import type { LevelPlan } from './bind.js'
import { hierarchyError } from './errors.js'

/** One level per pattern: KG1 "131" with "#*#" is "1*1", with "**#" is "**1"; values must match its length. */
export function maskPlan(column: EncodedColumn, patterns: string[], source: string): LevelPlan {
  const width = patterns[0].length
  return {
    names: ['value', ...patterns.map(p => `mask ${p}`)],
    source,
    generalise(value) {
      const chars = [...value]
      if (chars.length !== width) {
        throw hierarchyError(`column ${JSON.stringify(column.name)}: value ${JSON.stringify(value)} has ` +
          `${chars.length} characters, the mask ${JSON.stringify(patterns[0])} has ${width}`,
          'a mask fits codes of one length; use "prefix" for codes of different lengths')
      }
      return patterns.map(p => chars.map((c, i) => p[i] === '#' ? c : '*').join(''))
    },
  }
}

/** One level per count n: the first n characters kept, each further one replaced by '*'. */
export function prefixPlan(counts: number[], source: string): LevelPlan {
  return {
    names: ['value', ...counts.map(n => `first ${n} character${n === 1 ? '' : 's'}`)],
    source,
    generalise(value) {
      const chars = [...value]
      return counts.map(n => chars.map((c, i) => i < n ? c : '*').join(''))
    },
  }
}
