// Damped Newton's method for two equations in two unknowns: an iteration cap per start, several starts,
// and no answer (rather than a wrong one) when no start converges.

/** A point (x, y) of the unknowns. */
export type Point = readonly [number, number]

/** The equations at a point: residuals r, Jacobian [dr1/dx, dr1/dy, dr2/dx, dr2/dy], and the size each residual
 * is judged against (a residual counts as zero when |r_i| <= tolerance * scale_i). */
export interface Evaluation {
  residual: readonly [number, number]
  jacobian: readonly [number, number, number, number]
  scale: readonly [number, number]
}

/** Relative tolerance on the residuals (the Newton step must then be within its square root, relative to the
 * point), and Newton steps allowed from each start. */
export interface NewtonOptions {
  tolerance: number
  maxIterations: number
}

/** A root (or null), whether one was found, and the Newton steps taken over all starts. */
export interface NewtonResult {
  point: Point | null
  converged: boolean
  iterations: number
}

const MAX_HALVINGS = 60
const ARMIJO = 1e-4

/**
 * Solves r(x, y) = 0 from each start in turn until one converges. `evaluate` returns null outside the domain or
 * on values that are not finite; each step is halved until it lands inside and lowers the scaled residual.
 */
export function solveNewton(evaluate: (p: Point) => Evaluation | null, starts: readonly Point[],
  options: NewtonOptions): NewtonResult {
  let iterations = 0
  for (const start of starts) {
    const run = fromStart(evaluate, start, options)
    iterations += run.iterations
    if (run.point) return { point: run.point, converged: true, iterations }
  }
  return { point: null, converged: false, iterations }
}

function fromStart(evaluate: (p: Point) => Evaluation | null, start: Point, options: NewtonOptions):
  { point: Point | null; iterations: number } {
  let point = start
  let at = evaluate(point)
  let iterations = 0
  while (at) {
    const step = newtonStep(at)
    if (step && solved(at, step, point, options.tolerance)) return { point, iterations }
    if (iterations === options.maxIterations || !step) break
    const next = lineSearch(evaluate, point, at, step)
    if (!next) break
    iterations++
    ;[point, at] = next
  }
  return { point: null, iterations }
}

/**
 * A root: the residuals are within tolerance and the Newton step from here is small too (at a root it is of the
 * order of the residuals; on a ridge where the residuals only fade as the unknowns run off, it tends to stay large).
 */
function solved(at: Evaluation, step: Point, point: Point, tolerance: number): boolean {
  const small = Math.sqrt(tolerance)
  return Math.abs(at.residual[0]) <= tolerance * at.scale[0] && Math.abs(at.residual[1]) <= tolerance * at.scale[1] &&
    Math.abs(step[0]) <= small * (1 + Math.abs(point[0])) && Math.abs(step[1]) <= small * (1 + Math.abs(point[1]))
}

/** The Newton step -J^-1 r, or null when J is singular. */
function newtonStep({ residual: [r1, r2], jacobian: [a, b, c, d] }: Evaluation): Point | null {
  const det = a * d - b * c
  const dx = -(d * r1 - b * r2) / det
  const dy = -(a * r2 - c * r1) / det
  return det !== 0 && Number.isFinite(dx) && Number.isFinite(dy) ? [dx, dy] : null
}

/** Backtracking: the longest step p + t * step (t = 1, 1/2, ...) inside the domain that lowers the residual. */
function lineSearch(evaluate: (p: Point) => Evaluation | null, point: Point, at: Evaluation, step: Point):
  [Point, Evaluation] | null {
  const before = merit(at, at.scale)
  for (let t = 1, i = 0; i < MAX_HALVINGS; t /= 2, i++) {
    const next: Point = [point[0] + t * step[0], point[1] + t * step[1]]
    if (next[0] === point[0] && next[1] === point[1]) return null
    const there = evaluate(next)
    if (there && merit(there, at.scale) <= (1 - 2 * ARMIJO * t) * before) return [next, there]
  }
  return null
}

function merit({ residual: [r1, r2] }: Evaluation, [s1, s2]: readonly [number, number]): number {
  return (r1 / s1) ** 2 + (r2 / s2) ** 2
}
