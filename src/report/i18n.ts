// The words of the report template (Strings: every label, heading and sentence, one module per language in
// lang/), and numbers formatted for each language (1,234.5 in English; 1.234,5 in Dutch and French, as
// Belgian administrations write them).
import type { Check } from '../types.js'
import { en } from './lang/en.js'
import { fr } from './lang/fr.js'
import { nl } from './lang/nl.js'
import type { Outcome } from './model.js'

export type Lang = 'en' | 'nl' | 'fr'
export const LANGS: Lang[] = ['en', 'nl', 'fr']

type Criterion = Check['criterion']
type F<A extends unknown[] = string[]> = (...args: A) => string

/** One metric of the Method section: in plain words, its formula, where it comes from. */
export interface Definition { name: string; words: string; formula: string; reference: string }

export interface Strings {
  title: string
  subtitle: F<[file: string, date: string]>
  sections: Record<'verdict' | 'analysed' | 'before' | 'coding' | 'after' | 'method', string>
  revealNotice: F<[k: string]>
  verdict: Record<Outcome, F<[metBefore: boolean, metAfter: boolean | null]>>
  head: Record<'criterion' | 'asked' | 'before' | 'after' | 'warnings' | 'fact' | 'parameters' | 'parameter' |
    'columns' | 'column' | 'type' | 'role' | 'distinct' | 'figure' | 'classSizes' | 'classSize' | 'classes' |
    'records' | 'share' | 'lDiversity' | 'distinctL' | 'entropyL' | 'homogeneous' | 'tCloseness' | 'equalDistance' |
    'orderedDistance' | 'hierarchicalDistance' | 'judged' | 'drivers' | 'leftOut' | 'coarsened' | 'smallClasses' | 'hierarchy' | 'level' | 'loss' |
    'precision' | 'assumptions' | 'notes' | 'mappings' | 'original' | 'published' | 'values' | 'alternatives' |
    'coding' | 'suppressedRecords' | 'smallest' | 'limits' | 'persons', string> & { recursiveC: F<[l: number]> }
  none: string
  met: F<[value: string, met: boolean]>
  criterion: F<[criterion: Criterion, column: string | null]>
  fact: Record<'file' | 'size' | 'records' | 'persons' | 'nulls' | 'version' | 'command' | 'generated', string>
  pop: Record<'title' | 'fraction' | 'size' | 'uniques' | 'individual' | 'expected' | 'global' | 'marketer', string> &
    { fromWeights: F<[weight: string]>; model: F<[estimator: string, pitman: boolean | null, snb: boolean | null]>;
      journalist: F<[table: string, columns: string]>; atRisk: F<[k: string]> }
  person: Record<'persons' | 'smallest' | 'unique' | 'highest' | 'average' | 'histories' | 'historyUnique', string> &
    { title: F<[column: string]>; belowK: F<[k: string]>; historyBelowK: F<[k: string]> }
  bytes: F<[n: string]>
  countedIn: F<[records: string, column: string]>
  nullsValue: string
  param: Record<'quasiIdentifiers' | 'sensitive' | 'rolesFrom' | 'maxProsecutorRisk' | 'lByColumn' | 'maxSuppression' |
    'metric' | 'suppress', string>
  rolesFrom: Record<'options' | 'metadata' | 'inferred', string>
  suppressionLimit: F<[share: string, records: string]>
  suppressHow: Record<'remove' | 'mark', string>
  role: F<[role: string, note: string | null]>
  fig: Record<'records' | 'classes' | 'smallest' | 'largest' | 'uniques' | 'highest' | 'average', string> &
    { belowK: F<[k: string]>; atRisk: F<[k: string]> }
  chartTitle: string
  bucket: F<[from: number, to: number | null]>
  noC: F<[classes: string]>
  classesRecords: F<[classes: string, records: string]>
  noDrivers: string
  driversIntro: F<[uniques: string]>
  msu: Record<'title' | 'columns' | 'records' | 'size', string> &
    { intro: F<[maxSize: string]>; more: F<[maxSize: string]>; moreSets: F<[n: string]> }
  topDriver: F<[column: string, drop: string]>
  smallClassesIntro: F<[k: string, n: string]>
  noProposal: Record<Outcome, string>
  proposalIntro: F<[evaluated: string, nodes: string, tuples: string]>
  assumed: F<[hierarchy: string]>
  level: F<[level: number, top: number | null, name: string]>
  allColumns: string
  suppressed: F<[n: string, share: string, how: 'remove' | 'mark', k: string]>
  lossNote: F<[discernibility: string]>
  mappingIntro: F<[k: string]>
  withheld: string
  folded: F<[n: string, k: string, unit: 'records' | 'persons']>
  unnamed: F<[k: string, unit: 'records' | 'persons']>
  unlisted: Record<'suppressed' | 'identifier' | 'many', F<[values: string]>>
  mappingOf: F<[column: string, level: string]>
  noAfter: string
  noAlternatives: string
  alternativesIntro: string
  methodIntro: string
  definitions: Definition[]
  limits: string[]
}

export const strings: Record<Lang, Strings> = { en, nl, fr }

/** How numbers and dates are written in a language. */
export interface Formatters {
  int(n: number): string
  /** A threshold or figure: whole numbers as int, others with up to 4 decimals. */
  num(x: number): string
  dec(x: number, digits: number): string
  pct(share: number): string
  prob(x: number): string
  date(iso: string): string
}

export function formatters(lang: Lang): Formatters {
  const locale = lang === 'en' ? 'en-GB' : 'nl-BE'
  const cache = new Map<number, Intl.NumberFormat>()
  const fixed = (digits: number) => {
    let nf = cache.get(digits)
    if (!nf) {
      nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      cache.set(digits, nf)
    }
    return nf
  }
  const upTo4 = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
  return {
    int: n => fixed(0).format(n),
    num: x => Number.isInteger(x) ? fixed(0).format(x) : upTo4.format(x),
    dec: (x, digits) => fixed(digits).format(x),
    pct: share => `${fixed(1).format(100 * share)} %`,
    prob: x => fixed(4).format(x),
    date: iso => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'),
  }
}
