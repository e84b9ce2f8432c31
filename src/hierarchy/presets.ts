// Built-in hierarchies: Belgian geography (NIS codes), birth years, Statbel age bands, amounts.
//
// Geography labels are NIS codes as text. Brussels-Capital (21000) belongs to no province, so its
// province-level class is "21000" itself. The abolished arrondissement 54000 (Mouscron, merged whole into
// 57000 on 2019-01-01) stays its own value at level 0 and joins 57000 from the province level up; commune
// codes 54xxx go to arrondissement "57000". Commune codes give their arrondissement by their first two
// digits, so a pre-2019 or pre-2025 commune code gives the arrondissement of its time (the province is exact
// for every change since 2019 except Zwijndrecht 11056, the region always).
import type { EncodedColumn } from '../types.js'
import { ABOLISHED_54000, ARRONDISSEMENTS, CHANGED_2019 } from './be-geography.js'
import type { Arrondissement } from './be-geography.js'
import type { LevelPlan } from './bind.js'
import { bandPlan, intervalPlan } from './numeric.js'
import type { HierarchySpec } from './spec.js'

type PresetSpec = Extract<HierarchySpec, { kind: 'preset' }>

const BY_CODE = new Map<string, Arrondissement>([...ARRONDISSEMENTS, ABOLISHED_54000].map(a => [a[0], a]))
const BY_PREFIX = new Map<string, string>([...BY_CODE.keys()].map(code => [code.slice(0, 2), code === '54000' ? '57000' : code]))
const CURRENT_57000 = BY_CODE.get('57000') as Arrondissement

/** Statbel 5-year age bands 0-4 ... 85-89, 90+, with 15-19 split at 18 so that the broad groups nest. */
export const AGE_BANDS = [0, 5, 10, 15, 18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
/** Broad age groups 0-17, 18-64, 65-79, 80+. */
export const AGE_GROUPS = [0, 18, 65, 80]

/** The level plan of a preset for `column`. */
export function presetPlan(spec: PresetSpec, column: EncodedColumn): LevelPlan {
  const source = `preset "${spec.preset}"`
  switch (spec.preset) {
    case 'be-arrondissement': return {
      names: ['arrondissement', 'province', 'region'],
      source,
      generalise: value => { const a = BY_CODE.get(value); return a && [...parentsOf(a)] },
    }
    case 'be-commune': return {
      names: ['commune', 'arrondissement', 'province', 'region'],
      source,
      generalise(value) {
        const code = communeArrondissement(value)
        return code === undefined ? undefined : [code, ...parentsOf(BY_CODE.get(code) as Arrondissement)]
      },
    }
    case 'birth-year': {
      const bottom = spec.topCode === null ? null : spec.topCode + 1
      return bandPlan(column, { widths: [5, 10, 20], base: 0, top: null, bottom, bottomLabel: `<= ${spec.topCode}` },
        source, ['year', '5-year bands', '10-year bands', '20-year bands'])
    }
    case 'age': return intervalPlan(column, [AGE_BANDS, AGE_GROUPS], source, ['age', '5-year bands', 'age groups'])
    case 'amount': return bandPlan(column, { widths: spec.widths, base: 0, top: null, bottom: null }, source,
      ['amount', ...spec.widths.map(w => `bands of ${w}`)])
  }
}

/** Province-level class and region of an arrondissement (54000 counts as 57000). */
function parentsOf(a: Arrondissement): [string, string] {
  const b = a[0] === '54000' ? CURRENT_57000 : a
  return [b[3], b[4]]
}

/** The arrondissement of a 5-digit commune code ("46030" -> "46000", "57096" -> "57000", "54007" -> "57000"). */
function communeArrondissement(value: string): string | undefined {
  if (!/^\d{5}$/.test(value) || value.endsWith('000')) return undefined
  return BY_PREFIX.get(value.slice(0, 2))
}

/**
 * Notes for people on arrondissement codes in `labels` whose meaning changed: 54000 (abolished in 2019)
 * and 51000, 52000, 55000, 56000 (other territory before 2019).
 */
export function arrondissementNotes(labels: readonly (string | null)[]): string[] {
  const present = new Set(labels)
  const notes: string[] = []
  if (present.has('54000')) {
    notes.push('54000 Moeskroen/Mouscron was abolished on 2019-01-01 and merged whole into 57000 ' +
      'Doornik-Moeskroen/Tournai-Mouscron: it is kept apart at arrondissement level and counted with 57000 ' +
      'from province level (Hainaut 50000) up.')
  }
  const changed = CHANGED_2019.filter(code => present.has(code))
  if (changed.length > 0) {
    notes.push(`${changed.join(', ')}: these Hainaut arrondissements covered other communes before 2019-01-01; ` +
      'if the data were coded before 2019, only the province level (Hainaut 50000) is exact.')
  }
  return notes
}

/** True when there is a non-null label and every one is a known arrondissement code (current, or 54000). */
export function looksLikeArrondissement(labels: readonly (string | null)[]): boolean {
  const values = labels.filter(l => l !== null)
  return values.length > 0 && values.every(l => BY_CODE.has(l))
}

/**
 * True when there is a non-null label and every one is 5 digits, not ending in 000, whose first two digits
 * are those of a known arrondissement.
 */
export function looksLikeCommune(labels: readonly (string | null)[]): boolean {
  const values = labels.filter(l => l !== null)
  return values.length > 0 && values.every(l => communeArrondissement(l) !== undefined)
}
