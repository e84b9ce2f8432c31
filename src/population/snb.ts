// The slide negative binomial (SNB) estimate of the population uniques (Chen and Keller-McNulty, J. Official
// Statistics 14(1), 1998). The K non-empty population classes have sizes F with F - 1 ~ NegBin(alpha, beta),
// P(F = j) = C(j + alpha - 2, j - 1) beta^alpha (1 - beta)^(j - 1), so the population holds U = K * beta^alpha
// uniques. Under Bernoulli sampling with fraction pi, with x = (1 - pi)(1 - beta), the expected numbers of
// sample classes of sizes 1 and 2 are
//   E[c_1] = K pi (beta / (1 - x))^alpha * (1 + alpha x / (1 - x))
//   E[c_2] = K pi^2 alpha beta^alpha (1 - beta) (2 - (1 - alpha) x) / (2 (1 - x)^(alpha + 2))
// and (alpha, beta) solve E[c_1] = c_1, E[c_2] = c_2. K comes from Haas and Stokes' Shlosser-type estimator.
//
// Where this differs from ARX's ModelSNB.java (arx-deidentifier/arx, commit f8518512), which it otherwise follows:
// - ARX's object function for E[c_2] multiplies by (1 - x)^(alpha + 2) instead of dividing; its own Jacobian
//   (getDerivatives, val10 = 2 (1 - x)^(alpha + 2) in the denominators) and the series sum_F P(F) C(F,2) pi^2
//   (1 - pi)^(F - 2) both give the division used here.
// - ARX's estimateNonEmptyEquivalenceClasses computes var2 += val2 * (1 + f)^i - 1, subtracting 1 per class
//   size; Haas and Stokes (JASA 93, 1998, eq. 30b) have sum_i (1 - q)^i ((1 + q)^i - 1) c_i, used here in the
//   overflow-free form sum_i ((1 - q^2)^i - (1 - q)^i) c_i (as Apache SystemDS's HassAndStokes.getSh3Estimate).
// So riskcheck's SNB figures are not ARX's. The equations are solved in log form, ln E[c_i] = ln c_i, over
// (ln alpha, logit beta), which keeps alpha > 0 and 0 < beta < 1 without constraints.
import { solveNewton, type Evaluation, type Point } from './newton.js'
import type { Sample } from './sample.js'
import { solverOptions, type SolverOptions } from './solver.js'
import { LOG_MIN_NORMAL } from './special.js'

/** The fitted model; uniques, alpha and beta are null when no fit. */
export interface SnbEstimate {
  uniques: number | null
  converged: boolean
  /** Newton steps taken over all starting points. */
  iterations: number
  alpha: number | null
  beta: number | null
  /** K: estimated non-empty population classes. */
  populationClasses: number
}

/**
 * The SNB estimate of the number of population uniques. Needs c_1 > 0 and c_2 > 0; counts as not converged when
 * no starting point solves both equations inside the box below, or when the estimate falls outside (0, N]
 * (below the smallest normal double counts as 0).
 * @example estimateSnb(sampleOf([[1, 80], [2, 10], [3, 4]], 0.3)).uniques
 */
export function estimateSnb(sample: Sample, options?: SolverOptions): SnbEstimate {
  const K = populationClasses(sample)
  const none = { uniques: null, converged: false, alpha: null, beta: null, populationClasses: K }
  if (sample.uniques === 0 || sample.pairs === 0) return { ...none, iterations: 0 }
  const fit = solveNewton(p => momentEquations(sample, K, p), STARTS, solverOptions(options))
  if (!fit.point) return { ...none, iterations: fit.iterations }
  const [alpha, lnBeta, beta] = parameters(fit.point)
  const log = Math.log(K) + alpha * lnBeta
  const uniques = Math.exp(log)
  if (!(log >= LOG_MIN_NORMAL && uniques <= sample.populationSize)) return { ...none, iterations: fit.iterations }
  return { uniques, converged: true, iterations: fit.iterations, alpha, beta, populationClasses: K }
}

/**
 * K = J + c_1 * [sum_i i q^2 (1 - q^2)^(i-1) c_i / sum_i ((1 - q^2)^i - (1 - q)^i) c_i]
 *           * [sum_i (1 - q)^i c_i / sum_i i q (1 - q)^(i-1) c_i]^2,  q = pi
 * (Haas and Stokes 1998, eq. 30b, as cited by ARX). K = J when pi = 1 or no class is small enough to count.
 */
export function populationClasses({ classes: J, uniques: c1, sizes, counts, samplingFraction: q }: Sample): number {
  let a = 0, b = 0, c = 0, d = 0
  sizes.forEach((i, k) => {
    a += i * q * q * (1 - q * q) ** (i - 1) * counts[k]
    b += ((1 - q * q) ** i - (1 - q) ** i) * counts[k]
    c += (1 - q) ** i * counts[k]
    d += i * q * (1 - q) ** (i - 1) * counts[k]
  })
  const K = J + c1 * (a / b) * (c / d) ** 2
  return b > 0 && d > 0 && Number.isFinite(K) ? K : J
}

/** Starting points (ln alpha, logit beta): alpha in {1, 0.1, 10} by beta in {0.5, 0.1, 0.9}. */
const STARTS: Point[] = [1, 0.1, 10].flatMap(alpha => [0.5, 0.1, 0.9].map(beta =>
  [Math.log(alpha), Math.log(beta / (1 - beta))] as Point))

/** alpha, ln beta, beta, ln (1 - beta), 1 - beta from (ln alpha, logit beta) without cancellation. */
function parameters([u, v]: Point): [number, number, number, number, number] {
  const lnBeta = -softplus(-v)
  const lnRest = -softplus(v)
  return [Math.exp(u), lnBeta, Math.exp(lnBeta), lnRest, Math.exp(lnRest)]
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))
}

/**
 * The box the fit must stay in: 1e-8 <= alpha <= 1e8 and 1e-12 <= beta <= 1 - 1e-12. Data the negative binomial
 * cannot fit drive the equations towards its limits (alpha -> infinity, beta -> 1: Poisson; alpha, beta -> 0:
 * logarithmic series), where the residuals fade without a root; those runs end on the box and count as not
 * converged.
 */
const LN_ALPHA = Math.log(1e8)
const LOGIT_BETA = Math.log(1e12)

/** ln E[c_1] - ln c_1 and ln E[c_2] - ln c_2, with derivatives in ln alpha and logit beta. */
function momentEquations({ uniques: c1, pairs: c2, samplingFraction: pi }: Sample, K: number, p: Point): Evaluation | null {
  if (!(Math.abs(p[0]) <= LN_ALPHA && Math.abs(p[1]) <= LOGIT_BETA)) return null
  const [alpha, lnBeta, beta, lnRest, rest] = parameters(p)
  const x = (1 - pi) * rest
  const oneMinusX = pi + (1 - pi) * beta // 1 - x, without cancellation
  const lnOneMinusX = Math.log(oneMinusX)
  const m1 = 1 - (1 - alpha) * x
  const m2 = 2 - (1 - alpha) * x
  const ln1 = Math.log(K * pi) + alpha * lnBeta - (alpha + 1) * lnOneMinusX + Math.log(m1)
  const ln2 = Math.log(K * pi * pi / 2) + Math.log(alpha) + alpha * lnBeta + lnRest - (alpha + 2) * lnOneMinusX + Math.log(m2)
  // d/d alpha, then times alpha (chain rule for ln alpha)
  const a1 = alpha * (lnBeta - lnOneMinusX + x / m1)
  const a2 = alpha * (1 / alpha + lnBeta - lnOneMinusX + x / m2)
  // d/d beta (dx/d beta = -(1 - pi)), then times beta (1 - beta) (chain rule for logit beta)
  const bb = beta * rest
  const b1 = alpha * rest - (alpha + 1) * (1 - pi) * bb / oneMinusX + (1 - alpha) * (1 - pi) * bb / m1
  const b2 = alpha * rest - beta - (alpha + 2) * (1 - pi) * bb / oneMinusX + (1 - alpha) * (1 - pi) * bb / m2
  const out: Evaluation = { residual: [ln1 - Math.log(c1), ln2 - Math.log(c2)], jacobian: [a1, b1, a2, b2], scale: [1, 1] }
  return [...out.residual, ...out.jacobian].every(Number.isFinite) ? out : null
}
