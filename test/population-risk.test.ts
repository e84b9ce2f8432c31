// The population models fed with a table's classes, from the library and the command line: ARX's published
// Adult figures, sampling weights and a population table worked by hand, and the errors.
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { readArrow } from '../src/input/arrow.js'
import { expectOneLineError, runCli, tempFile } from './helpers.js'

const ADULT = 'datasets/adult.arrow'
const ALL_NINE = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation', 'salary-class']

describe('population uniques on Adult, all nine columns as quasi-identifiers (ARX TestRiskMetrics.testDecisionRule2)', () => {
  test.each([
    [0.01, 0.1446083531167384, 'pitman'],
    [0.1, 0.27684993883653597, 'pitman'],
  ])('sampling fraction %s: ARX reports %s', (pi, arx, estimator) => {
    const r = analyse(readArrow(ADULT), { qi: ALL_NINE, sensitive: [], samplingFraction: pi })
    expect(r.sampleUniques).toBe(15_512)
    expect(r.population?.uniqueness.share).toBeCloseTo(arx, 9)
    expect(r.population?.uniqueness.estimator).toBe(estimator)
    expect(r.population?.populationSize).toBeCloseTo(30_162 / pi, 6)
  })

  test('the same from the command line, in the summary and the JSON', async () => {
    const args = [ADULT, '--qi', ALL_NINE.join(','), '--sampling-fraction', '1%', '--no-propose']
    expect((await runCli(...args)).out).toMatch(/Population uniques, estimated \(Dankar et al\.\)\s*│ 436,168 \(14\.5 %; pitman\)/)
    const j = JSON.parse((await runCli(...args, '--json')).out)
    expect(j.population.uniqueness.share).toBeCloseTo(0.1446083531167384, 9)
    expect(j.population.samplingFraction).toBe(0.01)
  })
})

describe('sampling weights, worked by hand', () => {
  // region A: one record of weight 4 (f = 1, F^ = 4); region B: two records, weights 3 and 5 (f = 2, F^ = 8).
  //   A: p = 1/4, r = p/(1-p) ln(1/p) = (1/3) ln 4 = 0.462098
  //   B: p = 2/8 = 1/4, r = p/(1-p) - (p/(1-p))^2 ln(1/p) = 1/3 - (1/9) ln 4 = 0.179300
  //   ER = 0.462098 + 2 x 0.179300 = 0.820698; global risk ER / 3; sampling fraction 3 / 12.
  const table = new Table({
    region: vectorFromArray(['A', 'B', 'B'], new Utf8()),
    w: vectorFromArray([4, 3, 5], new Float64()),
  })

  test('individual risk, expected re-identifications, the sampling fraction from the weights', () => {
    const p = analyse(table, { qi: ['region'], weight: 'w', k: 2 }).population
    const a = Math.log(4) / 3
    const b = 1 / 3 - Math.log(4) / 9
    expect(p?.samplingFraction).toBe(0.25)
    expect(p?.weight).toBe('w')
    expect(p?.individual.highest).toBeCloseTo(a, 12)
    expect(p?.individual.expectedReidentifications).toBeCloseTo(a + 2 * b, 12)
    expect(p?.individual.globalRisk).toBeCloseTo((a + 2 * b) / 3, 12)
    expect(p?.journalist).toBeNull()
  })

  test('without weights every record weighs 1 / sampling fraction; a census gives 1 / f', () => {
    const census = analyse(table, { qi: ['region'], samplingFraction: 1, k: 2 }).population
    // f = 1: 1; f = 2: 1/2 each -> ER = 1 + 2 x 1/2 = 2
    expect(census?.individual).toEqual({ highest: 1, expectedReidentifications: 2, globalRisk: 2 / 3 })
    expect(census?.uniqueness).toMatchObject({ uniques: 1, estimator: 'none' })
    expect(analyse(table, { qi: ['region'], k: 2 }).population).toBeNull()
  })

  test('weights below 1, or missing, are refused with the row', async () => {
    const bad = tempFile('w.arrow', tableToIPC(new Table({
      region: vectorFromArray(['A', 'B'], new Utf8()), w: vectorFromArray([2, 0.5], new Float64()),
    }), 'file'))
    expectOneLineError(await runCli(bad, '--qi', 'region', '--weight', 'w'), 'the weight column "w"', 'the value "0.5" in row 2', 'at least 1')
    expectOneLineError(await runCli(bad, '--qi', 'region', '--weight', 'nope'), 'column "nope" not found')
    expectOneLineError(await runCli(bad, '--qi', 'region,w', '--weight', 'w'), 'the weight column (--weight) and a quasi-identifier')
    expectOneLineError(await runCli(bad, '--qi', 'region', '--sampling-fraction', '0'), '--sampling-fraction must be above 0')
  })
})

describe('journalist and marketer risk against a population table, worked by hand', () => {
  // sample: region A 2 records, B 1 (age is a quasi-identifier the population table does not count by)
  // population: A 10, B 4 -> journalist 1/F: A 0.1, B 0.25; highest 0.25, lowest 0.1;
  // k = 5: at risk when 1/F > 0.2: B's 1 record of 3; marketer (2/10 + 1/4) / 3 = 0.15
  const sample = () => new Table({
    region: vectorFromArray(['A', 'A', 'B'], new Utf8()),
    age: vectorFromArray([30, 40, 50], new Int32()),
  })
  const population = (rows: [string, number][]) => new Table({
    region: vectorFromArray(rows.map(r => r[0]), new Utf8()),
    count: vectorFromArray(rows.map(r => r[1]), new Int32()),
  })

  test('from the library', () => {
    const p = analyse(sample(), { qi: ['region', 'age'], k: 5, samplingFraction: 0.5,
      population: { table: population([['A', 10], ['B', 4], ['C', 7]]), name: 'residents' } }).population
    expect(p?.journalist).toEqual({ table: 'residents', columns: ['region'], highest: 0.25, lowest: 0.1,
      recordsAtRisk: expect.closeTo(1 / 3, 12), marketer: expect.closeTo(0.15, 12) })
  })

  test('from the command line; a combination the table does not count, or a count below the sample\'s, is refused', async () => {
    const file = tempFile('sample.arrow', tableToIPC(sample(), 'file'))
    const residents = tempFile('residents.arrow', tableToIPC(population([['A', 10], ['B', 4]]), 'file'))
    const j = JSON.parse((await runCli(file, '--qi', 'region,age', '--k', '5', '--population', residents, '--no-propose', '--json')).out)
    expect(j.population.journalist.highest).toBe(0.25)
    // no fraction given: the population table's total (14 persons) is the population
    expect(j.population.samplingFraction).toBeCloseTo(3 / 14, 12)
    const partial = tempFile('partial.arrow', tableToIPC(population([['A', 10]]), 'file'))
    expectOneLineError(await runCli(file, '--qi', 'region,age', '--population', partial, '--no-propose'), 'has no count for ["B"] (region)')
    const small = tempFile('small.arrow', tableToIPC(population([['A', 1], ['B', 4]]), 'file'))
    expectOneLineError(await runCli(file, '--qi', 'region,age', '--population', small, '--no-propose'),
      'counts 1 for ["A"] (region)', 'holds 2 such records')
    const wrong = tempFile('wrong.arrow', tableToIPC(new Table({ zip: vectorFromArray(['A'], new Utf8()), count: vectorFromArray([3], new Int32()) }), 'file'))
    expectOneLineError(await runCli(file, '--qi', 'region,age', '--population', wrong, '--no-propose'), '"zip" is not a quasi-identifier')
  })
})
