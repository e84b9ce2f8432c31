// The risk of a sample in its population (risk-definitions.md): population uniques estimated from the sampling
// fraction, sdcMicro's individual risk with sampling weights, and journalist and marketer risk against a table
// of population counts. The models are in src/population/; this module feeds them a table's classes.
import type { Table } from 'apache-arrow'
import { concatCodes } from './anonymise/coded.js'
import { RiskcheckError, quote } from './errors.js'
import { tupleIds } from './kernels/wasm/tuple-ids.js'
import { encodeColumn } from './input/encode.js'
import { numberColumn } from './input/number-column.js'
import type { NumberRule } from './input/number-column.js'
import { individualRisk, journalistRisk, marketerRisk, populationUniqueness } from './population/index.js'
import type { PopulationUniqueness } from './population/index.js'
import type { Records } from './records.js'
import type { EncodedColumn } from './types.js'

/** A table of population counts per combination of some quasi-identifiers, and its count column. */
export interface PopulationTable {
  table: Table
  /** Its name, for messages and reports. */
  name: string
  /** The column of counts (default: "count" or "population"). */
  count?: string
}

/** What the population models say of a table (RiskResult.population). */
export interface PopulationRisk {
  /** The sampling fraction: given, or records / sum of the weights, or records / the population table's total. */
  samplingFraction: number
  /** The weight column, or null (every record then weighs 1 / samplingFraction). */
  weight: string | null
  /** N: records / samplingFraction. */
  populationSize: number
  /** Population uniques by Dankar et al.'s rule, with the estimator used and whether each solver converged. */
  uniqueness: PopulationUniqueness
  /** sdcMicro's individual risk: highest over the records, expected re-identifications, and their share. */
  individual: { highest: number; expectedReidentifications: number; globalRisk: number }
  /** With a population table: journalist and marketer risk on its quasi-identifiers; else null. */
  journalist: { table: string; columns: string[]; highest: number; lowest: number; recordsAtRisk: number; marketer: number } | null
}

export interface PopulationOptions {
  samplingFraction?: number
  weight?: string
  population?: PopulationTable
}

/**
 * Population risk of the rows whose quasi-identifiers are `qi`; k sets the threshold 1/k of the records at
 * risk. Null when no option asks for it.
 */
export function populationRisk(table: Table, qi: EncodedColumn[], records: Records, histogram: [number, number][], k: number,
  options: PopulationOptions, source: string): PopulationRisk | null {
  if (options.samplingFraction === undefined && options.weight === undefined && options.population === undefined) return null
  const n = records.n
  const weights = options.weight === undefined ? null : numberColumn(table, options.weight, source, WEIGHTS, new Float64Array(table.numRows))
  // with weights, each row's class (rows only); else the records of each class
  const classes = weights ? classesOf(qi) : { ids: null, sizes: Float64Array.from(records.tuples(qi).counts) }
  const total = weights ? weights.reduce((a, w) => a + w, 0) : null
  // without a fraction or weights, a population table gives the population's size: its total count
  const populationTotal = options.population ? totalCount(options.population) : null
  const pi = options.samplingFraction ?? (total !== null ? n / total : populationTotal !== null ? Math.min(1, n / populationTotal) : 1)
  if (!(pi > 0 && pi <= 1)) {
    throw new RiskcheckError('E_OPTION', `the sampling fraction must be above 0 and at most 1, got ${pi}` +
      (options.samplingFraction === undefined ? ` (records / sum of the weights in ${quote(options.weight)})` : ''))
  }
  const sums = new Float64Array(classes.sizes.length)
  if (weights && classes.ids) classes.ids.forEach((c, i) => { sums[c] += weights[i] })
  else classes.sizes.forEach((f, c) => { sums[c] = f / pi })
  const individual = individualRisk(classes.sizes, sums)
  return {
    samplingFraction: pi,
    weight: options.weight ?? null,
    populationSize: n / pi,
    uniqueness: populationUniqueness(histogram, pi),
    individual: {
      highest: individual.risks.reduce((m, r) => Math.max(m, r), 0),
      expectedReidentifications: individual.expectedReidentifications,
      globalRisk: individual.globalRisk,
    },
    journalist: options.population ? journalist(qi, records, options.population, k, source) : null,
  }
}

/** The sum of a population table's counts (its population), or null without a count column. */
function totalCount(p: PopulationTable): number | null {
  const names = p.table.schema.fields.map(f => f.name)
  const count = p.count ?? names.find(c => c === 'count' || c === 'population')
  const vector = count === undefined ? null : p.table.getChild(count)
  if (!vector) return null
  let sum = 0
  for (let i = 0; i < p.table.numRows; i++) sum += Number(vector.get(i)) || 0
  return sum > 0 ? sum : null
}

/** Each row's class (first seen, first numbered) and each class's records. */
function classesOf(qi: EncodedColumn[]): { ids: Uint32Array; sizes: Float64Array } {
  const { ids, count } = tupleIds(qi.map(c => concatCodes(c)), qi.map(c => c.radix))
  const sizes = new Float64Array(count)
  ids.forEach(c => { sizes[c]++ })
  return { ids, sizes }
}

/** The sampling weights: numbers of at least 1 (a record stands for itself at least), no nulls. */
const WEIGHTS: NumberRule = {
  what: 'weight', valid: w => Number.isFinite(w) && w >= 1, rule: 'sampling weights are numbers of at least 1',
  missingHint: 'check the spelling in --weight', badHint: 'fix the weights, or leave out --weight',
}

/** Journalist and marketer risk on the quasi-identifiers the population table counts by. */
function journalist(qi: EncodedColumn[], records: Records, population: PopulationTable, k: number, source: string) {
  const p = population.table
  const names = p.schema.fields.map(f => f.name)
  const count = population.count ?? names.find(c => c === 'count' || c === 'population')
  if (!count || !names.includes(count)) {
    throw new RiskcheckError('E_COLUMN', `the population table ${population.name} has no count column${count ? ` ${quote(count)}` : ''} ` +
      `(columns: ${names.join(', ')})`, 'name its counts "count" or "population"')
  }
  const columns = names.filter(c => c !== count)
  const unknown = columns.filter(c => !qi.some(q => q.name === c))
  if (unknown.length > 0 || columns.length === 0) {
    throw new RiskcheckError('E_COLUMN', `the population table ${population.name} counts by ${columns.map(c => quote(c)).join(', ') || 'no column'}, ` +
      `and ${unknown.length ? `${quote(unknown[0])} is not a quasi-identifier of ${source}` : 'needs at least one quasi-identifier'}`,
    `its columns must be some of the quasi-identifiers (${qi.map(q => q.name).join(', ')}) and a count`)
  }
  // population counts by the text of each combination
  const encoded = columns.map(c => encodeColumn(p, c, population.name))
  const counts = p.getChild(count)
  const populationOf = new Map<string, number>()
  const popCodes = encoded.map(c => concatCodes(c))
  for (let i = 0; i < p.numRows; i++) {
    const key = JSON.stringify(encoded.map((c, j) => c.labels[popCodes[j][i]]))
    const value = Number(counts?.get(i))
    if (!Number.isFinite(value) || value < 0) {
      throw new RiskcheckError('E_COLUMN', `the population table ${population.name} has the count ${quote(counts?.get(i))} in row ${i + 1}`)
    }
    if (populationOf.has(key)) {
      throw new RiskcheckError('E_COLUMN', `the population table ${population.name} counts the combination ${key} twice (row ${i + 1})`)
    }
    populationOf.set(key, value)
  }
  // the sample's classes on those quasi-identifiers
  const sampleColumns = columns.map(c => qi.find(q => q.name === c) as EncodedColumn)
  const freq = records.tuples(sampleColumns)
  const f: number[] = []
  const F: number[] = []
  freq.counts.forEach((records, t) => {
    const key = JSON.stringify(sampleColumns.map((c, j) => c.labels[freq.codes[j][t]]))
    const size = populationOf.get(key)
    if (size === undefined) {
      throw new RiskcheckError('E_COLUMN', `the population table ${population.name} has no count for ${key} ` +
        `(${columns.join(', ')}), which ${source} holds`, 'the values must be written as in the data, and every combination counted')
    }
    if (size < records) {
      throw new RiskcheckError('E_COLUMN', `the population table ${population.name} counts ${size} for ${key} (${columns.join(', ')}), ` +
        `and ${source} holds ${records} such records`, 'a population class holds its sample class: check that both count the same thing')
    }
    f.push(records)
    F.push(size)
  })
  return { table: population.name, columns, ...journalistRisk(f, F, 1 / k), marketer: marketerRisk(f, F) }
}
