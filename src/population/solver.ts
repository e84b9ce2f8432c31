// Solver settings shared by the Pitman and SNB fits.
import type { NewtonOptions } from './newton.js'

/** Settings of the Newton solvers: relative tolerance on the likelihood or moment equations, and the Newton
 * steps allowed from each starting point (every fit tries a few fixed starting points, so it is deterministic). */
export type SolverOptions = Partial<NewtonOptions>

/** tolerance 1e-9 (relative to the size of the terms of each equation), 100 steps per start. */
export const SOLVER_DEFAULTS: Readonly<NewtonOptions> = Object.freeze({ tolerance: 1e-9, maxIterations: 100 })

/** The options with the defaults filled in. */
export function solverOptions(options: SolverOptions = {}): NewtonOptions {
  const { tolerance, maxIterations } = { ...SOLVER_DEFAULTS, ...options }
  if (!(tolerance > 0 && tolerance < 1)) throw new RangeError(`solver tolerance must be in (0, 1), got ${tolerance}`)
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError(`solver maxIterations must be a whole number from 0, got ${maxIterations}`)
  }
  return { tolerance, maxIterations }
}
