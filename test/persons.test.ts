// Several rows per person: classes counted in persons, a person's risk over their rows, the history model,
// and the generalisation search judging persons; hand-worked figures, a brute-force reference, properties.
import { tableToIPC } from 'apache-arrow'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { anonymise } from '../src/anonymise/index.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { expectOneLineError, runCli, tempFile, textTable } from './helpers.js'

// Six persons, eleven rows, quasi-identifiers (birth year, arrondissement):
//   p1: (1950, A) (1950, B)      moved
//   p2: (1950, A) (1950, A)      two rows, one tuple
//   p3: (1950, A)
//   p4: (1960, B) x 3
//   p5: (1960, B)
//   p6: (1950, A) (1960, B)
// Classes: (1950, A) 5 rows, 4 persons (p1 p2 p3 p6); (1950, B) 1 row, 1 person (p1); (1960, B) 5 rows, 3 persons (p4 p5 p6).
const rows = [
  ['p1', '1950', 'A'], ['p1', '1950', 'B'], ['p2', '1950', 'A'], ['p2', '1950', 'A'], ['p3', '1950', 'A'],
  ['p4', '1960', 'B'], ['p4', '1960', 'B'], ['p4', '1960', 'B'], ['p5', '1960', 'B'], ['p6', '1950', 'A'], ['p6', '1960', 'B'],
]
const names = ['pid', 'birth', 'arr']
const options = { qi: ['birth', 'arr'], person: 'pid' }

describe.each([['WebAssembly', undefined], ['reference', referenceKernels]] as const)('hand-worked figures (%s kernels)', (_, kernels) => {
  test('classes in persons, a person\'s risk the highest over their rows', () => {
    const r = analyse(textTable(names, rows), { ...options, k: 4, history: true, kernels })
    expect(r.rows).toBe(11)
    expect(r.minClassSize).toBe(1)
    const p = r.persons
    expect(p).not.toBeNull()
    expect(p?.persons).toBe(6)
    expect(p?.minClassPersons).toBe(1)
    expect(p?.uniquePersons).toBe(1) // p1, alone in (1950, B)
    // smallest class of each person, in persons: p1 1, p2 4, p3 4, p4 3, p5 3, p6 3; below 4: p1 p4 p5 p6
    expect(p?.personsBelowK).toBe(4)
    expect(p?.prosecutor.highest).toBe(1)
    // (1 + 1/4 + 1/4 + 1/3 + 1/3 + 1/3) / 6 = 2.5 / 6
    expect(p?.prosecutor.average).toBeCloseTo(2.5 / 6, 12)
  })

  test('history: each person\'s set of tuples as one quasi-identifier', () => {
    const p = analyse(textTable(names, rows), { ...options, k: 3, history: true, kernels }).persons
    // {A50, B50}: p1; {A50}: p2 p3; {B60}: p4 p5; {A50, B60}: p6 -> 4 histories, p1 and p6 unique
    expect(p?.history).toEqual({ histories: 4, minPersons: 1, uniquePersons: 2, personsBelowK: 6 })
    // p6 is in no class of one person, yet unique by history
    expect(p?.uniquePersons).toBe(1)
  })
})

describe('the verdict counts persons', () => {
  // rows: (A) 4 rows of 3 persons, (B) 4 rows of 2 persons: 4-anonymous in rows, 2 in persons
  const twice = [['q1', 'A'], ['q1', 'A'], ['q2', 'A'], ['q3', 'A'], ['q4', 'B'], ['q4', 'B'], ['q4', 'B'], ['q5', 'B']]
  const table = textTable(['pid', 'arr'], twice)

  test('a file k-anonymous in rows can fail in persons', () => {
    expect(analyse(table, { qi: ['arr'], k: 4 }).meetsThreshold).toBe(true)
    const r = analyse(table, { qi: ['arr'], k: 4, person: 'pid' })
    expect(r.meetsThreshold).toBe(false)
    expect(r.checks[0]).toEqual({ criterion: 'k-anonymity', column: 'pid', threshold: 4, value: 2, met: false })
    expect(r.roles.unused).toContainEqual({ column: 'pid', reason: 'the person column, --person' })
  })

  test('the search judges persons: the proposal has k persons in every class kept', () => {
    const r = anonymise(table, { qi: ['arr'], k: 3, person: 'pid', maxSuppression: 0 })
    expect(r.transformation?.levels).toEqual({ arr: 1 }) // (A) has 3 persons, (B) 2: only "*" (5 persons) works
    expect(r.after?.persons?.minClassPersons).toBe(5)
    expect(r.after?.meetsThreshold).toBe(true)
    const suppressing = anonymise(table, { qi: ['arr'], k: 3, person: 'pid', maxSuppression: 0.5 })
    expect(suppressing.transformation?.levels).toEqual({ arr: 0 }) // (B) removed: 4 rows of 8
    expect(suppressing.transformation?.suppressed).toBe(4)
    expect(suppressing.after?.persons).toMatchObject({ persons: 3, minClassPersons: 3 })
  })
})

/** Person figures worked out from the rows with Sets: the obvious computation. */
function bruteForce(data: string[][], k: number) {
  const classOf = (row: string[]) => row.slice(1).join('\u0000')
  const personsIn = new Map<string, Set<string>>()
  for (const row of data) {
    const set = personsIn.get(classOf(row)) ?? new Set<string>()
    set.add(row[0])
    personsIn.set(classOf(row), set)
  }
  const persons = [...new Set(data.map(r => r[0]))]
  const smallest = new Map(persons.map(p => [p, Math.min(...data.filter(r => r[0] === p).map(r => personsIn.get(classOf(r))?.size ?? 0))]))
  const historyOf = (p: string) => [...new Set(data.filter(r => r[0] === p).map(classOf))].sort().join('\u0001')
  const sharing = new Map<string, number>()
  for (const p of persons) sharing.set(historyOf(p), (sharing.get(historyOf(p)) ?? 0) + 1)
  return {
    persons: persons.length,
    minClassPersons: Math.min(...[...personsIn.values()].map(s => s.size)),
    uniquePersons: persons.filter(p => smallest.get(p) === 1).length,
    personsBelowK: persons.filter(p => (smallest.get(p) as number) < k).length,
    average: persons.reduce((sum, p) => sum + 1 / (smallest.get(p) as number), 0) / persons.length,
    history: {
      histories: sharing.size,
      minPersons: Math.min(...sharing.values()),
      uniquePersons: persons.filter(p => sharing.get(historyOf(p)) === 1).length,
      personsBelowK: persons.filter(p => (sharing.get(historyOf(p)) as number) < k).length,
    },
  }
}

const randomRows = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })),
  { minLength: 1, maxLength: 60 }).map(rs => rs.map(([p, a, b]) => [`p${p}`, `a${a}`, `b${b}`]))

describe('against the brute force, on random tables', () => {
  test('persons, classes, uniques, risk and histories agree; the row figures bound the person figures', () => {
    fc.assert(fc.property(randomRows, fc.integer({ min: 1, max: 5 }), (data, k) => {
      const r = analyse(textTable(['pid', 'a', 'b'], data), { qi: ['a', 'b'], person: 'pid', k, history: true })
      const want = bruteForce(data, k)
      const p = r.persons
      expect(p).toMatchObject({ persons: want.persons, minClassPersons: want.minClassPersons, uniquePersons: want.uniquePersons,
        personsBelowK: want.personsBelowK, history: want.history })
      expect(p?.prosecutor.average).toBeCloseTo(want.average, 12)
      // a class never holds more persons than rows; a person unique in a class is unique by history too
      expect(p?.minClassPersons).toBeLessThanOrEqual(r.minClassSize)
      expect(p?.history?.uniquePersons).toBeGreaterThanOrEqual(p?.uniquePersons ?? 0)
      expect(p?.persons).toBe(new Set(data.map(row => row[0])).size)
    }), { numRuns: 150 })
  })

  test('more rows for a person already there never lowers a class\'s person count, nor raises the person count', () => {
    fc.assert(fc.property(randomRows, fc.integer({ min: 0, max: 59 }), (data, at) => {
      const copy = data[at % data.length]
      const more = [...data, [copy[0], 'a0', 'b0']]
      const before = analyse(textTable(['pid', 'a', 'b'], data), { qi: ['a', 'b'], person: 'pid', k: 2 }).persons
      const after = analyse(textTable(['pid', 'a', 'b'], more), { qi: ['a', 'b'], person: 'pid', k: 2 }).persons
      expect(after?.persons).toBe(before?.persons)
      const wantMore = bruteForce(more, 2)
      expect(after?.minClassPersons).toBe(wantMore.minClassPersons)
    }), { numRuns: 100 })
  })

  test('the search with a person column: every proposal has k persons in each class kept', () => {
    fc.assert(fc.property(randomRows, fc.integer({ min: 1, max: 4 }), (data, k) => {
      const r = anonymise(textTable(['pid', 'a', 'b'], data), { qi: ['a', 'b'], person: 'pid', k, maxSuppression: 0.3 })
      if (r.after) {
        expect(r.after.persons?.minClassPersons).toBeGreaterThanOrEqual(k)
        expect(r.after.meetsThreshold).toBe(true)
      } else if (r.reason === null || r.reason === 'impossible') {
        // impossible: even "*" everywhere (every row in one class) with the allowed suppression has fewer than k persons
        expect(new Set(data.map(row => row[0])).size < k || r.reason === 'impossible').toBe(true)
      } else {
        expect(r.reason).toBe('met')
        expect(r.before.persons?.minClassPersons).toBeGreaterThanOrEqual(k)
      }
    }), { numRuns: 100 })
  })
})

describe('--person on the command line', () => {
  const file = tempFile('persons.arrow', tableToIPC(textTable(names, rows), 'file'))
  test('prints the persons, and the history with --history', async () => {
    const r = await runCli(file, '--qi', 'birth,arr', '--person', 'pid', '--history', '--k', '2', '--no-propose')
    expect(r.code).toBe(1)
    expect(r.out).toContain('VERDICT: the file does NOT meet k = 2 persons (pid)')
    expect(r.out).toMatch(/Persons unique by their history\s*│ 2 \(33\.3 %\)/)
    const j = JSON.parse((await runCli(file, '--qi', 'birth,arr', '--person', 'pid', '--k', '2', '--json', '--no-propose')).out)
    expect(j.persons).toMatchObject({ column: 'pid', persons: 6, minClassPersons: 1, history: null })
  })

  test('refuses --history alone, a person column with nulls or in another role, and --suppress mark', async () => {
    expectOneLineError(await runCli(file, '--qi', 'birth,arr', '--history'), '--history needs a person column')
    expectOneLineError(await runCli(file, '--qi', 'birth,arr,pid', '--person', 'pid'), 'is the person column (--person) and a quasi-identifier')
    expectOneLineError(await runCli(file, '--qi', 'birth,arr', '--person', 'nobody'), 'column "nobody" not found')
    const withNull = tempFile('null.arrow', tableToIPC(textTable(names, [...rows, [null as unknown as string, '1950', 'A']]), 'file'))
    expectOneLineError(await runCli(withNull, '--qi', 'birth,arr', '--person', 'pid'), 'the person column "pid"', 'has 1 null value')
    expectOneLineError(await runCli(file, '--qi', 'birth,arr', '--person', 'pid', '--suppress', 'mark', '--max-suppression', '10%'),
      '--suppress mark cannot be combined with --person')
  })
})
