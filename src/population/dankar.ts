// Dankar et al.'s decision rule (BMC Med Inform Decis Mak 12:66, 2012) between the Pitman, Zayatz and SNB
// estimates, as ARX's RiskModelPopulationUniqueness.getNumUniqueTuplesDankar applies it:
// no sample uniques -> 0; pi <= 0.1 -> Pitman, or Zayatz when Pitman does not converge;
// pi > 0.1 -> the smaller of Zayatz and SNB when SNB converges (SNB on a tie, as ARX), else Zayatz.
// One addition: pi = 1 (the data are the population) gives the sample uniques without any model.
import { estimatePitman, type PitmanEstimate } from './pitman.js'
import { sampleOf, type SizeHistogram } from './sample.js'
import { estimateSnb, type SnbEstimate } from './snb.js'
import type { SolverOptions } from './solver.js'
import { estimateZayatz, type ZayatzEstimate } from './zayatz.js'

/** The model behind a population-uniques figure; 'none' when no model is needed (no sample uniques, or a census). */
export type UniquenessEstimator = 'pitman' | 'zayatz' | 'snb' | 'none'

/** Estimated population uniques with the model that gave them and the fits that were tried. */
export interface PopulationUniqueness {
  /** Estimated number of population uniques. */
  uniques: number
  /** uniques / N: the share of the population that is unique (ARX's getFractionOfUniqueTuplesDankar). */
  share: number
  /** N = n / pi. */
  populationSize: number
  estimator: UniquenessEstimator
  /** Whether each solver converged; null when the rule did not need it. */
  converged: { pitman: boolean | null; snb: boolean | null }
  /** The fits the rule tried (null: not tried). */
  pitman: PitmanEstimate | null
  zayatz: ZayatzEstimate | null
  snb: SnbEstimate | null
}

/**
 * Population uniques from a sample's class-size histogram and its sampling fraction, by Dankar et al.'s rule.
 * @throws RiskcheckError E_OPTION when pi is not in (0, 1], E_EMPTY when the histogram holds no records
 * @example populationUniqueness([[1, 15512], [2, 2098], [3, 754]], 0.1).share
 */
export function populationUniqueness(histogram: SizeHistogram, samplingFraction: number,
  options?: SolverOptions): PopulationUniqueness {
  const sample = sampleOf(histogram, samplingFraction)
  const N = sample.populationSize
  const result = (uniques: number, estimator: UniquenessEstimator, fits: Fits = {}): PopulationUniqueness => ({
    uniques, share: uniques / N, populationSize: N, estimator,
    converged: { pitman: fits.pitman?.converged ?? null, snb: fits.snb?.converged ?? null },
    pitman: fits.pitman ?? null, zayatz: fits.zayatz ?? null, snb: fits.snb ?? null,
  })
  if (sample.uniques === 0) return result(0, 'none')
  if (samplingFraction === 1) return result(sample.uniques, 'none')
  if (samplingFraction <= 0.1) {
    const pitman = estimatePitman(sample, options)
    if (pitman.uniques !== null) return result(pitman.uniques, 'pitman', { pitman })
    const zayatz = estimateZayatz(sample)
    return result(zayatz.uniques, 'zayatz', { pitman, zayatz })
  }
  const snb = estimateSnb(sample, options)
  const zayatz = estimateZayatz(sample)
  if (snb.uniques !== null && snb.uniques <= zayatz.uniques) return result(snb.uniques, 'snb', { snb, zayatz })
  return result(zayatz.uniques, 'zayatz', { snb, zayatz })
}

interface Fits {
  pitman?: PitmanEstimate
  zayatz?: ZayatzEstimate
  snb?: SnbEstimate
}
