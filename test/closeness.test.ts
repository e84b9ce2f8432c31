// t-closeness on the example of Li, Li and Venkatasubramanian (ICDE 2007), worked again by hand.
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { equalDistance, orderedDistance } from '../src/closeness.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { runCli, tempFile } from './helpers.js'

// Salaries 3k..11k, one record each (Q uniform); classes P1 = {3k, 4k, 5k}, P2 = {6k, 8k, 11k}, P3 = {7k, 9k, 10k}.
// Ordered EMD (published): P1 0.375, P2 0.167; by hand P3 17/72 = 0.236; t = 0.375.
// Equal distance: each class 1/2 (3 x |1/9 - 1/3| + 6 x 1/9) = 2/3.
const salaries = () => new Table({
  zip: vectorFromArray(['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C'], new Utf8()),
  salary: vectorFromArray([3, 4, 5, 6, 8, 11, 7, 9, 10].map(s => s * 1000), new Int32()),
  disease: vectorFromArray(['flu', 'flu', 'flu', 'flu', 'hiv', 'flu', 'cold', 'flu', 'flu'], new Utf8()),
})

describe('t-closeness', () => {
  test('the distances of the paper, class by class', () => {
    const q = new Float64Array(9).fill(1 / 9)
    const at = (positions: number[]) => Float64Array.from({ length: 9 }, (_, i) => positions.includes(i) ? 1 / 3 : 0)
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8]
    expect(orderedDistance(at([0, 1, 2]), q, order)).toBeCloseTo(0.375, 12)
    expect(orderedDistance(at([3, 5, 8]), q, order)).toBeCloseTo(1 / 6, 12)
    expect(orderedDistance(at([4, 6, 7]), q, order)).toBeCloseTo(17 / 72, 12)
    expect(equalDistance(at([0, 1, 2]), q)).toBeCloseTo(2 / 3, 12)
  })
  test('analyse: t = the largest distance; text columns have no ordered distance; the kernels agree', () => {
    const r = analyse(salaries(), { qi: ['zip'], sensitive: ['salary', 'disease'], k: 1, tCloseness: true })
    expect(r.tCloseness?.salary.ordered).toBeCloseTo(0.375, 12)
    expect(r.tCloseness?.salary.equal).toBeCloseTo(2 / 3, 12)
    // disease overall: flu 7/9, hiv 1/9, cold 1/9; class B: flu 2/3, hiv 1/3 -> 1/2 (|7/9-2/3| + |1/9-1/3| + 1/9) = 2/9
    expect(r.tCloseness?.disease).toEqual({ equal: expect.closeTo(2 / 9, 12), ordered: null })
    const ref = analyse(salaries(), { qi: ['zip'], sensitive: ['salary', 'disease'], k: 1, tCloseness: true, kernels: referenceKernels })
    expect(ref.tCloseness).toEqual(r.tCloseness)
    expect(analyse(salaries(), { qi: ['zip'], sensitive: ['salary'], k: 1 }).tCloseness).toBeNull()
  })
  test('--t-closeness in the summary and the JSON', async () => {
    const file = tempFile('salaries.arrow', tableToIPC(salaries(), 'file'))
    const r = await runCli(file, '--qi', 'zip', '--sensitive', 'salary', '--k', '1', '--t-closeness')
    expect(r.out).toContain('t-closeness of salary: 0.6667 (equal distance), 0.3750 (ordered distance)')
    const j = JSON.parse((await runCli(file, '--qi', 'zip', '--sensitive', 'salary', '--k', '1', '--t-closeness', '--json')).out)
    expect(j.tCloseness.salary.ordered).toBeCloseTo(0.375, 12)
  })
})
