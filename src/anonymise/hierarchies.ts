// Which hierarchy each quasi-identifier gets: the one the policy gives, or a default chosen from the
// column's name, type and values; every default is said in words (`assumed`).
import { buildHierarchy, keepOrSuppress, looksLikeArrondissement, looksLikeCommune } from '../hierarchy/index.js'
import type { BuildOptions, Hierarchy, HierarchySpec } from '../hierarchy/index.js'
import { RiskcheckError } from '../errors.js'
import type { EncodedColumn } from '../types.js'

/** A quasi-identifier's hierarchy, with where it came from in words. */
export interface ChosenHierarchy {
  hierarchy: Hierarchy
  /** What the hierarchy is: 'preset "birth-year"', 'file "edu.csv"', 'keep or suppress', ... */
  source: string
  /** True when riskcheck chose it (no spec given for the column). */
  assumed: boolean
}

/** The hierarchy of `column`: built from `spec` when given, else the default of defaultSpec(). */
export function chooseHierarchy(column: EncodedColumn, spec: HierarchySpec | undefined, options: BuildOptions): ChosenHierarchy {
  if (spec) return { hierarchy: buildHierarchy(spec, column, options), source: describeSpec(spec), assumed: false }
  const guess = defaultSpec(column)
  if (!guess) return { hierarchy: keepOrSuppress(column), source: 'keep or suppress', assumed: true }
  try {
    return { hierarchy: buildHierarchy(guess, column, options), source: describeSpec(guess), assumed: true }
  } catch (e) {
    // a guess that does not fit the data is no reason to stop: the column can still be kept or suppressed
    if (!(e instanceof RiskcheckError)) throw e
    return { hierarchy: keepOrSuppress(column), source: `keep or suppress (${describeSpec(guess)} did not fit: ${e.message})`, assumed: true }
  }
}

const BIRTH_YEAR = /birth.?year|year.?of.?birth|geboortejaar|annee.?naissance|^yob$/i
const AGE = /^(age|leeftijd)$|[_ ]age$|^age[_ ]/i
const AMOUNT = /amount|bedrag|montant|eur\b|_eur$/i
const KG1 = /^(kg1|kg2|ct1|ct2|cg1|cg2)$|^(kg|ct|cg)[12][_ ]/i

/**
 * The default spec of a quasi-identifier, or undefined for keep-or-suppress: Belgian NIS codes get the
 * geography presets, birth years 5/10/20-year bands, ages Statbel's bands, amounts classes of 50/250/1000,
 * KG1/KG2 codes their first two then first digit, other whole numbers nested bands, dates month/quarter/year.
 */
export function defaultSpec(column: EncodedColumn): HierarchySpec | undefined {
  const values = column.labels.filter((l): l is string => l !== null)
  const integer = /^U?Int/.test(column.type)
  if (looksLikeCommune(column.labels)) return { kind: 'preset', preset: 'be-commune' }
  if (looksLikeArrondissement(column.labels)) return { kind: 'preset', preset: 'be-arrondissement' }
  if (integer && BIRTH_YEAR.test(column.name)) return { kind: 'preset', preset: 'birth-year', topCode: null }
  if (integer && AGE.test(column.name)) return { kind: 'preset', preset: 'age' }
  if (/^(Decimal|Float|U?Int)/.test(column.type) && AMOUNT.test(column.name)) {
    return { kind: 'preset', preset: 'amount', widths: [50, 250, 1000] }
  }
  if (KG1.test(column.name) && values.every(v => /^\d+$/.test(v))) {
    const width = Math.max(...values.map(v => v.length))
    return { kind: 'prefix', prefix: Array.from({ length: width - 1 }, (_, i) => width - 1 - i) }
  }
  if (integer) return integerBands(values.map(Number))
  if (/^(Date|Timestamp)/.test(column.type)) return { kind: 'dates', dates: ['month', 'quarter', 'year'] }
  return undefined
}

/** Nested bands of 5, 10, 50, 100, 500, ... x 10^e, from about a hundredth of the range up to the range. */
function integerBands(values: number[]): HierarchySpec | undefined {
  if (values.length < 2) return undefined
  const range = Math.max(...values) - Math.min(...values)
  const ladder = [1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 50000, 100000, 500000, 1000000]
  const widths = ladder.filter(w => w > 1 && w >= range / 100 && w < range).slice(0, 4)
  return widths.length ? { kind: 'bands', bands: widths, base: 0, top: null, bottom: null } : undefined
}

/** A spec in words, for the output. */
export function describeSpec(spec: HierarchySpec): string {
  switch (spec.kind) {
    case 'preset': return `preset "${spec.preset}"`
    case 'bands': return `bands of ${spec.bands.join(', ')}`
    case 'intervals': return `intervals (${spec.intervals.length} levels)`
    case 'dates': return `dates to ${spec.dates.join(', ')}`
    case 'mask': return `masks ${spec.mask.join(', ')}`
    case 'prefix': return `prefixes of ${spec.prefix.join(', ')} characters`
    case 'map': return `mapping tables (${spec.map.length} levels)`
    case 'file': return `file "${spec.file}"`
  }
}
