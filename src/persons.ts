// Several rows per person (risk-definitions.md, "Several rows per person"): class sizes in distinct persons,
// a person's risk the highest over their rows, and, with the history model, each person's set of
// quasi-identifier tuples over all their rows taken as one quasi-identifier. (Spread arguments are avoided:
// the arrays here can hold millions of entries.)
import { tupleIds } from './kernels/wasm/tuple-ids.js'
import type { EncodedColumn, Kernels } from './types.js'

/** Person-level risk of a table (RiskResult.persons). */
export interface PersonRisk {
  /** The person column. */
  column: string
  /** Distinct persons. */
  persons: number
  /** Smallest number of distinct persons in a class (the k the file has, counted in persons). */
  minClassPersons: number
  /** Persons with a row in a class that holds no other person. */
  uniquePersons: number
  /** Persons with a row in a class of fewer than k persons. */
  personsBelowK: number
  /** Per person, the highest 1 / (persons in the class) over their rows: highest, and average over persons. */
  prosecutor: { highest: number; average: number }
  /** With the history model: persons grouped by their set of quasi-identifier tuples; else null. */
  history: HistoryRisk | null
}

/** Each person's set of quasi-identifier tuples over all their rows, taken as one quasi-identifier. */
export interface HistoryRisk {
  /** Distinct histories (sets of tuples). */
  histories: number
  /** Smallest number of persons sharing a history. */
  minPersons: number
  /** Persons whose history no other person has. */
  uniquePersons: number
  /** Persons whose history fewer than k persons share. */
  personsBelowK: number
}

/**
 * Person-level risk of the rows: `qi` the quasi-identifier columns, `person` the person column (no nulls),
 * k the threshold, `history` whether to compute the history model.
 */
export function personRisk(qi: EncodedColumn[], person: EncodedColumn, rows: number, k: number, history: boolean,
  kernels: Kernels): PersonRisk {
  // the distinct (tuple, person) pairs: one per person per class
  const pairs = kernels.frequencyTable([...qi, person], rows)
  const p = qi.length
  const classOf = tupleIds(pairs.codes.slice(0, p), qi.map(c => c.radix)).ids
  const personCodes = pairs.codes[p]
  const classes = classOf.reduce((m, c) => Math.max(m, c + 1), 0)
  const personsIn = new Uint32Array(classes)
  for (const c of classOf) personsIn[c]++
  // per person: the smallest class (in persons) among their rows
  const smallest = new Uint32Array(person.radix).fill(0xffffffff)
  classOf.forEach((c, t) => { smallest[personCodes[t]] = Math.min(smallest[personCodes[t]], personsIn[c]) })
  const present = smallest.filter(s => s !== 0xffffffff)
  const minClassPersons = personsIn.reduce((m, n) => Math.min(m, n), Infinity)
  return {
    column: person.name,
    persons: present.length,
    minClassPersons,
    uniquePersons: present.reduce((n, s) => n + (s === 1 ? 1 : 0), 0),
    personsBelowK: present.reduce((n, s) => n + (s < k ? 1 : 0), 0),
    prosecutor: { highest: 1 / minClassPersons, average: present.reduce((sum, s) => sum + 1 / s, 0) / present.length },
    history: history ? historyRisk(classOf, personCodes, person.radix, k) : null,
  }
}

/** Persons grouped by the set of classes of their rows. */
function historyRisk(classOf: Uint32Array, personCodes: Uint32Array, radix: number, k: number): HistoryRisk {
  const classesOf: number[][] = Array.from({ length: radix }, () => [])
  classOf.forEach((c, t) => classesOf[personCodes[t]].push(c))
  const sharing = new Map<string, number>()
  const keys = classesOf.map(cs => cs.length ? cs.sort((a, b) => a - b).join(',') : null)
  for (const key of keys) if (key !== null) sharing.set(key, (sharing.get(key) ?? 0) + 1)
  let uniquePersons = 0
  let personsBelowK = 0
  for (const key of keys) {
    if (key === null) continue
    const n = sharing.get(key) as number
    if (n === 1) uniquePersons++
    if (n < k) personsBelowK++
  }
  let minPersons = Infinity
  for (const n of sharing.values()) minPersons = Math.min(minPersons, n)
  return { histories: sharing.size, minPersons, uniquePersons, personsBelowK }
}
