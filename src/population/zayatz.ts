// Zayatz's estimate of the population uniques (US Census SRD report, 1991):
// U = c_1 * P(F=1 | f=1) / pi, with
// P(F=1 | f=1) = (c_1/J) h(1; N, 1, n) / sum_i (c_i/J) h(1; N, i, n),
// h(1; N, i, n) the hypergeometric probability of drawing exactly one member of a population class of size i
// when drawing n of N (the sample class size i stands in for the population class size), as in ARX's
// ModelZayatz.java. ARX evaluates h with commons-math and truncates N to an int; here N = n / pi stays real.
import type { Sample } from './sample.js'

/** The estimate, and P(F=1 | f=1) (null when there are no sample uniques). */
export interface ZayatzEstimate {
  uniques: number
  probability: number | null
}

/** ratio of h(1; N, i, n) to h(1; N, 1, n) is 0 below e^-745 anyway */
const LOG_UNDERFLOW = -745

/**
 * Zayatz's estimate of the number of population uniques: always finite, between 0 and c_1 / pi (= N when every
 * class is unique); c_1 exactly when pi = 1.
 * @example estimateZayatz(sampleOf([[1, 80], [2, 10]], 0.1)).uniques
 */
export function estimateZayatz(sample: Sample): ZayatzEstimate {
  const { uniques: c1, sizes, counts, samplingFraction } = sample
  if (c1 === 0) return { uniques: 0, probability: null }
  // the c_i / J and h(1; N, 1, n) cancel: P = c_1 / sum_i c_i * h(1; N, i, n) / h(1; N, 1, n)
  const weighted = sizes.reduce((sum, size, k) => sum + counts[k] * hypergeometricRatio(sample, size), 0)
  const probability = c1 / weighted
  return { uniques: (c1 * probability) / samplingFraction, probability }
}

/**
 * h(1; N, i, n) / h(1; N, 1, n) = i * C(N-i, n-1) / C(N-1, n-1) = i * prod_{k=1}^{i-1} (1 - (n-1) / (N-k)),
 * summed in log space; 0 once a factor reaches 0 (a class of size i > N - n + 1 always gives two or more).
 */
function hypergeometricRatio({ records: n, populationSize: N }: Sample, size: number): number {
  if (size - 1 >= N - n + 1) return 0
  let log = Math.log(size)
  for (let k = 1; k < size && log > LOG_UNDERFLOW; k++) log += Math.log1p(-(n - 1) / (N - k))
  return log > LOG_UNDERFLOW ? Math.exp(log) : 0
}
