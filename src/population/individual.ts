// Individual re-identification risk with sampling weights (Benedetti and Franconi; sdcMicro's indivRisk with
// method "approx", the formulas of Franconi and Polettini 2004). Per class, p = f / F^ with F^ the sum of the
// sampling weights of its f records:
//   f = 1:  r = p / (1 - p) * ln(1 / p)
//   f = 2:  r = p / (1 - p) - (p / (1 - p))^2 * ln(1 / p)
//   f >= 3: r = p / (f - (1 - p))
//   F^ = f: r = 1 / f (the limit of all three)
// Expected re-identifications ER = sum over records of r = sum_j f_j r_j; global risk = ER / n.
// sdcMicro (R/indivRisk.R) does not check F^ >= f: weights below 1 give p > 1 and risks above 1 (f = 1,
// F^ = 0.5 gives 1.39). riskcheck refuses them instead (RiskcheckError E_OPTION).
import { checkedPopulationSizes } from './classes.js'

/** Per-class risks and their totals. */
export interface IndividualRisk {
  /** r_j, per class in input order; 0 < r_j <= 1 / f_j. */
  risks: Float64Array
  /** ER = sum over records of their risk. */
  expectedReidentifications: number
  /** ER / n. */
  globalRisk: number
}

/**
 * sdcMicro's individual risk ("approx") for classes of f_j records whose sampling weights sum to F^_j.
 * @throws RiskcheckError E_OPTION when some F^_j < f_j (weights below 1), E_EMPTY when there are no classes
 * @example individualRisk([1, 2], [10, 4]).globalRisk
 */
export function individualRisk(sampleSizes: ArrayLike<number>, weightSums: ArrayLike<number>): IndividualRisk {
  const F = checkedPopulationSizes(sampleSizes, weightSums, 'weights')
  const risks = new Float64Array(F.length)
  let expected = 0
  let records = 0
  for (let j = 0; j < F.length; j++) {
    risks[j] = classRisk(sampleSizes[j], F[j])
    expected += sampleSizes[j] * risks[j]
    records += sampleSizes[j]
  }
  return { risks, expectedReidentifications: expected, globalRisk: expected / records }
}

/** r for a class of f records standing for F >= f; written in eps = 1 - p so that F close to f loses no digits. */
function classRisk(f: number, F: number): number {
  if (F === f) return 1 / f
  const p = f / F
  const eps = (F - f) / F
  const log = eps < 0.5 ? -Math.log1p(-eps) : Math.log(F / f) // ln(1 / p)
  if (f === 1) return (p * log) / eps
  // p/(1-p) - (p/(1-p))^2 ln(1/p) = p (1 - p s), s = (ln(1/p) - eps) / eps^2 = sum_{k>=2} eps^(k-2) / k
  if (f === 2) return p * (1 - p * (eps < 0.5 ? seriesS(eps) : (log - eps) / (eps * eps)))
  return p / (f - eps)
}

/** sum_{k>=2} eps^(k-2) / k for 0 < eps < 0.5, to double precision (at most 55 terms). */
function seriesS(eps: number): number {
  let sum = 0
  let power = 1
  for (let k = 2; power > 1e-17 * sum || k === 2; k++, power *= eps) sum += power / k
  return sum
}
