// Numeric generalisation: bands of nested widths, and explicit interval edges, with top and bottom coding.
// Label convention: when every value of the column and every edge is a whole number, a class is written
// as the whole numbers it holds, "1930-1934"; otherwise as a half-open interval, "[100, 250)". Values at or
// above the top are "90+", values below the bottom "< 18" (both at every level after the original).
import type { EncodedColumn } from '../types.js'
import type { LevelPlan } from './bind.js'
import { hierarchyError } from './errors.js'

/** Options of a band hierarchy; bottomLabel replaces the default "< bottom" (the birth-year preset's "<= Y"). */
export interface BandOptions {
  widths: number[]
  base: number
  top: number | null
  bottom: number | null
  bottomLabel?: string
}

/** Bands of width w aligned on base, one level per width: v goes to [base + w*floor((v-base)/w), ... + w). */
export function bandPlan(column: EncodedColumn, o: BandOptions, source: string, names?: string[]): LevelPlan {
  const whole = wholeColumn(column) && Number.isInteger(o.base)
  const bottomLabel = o.bottomLabel ?? `< ${o.bottom}`
  return {
    names: names ?? ['value', ...o.widths.map(w => `bands of ${w}`)],
    source,
    generalise(value) {
      const v = numberOf(value, column, source)
      if (o.top !== null && v >= o.top) return o.widths.map(() => `${o.top}+`)
      if (o.bottom !== null && v < o.bottom) return o.widths.map(() => bottomLabel)
      return o.widths.map(w => {
        const lo = o.base + w * Math.floor((v - o.base) / w)
        // clip the band to what top and bottom coding leave in it
        return rangeLabel(Math.max(lo, o.bottom ?? -Infinity), Math.min(lo + w, o.top ?? Infinity), whole)
      })
    },
  }
}

/** One level per list of edges: "< first", "[a, b)" between edges, "last+". */
export function intervalPlan(column: EncodedColumn, levels: number[][], source: string, names?: string[]): LevelPlan {
  const whole = wholeColumn(column) && levels.every(edges => edges.every(Number.isInteger))
  return {
    names: names ?? ['value', ...levels.map(edges => `intervals on ${edges.join(', ')}`)],
    source,
    generalise(value) {
      const v = numberOf(value, column, source)
      return levels.map(edges => {
        if (v < edges[0]) return `< ${edges[0]}`
        if (v >= edges[edges.length - 1]) return `${edges[edges.length - 1]}+`
        const i = edges.findIndex(e => e > v)
        return rangeLabel(edges[i - 1], edges[i], whole)
      })
    },
  }
}

/** The class [lo, hi): "lo-(hi-1)" for whole numbers, else "[lo, hi)". */
function rangeLabel(lo: number, hi: number, whole: boolean): string {
  return whole ? `${lo}-${hi - 1}` : `[${lo}, ${hi})`
}

/** True when every non-null label of the column is a whole number written in decimal. */
function wholeColumn(column: EncodedColumn): boolean {
  return column.labels.every(l => l === null || /^-?\d+$/.test(l))
}

/** The number a label writes, or an error naming the column and the value. */
function numberOf(label: string, column: EncodedColumn, source: string): number {
  const v = /^\s*$/.test(label) ? NaN : Number(label)
  if (!Number.isFinite(v)) {
    throw hierarchyError(`column ${JSON.stringify(column.name)} (${column.type}) is not numeric: value ` +
      `${JSON.stringify(label)} is not a number, and its hierarchy (${source}) needs numbers`)
  }
  return v
}
