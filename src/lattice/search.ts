// The optimal full-domain generalisation: a best-first walk over the lattice of level vectors, in order of a
// lower bound of the loss, that prunes with monotonicity (a node that fails makes every finer node fail).
import { RiskcheckError } from '../errors.js'

/** What the search needs to know of a lattice: its shape, a cheap lower bound and the real judgement. */
export interface LatticeProblem<F> {
  /** Number of levels of each quasi-identifier (its hierarchy's depth + 1). */
  heights: number[]
  /** A lower bound of loss(levels), known without evaluating the node. */
  bound(levels: number[]): number
  /**
   * Judge one node: does it meet the criteria (`feasible`, which must be monotone: true at every node coarser
   * than one where it is true), may it be proposed (`acceptable`, default: feasible; need not be monotone),
   * at what loss (ties broken by `tie`, lower first), with which figures.
   */
  evaluate(levels: number[]): { feasible: boolean; acceptable?: boolean; loss: number; tie: number; figures: F }
}

/** A node that meets the criteria. */
export interface Candidate<F> {
  levels: number[]
  loss: number
  tie: number
  figures: F
}

export interface SearchOutcome<F> {
  /** Nodes that meet the criteria, best first (loss, tie, then fewer levels in total, then column order). */
  ranked: Candidate<F>[]
  /** Nodes in the lattice, nodes evaluated, nodes skipped as known to fail. */
  nodes: number
  evaluated: number
  pruned: number
}

/** Lattices larger than this are refused: the bound of every node is kept in memory. */
export const MAX_NODES = 2_000_000
/** Relative slack when comparing a bound with a loss (both are sums of floating-point costs). */
const SLACK = 1e-12

/**
 * The `keep` best nodes that meet the criteria, found exactly: nodes are visited by increasing bound, and
 * the walk stops when the bound exceeds the loss of the keep-th best node found so far.
 * @example searchLattice({ heights: [3, 2], bound: l => l[0] + l[1], evaluate }, 1).ranked[0]
 */
export function searchLattice<F>(problem: LatticeProblem<F>, keep = 1): SearchOutcome<F> {
  const { heights } = problem
  const nodes = heights.reduce((a, h) => a * h, 1)
  if (nodes > MAX_NODES) {
    throw new RiskcheckError('E_OPTION', `the generalisation lattice has ${nodes.toLocaleString('en')} nodes, more than the ` +
      `${MAX_NODES.toLocaleString('en')} riskcheck searches`, 'give fewer levels to some hierarchies, or fewer quasi-identifiers')
  }
  const strides = stridesOf(heights)
  const judged = new Map<number, ReturnType<LatticeProblem<F>['evaluate']>>()
  const judge = (v: number) => {
    let j = judged.get(v)
    if (!j) { j = problem.evaluate(levelsOf(v, heights, strides)); judged.set(v, j) }
    return j
  }
  // The top node (every column at its last level) passes if any node does: judge it first.
  if (!judge(nodes - 1).feasible) return { ranked: [], nodes, evaluated: 1, pruned: nodes - 1 }
  const bounds = new Float64Array(nodes)
  const sums = new Uint16Array(nodes)
  for (let v = 0; v < nodes; v++) {
    const levels = levelsOf(v, heights, strides)
    bounds[v] = problem.bound(levels)
    sums[v] = levels.reduce((a, h) => a + h, 0)
  }
  const order = Uint32Array.from({ length: nodes }, (_, v) => v)
    .sort((a, b) => bounds[a] - bounds[b] || sums[a] - sums[b] || a - b)
  const fails = new Uint8Array(nodes)
  const ranked: Candidate<F>[] = []
  let pruned = 0
  for (const v of order) {
    if (ranked.length === keep && bounds[v] > ranked[keep - 1].loss + SLACK * Math.max(1, Math.abs(ranked[keep - 1].loss))) break
    if (fails[v]) { if (!judged.has(v)) pruned++; continue }
    const j = judge(v)
    if (!j.feasible) {
      markFiner(v, heights, strides, fails)
      climb(v, heights, strides, bounds, fails, judge)
      continue
    }
    if (j.acceptable ?? true) insertRanked(ranked, { levels: levelsOf(v, heights, strides), loss: j.loss, tie: j.tie, figures: j.figures }, keep)
  }
  return { ranked, nodes, evaluated: judged.size, pruned }
}

/**
 * From a failing node, step to the coarser neighbour of least bound while it fails too, marking what lies
 * below each failing node: failures high in the lattice rule out many nodes the walk would meet later.
 */
function climb(v: number, heights: number[], strides: number[], bounds: Float64Array, fails: Uint8Array,
  judge: (v: number) => { feasible: boolean }): void {
  for (let u = v; ;) {
    let next = -1
    for (let c = 0; c < heights.length; c++) {
      if (Math.floor(u / strides[c]) % heights[c] === heights[c] - 1) continue
      const up = u + strides[c]
      if (next < 0 || bounds[up] < bounds[next]) next = up
    }
    if (next < 0 || fails[next] || judge(next).feasible) return
    markFiner(next, heights, strides, fails)
    u = next
  }
}

type Ranked = { levels: number[]; loss: number; tie: number }

/** Candidate order: loss, tie, then fewer levels in total, then the first column's level, the second's, ... */
export function compareCandidates(a: Ranked, b: Ranked): number {
  if (a.loss !== b.loss) return a.loss - b.loss
  if (a.tie !== b.tie) return a.tie - b.tie
  const sum = (l: number[]) => l.reduce((s, h) => s + h, 0)
  if (sum(a.levels) !== sum(b.levels)) return sum(a.levels) - sum(b.levels)
  for (let j = 0; j < a.levels.length; j++) if (a.levels[j] !== b.levels[j]) return a.levels[j] - b.levels[j]
  return 0
}

function insertRanked<F>(ranked: Candidate<F>[], c: Candidate<F>, keep: number): void {
  let at = ranked.length
  while (at > 0 && compareCandidates(c, ranked[at - 1]) < 0) at--
  if (at >= keep) return
  ranked.splice(at, 0, c)
  if (ranked.length > keep) ranked.pop()
}

/** Mark node v and every node below it (finer in some column) as failing. */
function markFiner(v: number, heights: number[], strides: number[], fails: Uint8Array): void {
  const stack = [v]
  fails[v] = 1
  while (stack.length > 0) {
    const u = stack.pop() as number
    for (let j = 0; j < heights.length; j++) {
      if (Math.floor(u / strides[j]) % heights[j] === 0) continue
      const finer = u - strides[j]
      if (!fails[finer]) { fails[finer] = 1; stack.push(finer) }
    }
  }
}

/** Mixed-radix strides with the first column most significant (so node order is column order). */
function stridesOf(heights: number[]): number[] {
  const strides = new Array<number>(heights.length)
  let s = 1
  for (let j = heights.length - 1; j >= 0; j--) { strides[j] = s; s *= heights[j] }
  return strides
}

function levelsOf(v: number, heights: number[], strides: number[]): number[] {
  return heights.map((h, j) => Math.floor(v / strides[j]) % h)
}
