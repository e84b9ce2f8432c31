// The pruned lattice search against brute force over every node.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compareCandidates, searchLattice } from '../src/lattice/search.js'
import type { LatticeProblem } from '../src/lattice/search.js'

/** Every level vector of a lattice. */
function allNodes(heights: number[]): number[][] {
  return heights.reduce<number[][]>((nodes, h) => nodes.flatMap(n => Array.from({ length: h }, (_, l) => [...n, l])), [[]])
}

/** A random lattice problem: feasibility is monotone (at or above one of some generators), loss >= bound. */
const problem = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).chain(heights =>
  fc.record({
    heights: fc.constant(heights),
    generators: fc.array(fc.tuple(...heights.map(h => fc.integer({ min: 0, max: h - 1 }))), { maxLength: 3 }),
    weights: fc.tuple(...heights.map(() => fc.integer({ min: 0, max: 3 }))),
    extra: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 16 }),
    keep: fc.integer({ min: 1, max: 4 }),
  }))

function lattice(p: { heights: number[]; generators: number[][]; weights: number[]; extra: number[] }) {
  const bound = (levels: number[]) => levels.reduce((a, l, j) => a + l * p.weights[j], 0)
  let calls = 0
  const problem: LatticeProblem<string> = {
    heights: p.heights,
    bound,
    evaluate: levels => {
      calls++
      const index = levels.reduce((a, l, j) => a * p.heights[j] + l, 0)
      return {
        feasible: p.generators.some(g => g.every((gl, j) => levels[j] >= gl)),
        loss: bound(levels) + p.extra[index % p.extra.length] / 2,
        tie: p.extra[(index * 7) % p.extra.length] % 2,
        acceptable: p.extra[(index * 3) % p.extra.length] !== 4,
        figures: levels.join(','),
      }
    },
  }
  return { problem, calls: () => calls }
}

describe('searchLattice', () => {
  test('returns the same best nodes as brute force over every node', () => {
    fc.assert(fc.property(problem, p => {
      const { problem } = lattice(p)
      const found = searchLattice(problem, p.keep)
      const brute = allNodes(p.heights)
        .map(levels => ({ levels, ...problem.evaluate(levels) }))
        .filter(n => n.feasible && n.acceptable)
        .sort(compareCandidates)
        .slice(0, p.keep)
      expect(found.ranked.map(c => [c.levels, c.loss, c.tie])).toEqual(brute.map(c => [c.levels, c.loss, c.tie]))
      expect(found.evaluated + found.pruned).toBeLessThanOrEqual(found.nodes)
    }), { numRuns: 500 })
  })

  test('prunes: below a failing node nothing is evaluated', () => {
    // feasible only at the top: every node but the top fails; evaluating the second-highest nodes first
    // marks all their finer nodes, so far fewer than all nodes are evaluated
    const heights = [5, 5, 5]
    const { problem, calls } = lattice({ heights, generators: [[4, 4, 4]], weights: [-1, -1, -1].map(() => 0), extra: [0] })
    const reversed: LatticeProblem<string> = { ...problem, bound: levels => -levels.reduce((a, l) => a + l, 0) }
    const found = searchLattice(reversed, 1)
    expect(found.ranked[0].levels).toEqual([4, 4, 4])
    expect(calls()).toBe(found.evaluated)
    expect(found.evaluated).toBeLessThan(10)
    expect(found.pruned).toBeGreaterThan(100)
  })

  test('stops once the bound passes the best loss', () => {
    const { problem, calls } = lattice({ heights: [10, 10], generators: [[0, 0]], weights: [1, 1], extra: [0] })
    const found = searchLattice(problem, 1)
    expect(found.ranked[0]).toMatchObject({ levels: [0, 0], loss: 0 })
    expect(calls()).toBe(2) // the top, then the bottom
  })

  test('no node meets the criteria: nothing ranked', () => {
    const { problem } = lattice({ heights: [2, 3], generators: [], weights: [1, 1], extra: [0] })
    expect(searchLattice(problem, 3)).toMatchObject({ ranked: [], nodes: 6, evaluated: 1, pruned: 5 }) // only the top is judged
  })

  test('refuses a lattice too large to hold', () => {
    const { problem } = lattice({ heights: Array(21).fill(2), generators: [], weights: Array(21).fill(1), extra: [0] })
    expect(() => searchLattice(problem, 1)).toThrow(/2,097,152 nodes/)
  })
})
