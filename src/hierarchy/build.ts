// A hierarchy spec bound to the codes of one encoded column.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { EncodedColumn } from '../types.js'
import { readArxHierarchy } from './arx.js'
import { bindLevels } from './bind.js'
import type { LevelPlan } from './bind.js'
import { datePlan } from './dates.js'
import { hierarchyError } from './errors.js'
import { maskPlan, prefixPlan } from './mask.js'
import { bandPlan, intervalPlan } from './numeric.js'
import { presetPlan } from './presets.js'
import type { HierarchySpec } from './spec.js'
import { arxPlan, mapPlan } from './table.js'
import type { Hierarchy } from './types.js'

export { checkNested } from './nested.js'

/** Where relative paths in a spec start: the policy file's directory (default: the working directory). */
export interface BuildOptions {
  baseDir?: string
}

/**
 * Build the hierarchy `spec` describes for `column`, checked against every value of the column.
 * @example buildHierarchy(parseHierarchySpec({ preset: 'birth-year' }, 'birth_year'), column, {})
 */
export function buildHierarchy(spec: HierarchySpec, column: EncodedColumn, options: BuildOptions = {}): Hierarchy {
  return bindLevels(column, planOf(spec, column, options))
}

/** The two-level hierarchy of a column that is either kept as it is or suppressed: [original, "*"]. */
export function keepOrSuppress(column: EncodedColumn): Hierarchy {
  return bindLevels(column, { names: ['value'], source: 'keep or suppress', generalise: () => [] })
}

function planOf(spec: HierarchySpec, column: EncodedColumn, options: BuildOptions): LevelPlan {
  switch (spec.kind) {
    case 'preset': return presetPlan(spec, column)
    case 'bands': return bandPlan(column, { widths: spec.bands, base: spec.base, top: spec.top, bottom: spec.bottom }, 'bands')
    case 'intervals': return intervalPlan(column, spec.intervals, 'intervals')
    case 'dates': return datePlan(column, spec.dates, 'dates')
    case 'mask': return maskPlan(column, spec.mask, 'mask')
    case 'prefix': return prefixPlan(spec.prefix, 'prefix')
    case 'map': return mapPlan(column.name, spec.map, 'map')
    case 'file': return arxPlan(readArxHierarchy(readText(spec.file, column.name, options), spec.file))
  }
}

function readText(file: string, column: string, options: BuildOptions): string {
  const path = resolve(options.baseDir ?? '.', file)
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message
    throw hierarchyError(`column ${JSON.stringify(column)}: cannot read hierarchy file ${path}: ${why}`)
  }
}
