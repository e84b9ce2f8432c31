// Checks of per-class input: sample class sizes f_j with a population-side size F_j (a population class size,
// or a sum of sampling weights) that may not be smaller.
import { RiskcheckError } from '../errors.js'

/** F_j within this relative distance below f_j counts as f_j (floating-point sums of weights of exactly 1). */
export const SIZE_TOLERANCE = 1e-9

/** What the population-side figure is, for messages. */
export type PopulationSide = 'weights' | 'population'

/**
 * The population-side sizes, each at least its f_j (a shortfall within SIZE_TOLERANCE is rounded up to f_j).
 * @throws RangeError when the arrays differ in length or a sample size is not a whole number from 1
 * @throws RiskcheckError E_EMPTY when there are no classes, E_OPTION when some F_j is below f_j or not finite
 */
export function checkedPopulationSizes(sample: ArrayLike<number>, population: ArrayLike<number>,
  side: PopulationSide): Float64Array {
  if (sample.length !== population.length) {
    throw new RangeError(`${sample.length} sample class sizes but ${population.length} population-side sizes`)
  }
  if (sample.length === 0) throw new RiskcheckError('E_EMPTY', 'there are no classes, so no records to assess')
  const out = new Float64Array(sample.length)
  for (let j = 0; j < sample.length; j++) {
    const f = sample[j]
    const F = population[j]
    if (!Number.isSafeInteger(f) || f < 1) {
      throw new RangeError(`class ${j}: the sample size must be a whole number from 1, got ${f}`)
    }
    if (!(F >= f * (1 - SIZE_TOLERANCE)) || F === Infinity) throw tooSmall(j, f, F, side)
    out[j] = Math.max(F, f)
  }
  return out
}

function tooSmall(j: number, f: number, F: number, side: PopulationSide): RiskcheckError {
  if (side === 'weights') {
    return new RiskcheckError('E_OPTION', `class ${j}: the sampling weights of its ${records(f)} sum to ${F}, ` +
      `${Number.isFinite(F) ? `less than ${f}` : 'not a finite number'}`,
      'a sampling weight is the number of population members a record stands for, so it is at least 1')
  }
  return new RiskcheckError('E_OPTION', `class ${j}: ${records(f)} in the sample but ` +
    `${Number.isFinite(F) ? `only ${F}` : F} in the population`,
    'a population class holds its sample class, so it is at least as large: check that both tables use the same ' +
    'quasi-identifiers and coding')
}

function records(f: number): string {
  return f === 1 ? '1 record' : `${f} records`
}
