// The JSON a policy file gives for one column's hierarchy, parsed into a checked HierarchySpec.
// Exactly one kind key ("preset", "bands", "intervals", "dates", "mask", "prefix", "map", "file") picks the
// builder; its other fields are the builder's options. Nesting of the levels is checked here where the spec
// alone decides it (bands, intervals, dates, mask, prefix); build.ts checks what depends on the data.
import { hierarchyError } from './errors.js'

/** The built-in hierarchies (presets.ts). */
export type PresetName = 'be-arrondissement' | 'be-commune' | 'birth-year' | 'age' | 'amount'

/** Date truncation levels, finest first. */
export type DateLevel = 'day' | 'month' | 'quarter' | 'year'

/** A parsed, checked hierarchy spec: what buildHierarchy() binds to a column. */
export type HierarchySpec =
  | { kind: 'preset'; preset: 'be-arrondissement' | 'be-commune' | 'age' }
  | { kind: 'preset'; preset: 'birth-year'; topCode: number | null }
  | { kind: 'preset'; preset: 'amount'; widths: number[] }
  | { kind: 'bands'; bands: number[]; base: number; top: number | null; bottom: number | null }
  | { kind: 'intervals'; intervals: number[][] }
  | { kind: 'dates'; dates: DateLevel[] }
  | { kind: 'mask'; mask: string[] }
  | { kind: 'prefix'; prefix: number[] }
  | { kind: 'map'; map: Record<string, string>[] }
  | { kind: 'file'; file: string }

type Kind = HierarchySpec['kind']
type Json = Record<string, unknown>

const KINDS: Kind[] = ['preset', 'bands', 'intervals', 'dates', 'mask', 'prefix', 'map', 'file']
const PRESETS: PresetName[] = ['be-arrondissement', 'be-commune', 'birth-year', 'age', 'amount']
const DATE_LEVELS: DateLevel[] = ['day', 'month', 'quarter', 'year']
/** Default widths of the amount preset, in the column's unit (EUR). */
export const AMOUNT_WIDTHS = [50, 250, 1000]

/**
 * Parse and check the hierarchy spec of one column, as found in a policy file.
 * @param column the column's name, for error messages
 * @example parseHierarchySpec({ bands: [5, 10], top: 90 }, 'age')
 */
export function parseHierarchySpec(json: unknown, column: string): HierarchySpec {
  const at = `column ${JSON.stringify(column)}: hierarchy`
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw hierarchyError(`${at} must be a JSON object, got ${show(json)}`, 'e.g. { "preset": "birth-year" }')
  }
  const obj = json as Json
  const kinds = KINDS.filter(k => k in obj)
  if (kinds.length !== 1) {
    throw hierarchyError(kinds.length === 0
      ? `${at} has none of the fields ${KINDS.map(k => `"${k}"`).join(', ')}`
      : `${at} has both "${kinds[0]}" and "${kinds[1]}"; give one`)
  }
  return parseKind(kinds[0], obj, at)
}

function parseKind(kind: Kind, obj: Json, at: string): HierarchySpec {
  switch (kind) {
    case 'preset': return parsePreset(obj, at)
    case 'bands': {
      only(obj, ['bands', 'base', 'top', 'bottom'], at)
      const bands = widths(obj.bands, 'bands', at)
      const base = whole(obj.base ?? 0, 'base', at)
      const top = obj.top == null ? null : whole(obj.top, 'top', at)
      const bottom = obj.bottom == null ? null : whole(obj.bottom, 'bottom', at)
      if (top !== null && bottom !== null && bottom >= top) {
        throw hierarchyError(`${at} "bottom" (${bottom}) must be below "top" (${top})`)
      }
      return { kind, bands, base, top, bottom }
    }
    case 'intervals': only(obj, ['intervals'], at); return { kind, intervals: intervals(obj.intervals, at) }
    case 'dates': only(obj, ['dates'], at); return { kind, dates: dates(obj.dates, at) }
    case 'mask': only(obj, ['mask'], at); return { kind, mask: masks(obj.mask, at) }
    case 'prefix': only(obj, ['prefix'], at); return { kind, prefix: prefixes(obj.prefix, at) }
    case 'map': only(obj, ['map'], at); return { kind, map: maps(obj.map, at) }
    case 'file': {
      only(obj, ['file'], at)
      if (typeof obj.file !== 'string' || obj.file === '') {
        throw hierarchyError(`${at} "file" must be a path (text), got ${show(obj.file)}`)
      }
      return { kind, file: obj.file }
    }
  }
}

function parsePreset(obj: Json, at: string): HierarchySpec {
  const preset = obj.preset as PresetName
  if (!PRESETS.includes(preset)) {
    throw hierarchyError(`${at} "preset" must be one of ${PRESETS.map(p => `"${p}"`).join(', ')}, got ${show(obj.preset)}`)
  }
  if (preset === 'birth-year') {
    only(obj, ['preset', 'topCode'], at)
    return { kind: 'preset', preset, topCode: obj.topCode == null ? null : whole(obj.topCode, 'topCode', at) }
  }
  if (preset === 'amount') {
    only(obj, ['preset', 'widths'], at)
    return { kind: 'preset', preset, widths: obj.widths == null ? AMOUNT_WIDTHS : widths(obj.widths, 'widths', at) }
  }
  only(obj, ['preset'], at)
  return { kind: 'preset', preset }
}

/** Reject fields the kind does not know (a typo would otherwise be ignored silently). */
function only(obj: Json, known: string[], at: string): void {
  const extra = Object.keys(obj).find(k => !known.includes(k))
  if (extra !== undefined) {
    throw hierarchyError(`${at} has unknown field "${extra}" (fields of this kind: ${known.join(', ')})`)
  }
}

function whole(value: unknown, field: string, at: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw hierarchyError(`${at} "${field}" must be a whole number, got ${show(value)}`)
  }
  return value
}

/** Band widths: whole numbers above 0, each a larger multiple of the previous one, so that bands nest. */
function widths(value: unknown, field: string, at: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(w => Number.isSafeInteger(w) && w > 0)) {
    throw hierarchyError(`${at} "${field}" must be a non-empty array of whole numbers above 0, got ${show(value)}`)
  }
  for (let i = 1; i < value.length; i++) {
    if (value[i] <= value[i - 1] || value[i] % value[i - 1] !== 0) {
      throw hierarchyError(`${at} "${field}" do not nest: ${value[i]} is not a larger multiple of ${value[i - 1]}`,
        'each width must be a multiple of the previous one, e.g. [5, 10, 20]')
    }
  }
  return value
}

/** Interval edges per level: ascending numbers, each level's edges a subset of the previous level's. */
function intervals(value: unknown, at: string): number[][] {
  const ok = (edges: unknown) => Array.isArray(edges) && edges.length > 0 &&
    edges.every((e, i) => Number.isFinite(e) && (i === 0 || e > edges[i - 1]))
  if (!Array.isArray(value) || value.length === 0 || !value.every(ok)) {
    throw hierarchyError(`${at} "intervals" must be a non-empty array of levels, each a non-empty array of ` +
      `ascending numbers, got ${show(value)}`, 'e.g. [[0, 100, 250, 500], [0, 250, 500]]')
  }
  const levels = value as number[][]
  for (let h = 1; h < levels.length; h++) {
    const extra = levels[h].find(e => !levels[h - 1].includes(e))
    if (extra !== undefined) {
      throw hierarchyError(`${at} "intervals" level ${h + 1} does not nest in level ${h}: its edge ${extra} ` +
        `is not an edge of level ${h}`, 'each level must use a subset of the previous level\'s edges')
    }
  }
  return levels
}

function dates(value: unknown, at: string): DateLevel[] {
  const ok = Array.isArray(value) && value.length > 0 &&
    value.every((d, i) => DATE_LEVELS.includes(d) && (i === 0 || DATE_LEVELS.indexOf(d) > DATE_LEVELS.indexOf(value[i - 1])))
  if (!ok) {
    throw hierarchyError(`${at} "dates" must list some of "day", "month", "quarter", "year" in that order, ` +
      `got ${show(value)}`, 'e.g. ["month", "quarter", "year"]')
  }
  return value as DateLevel[]
}

/** Mask patterns: '#' keeps a character, '*' masks it; each level masks what the previous one masked. */
function masks(value: unknown, at: string): string[] {
  const ok = Array.isArray(value) && value.length > 0 &&
    value.every(m => typeof m === 'string' && /^[#*]+$/.test(m) && m.length === value[0].length)
  if (!ok) {
    throw hierarchyError(`${at} "mask" must be a non-empty array of patterns of "#" (keep) and "*" (mask), ` +
      `all of one length, got ${show(value)}`, 'e.g. ["#*#", "**#"]')
  }
  const levels = value as string[]
  for (let h = 1; h < levels.length; h++) {
    const p = [...levels[h]].findIndex((c, i) => c === '#' && levels[h - 1][i] === '*')
    if (p >= 0) {
      throw hierarchyError(`${at} "mask" level ${h + 1} ("${levels[h]}") does not nest in level ${h} ` +
        `("${levels[h - 1]}"): it keeps character ${p + 1}, which level ${h} masks`)
    }
  }
  return levels
}

function prefixes(value: unknown, at: string): number[] {
  const ok = Array.isArray(value) && value.length > 0 &&
    value.every((n, i) => Number.isSafeInteger(n) && n >= 0 && (i === 0 || n < value[i - 1]))
  if (!ok) {
    throw hierarchyError(`${at} "prefix" must be a non-empty array of decreasing whole numbers (characters kept), ` +
      `got ${show(value)}`, 'e.g. [2, 1]')
  }
  return value as number[]
}

function maps(value: unknown, at: string): Record<string, string>[] {
  const isTable = (t: unknown) => typeof t === 'object' && t !== null && !Array.isArray(t) &&
    Object.values(t).every(v => typeof v === 'string')
  if (!Array.isArray(value) || value.length === 0 || !value.every(isTable)) {
    throw hierarchyError(`${at} "map" must be a non-empty array of objects from text to text, got ${show(value)}`,
      'e.g. [{ "Bachelors": "Undergraduate" }, { "Undergraduate": "Higher education" }]')
  }
  return value as Record<string, string>[]
}

/** A JSON value for a message, cut short. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? text.slice(0, 57) + '...' : text
}
