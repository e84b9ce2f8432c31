// The sample as the population estimators see it: frequencies of frequencies and the sampling fraction.
import { RiskcheckError } from '../errors.js'

/** Class-size histogram: [class size i, number c_i of classes of that size], as riskcheck's kernels report it. */
export type SizeHistogram = readonly (readonly [size: number, classes: number])[]

/** Frequencies of frequencies of a sample with the figures every estimator needs. */
export interface Sample {
  /** n: records in the sample. */
  records: number
  /** J: classes in the sample. */
  classes: number
  /** c_1: classes of size 1 (sample uniques). */
  uniques: number
  /** c_2: classes of size 2. */
  pairs: number
  /** The distinct class sizes, ascending, and c_i for each. */
  sizes: number[]
  counts: number[]
  /** pi = n / N. */
  samplingFraction: number
  /** N = n / pi. */
  populationSize: number
}

/**
 * Checks a class-size histogram and a sampling fraction and sums them up.
 * Sizes may come in any order; a size given twice is added up and sizes with no class are left out.
 * @throws RiskcheckError E_OPTION when the sampling fraction is not in (0, 1], E_EMPTY when there are no records
 * @throws RangeError when a size or a number of classes is not a whole number (sizes from 1)
 * @example sampleOf([[1, 15512], [2, 2098], [3, 754]], 0.1).populationSize
 */
export function sampleOf(histogram: SizeHistogram, samplingFraction: number): Sample {
  checkSamplingFraction(samplingFraction)
  const bySize = new Map<number, number>()
  histogram.forEach(([size, classes], at) => {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`class-size histogram entry ${at}: the size must be a whole number from 1, got ${size}`)
    }
    if (!Number.isSafeInteger(classes) || classes < 0) {
      throw new RangeError(`class-size histogram entry ${at}: the number of classes must be a whole number from 0, ` +
        `got ${classes}`)
    }
    if (classes > 0) bySize.set(size, (bySize.get(size) ?? 0) + classes)
  })
  const sizes = [...bySize.keys()].sort((a, b) => a - b)
  const counts = sizes.map(size => bySize.get(size) as number)
  const records = sizes.reduce((sum, size, i) => sum + size * counts[i], 0)
  if (records === 0) throw new RiskcheckError('E_EMPTY', 'the class-size histogram holds no records')
  return {
    records,
    classes: counts.reduce((sum, c) => sum + c, 0),
    uniques: bySize.get(1) ?? 0,
    pairs: bySize.get(2) ?? 0,
    sizes,
    counts,
    samplingFraction,
    populationSize: records / samplingFraction,
  }
}

/** @throws RiskcheckError E_OPTION unless 0 < pi <= 1 */
export function checkSamplingFraction(pi: number): void {
  if (!(pi > 0 && pi <= 1)) {
    throw new RiskcheckError('E_OPTION', `the sampling fraction must be above 0 and at most 1, got ${pi}`,
      'give the share of the population that the data hold, for example 0.1 for a 10% sample')
  }
}
