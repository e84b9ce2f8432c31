// Pitman's two-parameter partition fitted to the frequencies of frequencies by maximum likelihood (Hoshino,
// J. Official Statistics 17(4), 2001), and the population uniques it implies:
// U = Gamma(theta + 1) / Gamma(theta + alpha) * N^alpha.
// Likelihood equations and starting point as in ARX's ModelPitman.java (arx-deidentifier/arx, commit f8518512):
// the iterative object functions o1 - o2 and o3 - o4 and their derivatives d1..d5, with the sums over n and over
// class sizes in closed form through digamma and trigamma as ARX's getMasterFunctionClosed does.
import { solveNewton, type Evaluation, type Point } from './newton.js'
import type { Sample } from './sample.js'
import { solverOptions, type SolverOptions } from './solver.js'
import { digamma, LOG_MIN_NORMAL, logGamma, trigamma } from './special.js'

/** The fitted model and the population uniques it implies; uniques, theta and alpha are null when no fit. */
export interface PitmanEstimate {
  uniques: number | null
  converged: boolean
  /** Newton steps taken over all starting points. */
  iterations: number
  theta: number | null
  alpha: number | null
}

/**
 * Pitman's estimate of the number of population uniques. The fit needs at least two classes and at least one
 * class of size 2 or more (otherwise the likelihood has its maximum on the edge of the parameter space). It
 * accepts a root with alpha < 1, theta > -alpha and theta + (J - 1) alpha > 0, so that every factor of the
 * likelihood is positive: alpha <= 0 covers Ewens' partition (alpha = 0, U = theta) and Pitman's partitions into
 * finitely many classes; ARX's solver likewise leaves alpha free (it only asks theta >= 0). It counts as not
 * converged when no starting point reaches such a root, or when the estimate falls outside (0, N].
 * @example estimatePitman(sampleOf([[1, 80], [2, 10]], 0.01)).uniques
 */
export function estimatePitman(sample: Sample, options?: SolverOptions): PitmanEstimate {
  const { records: n, classes: J } = sample
  if (J < 2 || J === n) return { uniques: null, converged: false, iterations: 0, theta: null, alpha: null }
  const fit = solveNewton(p => likelihoodEquations(sample, p), startingPoints(sample), solverOptions(options))
  const uniques = fit.point && populationUniques(fit.point, sample.populationSize)
  if (!fit.point || uniques === null) {
    return { uniques: null, converged: false, iterations: fit.iterations, theta: null, alpha: null }
  }
  return { uniques, converged: true, iterations: fit.iterations, theta: fit.point[0], alpha: fit.point[1] }
}

/** U = Gamma(theta + 1) / Gamma(theta + alpha) * N^alpha in log space; null unless in (0, N]. An estimate below
 * the smallest normal double counts as 0, which ARX does not accept as an estimate either (isValid). */
function populationUniques([theta, alpha]: Point, N: number): number | null {
  const log = logGamma(theta + 1) - logGamma(theta + alpha) + alpha * Math.log(N)
  const u = Math.exp(log)
  return log >= LOG_MIN_NORMAL && u <= N ? u : null
}


/**
 * The score equations of the log-likelihood
 *   L = sum_{i<J} ln(theta + i alpha) - sum_{i<n} ln(theta + i) + sum_j c_j sum_{k<j} ln(k - alpha)
 * with its second derivatives: the o1 - o2, o3 - o4 and d1..d5 of ModelPitman.java.
 */
function likelihoodEquations({ records: n, classes: J, sizes, counts }: Sample, [theta, alpha]: Point): Evaluation | null {
  if (!(alpha < 1 && theta > -alpha && theta + (J - 1) * alpha > 0)) return null
  let s0 = 0, s1 = 0, q0 = 0, q1 = 0, q2 = 0
  for (let i = 1; i < J; i++) {
    const d = 1 / (theta + i * alpha)
    const d2 = d * d
    s0 += d
    s1 += i * d
    q0 += d2
    q1 += i * d2
    q2 += i * i * d2
  }
  const a = digamma(theta + n) - digamma(theta + 1) // sum_{i=1}^{n-1} 1 / (theta + i)
  const a2 = trigamma(theta + 1) - trigamma(theta + n) // sum_{i=1}^{n-1} 1 / (theta + i)^2
  const psi1 = digamma(1 - alpha)
  const tri1 = trigamma(1 - alpha)
  let b = 0, b2 = 0 // sum_j c_j sum_{k=1}^{j-1} 1 / (k - alpha), and the same over (k - alpha)^2
  sizes.forEach((size, k) => {
    if (size > 1) {
      b += counts[k] * (digamma(size - alpha) - psi1)
      b2 += counts[k] * (tri1 - trigamma(size - alpha))
    }
  })
  const out: Evaluation = { residual: [s0 - a, s1 - b], jacobian: [a2 - q0, -q1, -q1, -q2 - b2], scale: [s0 + a, s1 + b] }
  return [...out.residual, ...out.jacobian, ...out.scale].every(Number.isFinite) ? out : null
}

/** ARX's initial guess first (ModelPitman.java, "Initial guess"), then a few fixed points of the domain. */
function startingPoints({ records: n, classes: u, uniques: c1, pairs }: Sample): Point[] {
  const c2 = pairs !== 0 ? pairs : 1
  const c = (c1 * (c1 - 1)) / c2
  const t = (n * u * c - c1 * (n - 1) * (2 * u + c)) / (2 * c1 * u + c1 * c - n * c)
  const a = (t * (c1 - n) + (n - 1) * c1) / (n * u)
  const fixed: Point[] = [[1, 0.5], [u / 10, 0.5], [u, 0.5], [1, 0.1], [u / 10, 0.1], [1, 0.9], [u / 10, 0.9]]
  return a < 1 && t > -a && t + (u - 1) * a > 0 ? [[t, a], ...fixed] : fixed
}
