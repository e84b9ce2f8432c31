// The published Adult figures (../shared/datasets/adult/README.md), reproduced through the CLI's --json.
import { describe, expect, test } from 'vitest'
import { runCli } from './helpers.js'

const ADULT = new URL('../datasets/adult.arrow', import.meta.url).pathname
const json = async (...args: string[]) => JSON.parse((await runCli(ADULT, '--json', ...args)).out)

describe('Adult, 8 quasi-identifiers from the file metadata, original data', () => {
  test('18,109 classes, 14,021 sample uniques, 21,977 records below 5, average prosecutor risk 0.6004', async () => {
    const r = await json('--k', '5')
    expect(r.quasiIdentifiers).toEqual(['sex', 'age', 'race', 'marital-status', 'education', 'native-country',
      'workclass', 'occupation'])
    expect(r.sensitive).toEqual(['salary-class'])
    expect(r.rows).toBe(30_162)
    expect(r.classes).toBe(18_109)
    expect(r.sampleUniques).toBe(14_021)
    expect(r.recordsBelowK).toBe(21_977)
    expect(r.prosecutor.average).toBe(18_109 / 30_162)
    expect(r.prosecutor.average.toFixed(4)).toBe('0.6004')
    expect(r.prosecutor.highest).toBe(1)
    expect(r.meetsThreshold).toBe(false)
  })

  test('25,769 records in classes smaller than 10', async () => {
    expect((await json('--k', '10')).recordsBelowK).toBe(25_769)
  })

  test('{sex, race} with salary-class sensitive: 10 classes, k = 87, distinct l = 2, recursive c 20.75', async () => {
    const r = await json('--qi', 'sex,race', '--sensitive', 'salary-class')
    expect(r.classes).toBe(10)
    expect(r.minClassSize).toBe(87)
    expect(r.lDiversity['salary-class'].distinct).toBe(2)
    // risk-definitions.md: the published recursive (c,l) definition needs c > 20.75 here
    expect(r.lDiversity['salary-class'].recursiveC).toBe(20.75)
  })
})
