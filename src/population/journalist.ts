// Journalist and marketer risk (El Emam and Dankar, JAMIA 15(5), 2008) from each sample class's size f_j and the
// size F_j of the matching population class (from a population table, or an estimate):
// journalist risk of a record 1 / F_j; highest 1 / min F_j, lowest 1 / max F_j; records at risk for a threshold
// t the share of records with 1 / F_j > t. Marketer risk (1/n) sum_j f_j / F_j, the expected share of correct
// matches; it equals J / n when the sample is the population, and it is also the average journalist risk.
import { RiskcheckError } from '../errors.js'
import { checkedPopulationSizes } from './classes.js'

/** Journalist risk figures. */
export interface JournalistRisk {
  highest: number
  lowest: number
  /** Share of records whose 1 / F_j exceeds the threshold. */
  recordsAtRisk: number
}

/**
 * Journalist risk of a sample whose classes have f_j records and F_j population members.
 * @param threshold t in [0, 1]: a record is at risk when 1 / F_j > t (t = 0.2: population classes below 5)
 * @throws RiskcheckError E_OPTION when some F_j < f_j or t is out of range, E_EMPTY when there are no classes
 * @example journalistRisk([1, 2], [3, 10], 0.2)
 */
export function journalistRisk(sampleSizes: ArrayLike<number>, populationSizes: ArrayLike<number>,
  threshold: number): JournalistRisk {
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RiskcheckError('E_OPTION', `the risk threshold must be between 0 and 1, got ${threshold}`)
  }
  const F = checkedPopulationSizes(sampleSizes, populationSizes, 'population')
  let smallest = Infinity, largest = 0, atRisk = 0, records = 0
  for (let j = 0; j < F.length; j++) {
    smallest = Math.min(smallest, F[j])
    largest = Math.max(largest, F[j])
    if (1 / F[j] > threshold) atRisk += sampleSizes[j]
    records += sampleSizes[j]
  }
  return { highest: 1 / smallest, lowest: 1 / largest, recordsAtRisk: atRisk / records }
}

/**
 * Marketer risk (1/n) sum_j f_j / F_j of a sample whose classes have f_j records and F_j population members.
 * @throws RiskcheckError E_OPTION when some F_j < f_j, E_EMPTY when there are no classes
 * @example marketerRisk([1, 2], [3, 10])
 */
export function marketerRisk(sampleSizes: ArrayLike<number>, populationSizes: ArrayLike<number>): number {
  const F = checkedPopulationSizes(sampleSizes, populationSizes, 'population')
  let matches = 0, records = 0
  for (let j = 0; j < F.length; j++) {
    matches += sampleSizes[j] / F[j]
    records += sampleSizes[j]
  }
  return matches / records
}
