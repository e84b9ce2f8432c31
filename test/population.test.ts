// Population-based risk (issue 6, part 1): estimators of population uniques, individual risk with sampling
// weights, journalist and marketer risk. Definitions: ../shared/reference/risk-definitions.md.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  estimatePitman, estimateSnb, estimateZayatz, individualRisk, journalistRisk, marketerRisk, populationUniqueness,
  sampleOf, SOLVER_DEFAULTS, type PitmanEstimate, type Sample, type SizeHistogram, type SnbEstimate,
} from '../src/population/index.js'
import { populationClasses } from '../src/population/snb.js'
import { digamma, logGamma, trigamma } from '../src/population/special.js'

// Adult (datasets/adult.arrow, 30,162 records) with all 9 columns as quasi-identifiers, as in ARX's
// TestRiskMetrics.testDecisionRule2 (every column with a hierarchy is a QI there): 19,502 classes,
// 15,512 sample uniques. Computed with analyse(adult, { qi: all 9 columns }).classSizes.
const ADULT_9: SizeHistogram = [[1, 15512], [2, 2098], [3, 754], [4, 375], [5, 189], [6, 155], [7, 97], [8, 73],
  [9, 39], [10, 37], [11, 29], [12, 18], [13, 23], [14, 14], [15, 15], [16, 9], [17, 11], [18, 10], [19, 10], [20, 5],
  [21, 3], [22, 4], [23, 3], [24, 2], [25, 1], [26, 3], [27, 5], [29, 1], [30, 2], [32, 1], [34, 1], [35, 1], [36, 1],
  [45, 1]]

/** Random histograms: 1 to 6 sizes from 1 to 60, 0 to 300 classes each (fast-check shrinks them to small cases). */
const histograms = fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 6 })
  .filter(h => h.some(([, c]) => c > 0))
const fractions = fc.integer({ min: 1, max: 1_000_000 }).map(k => k / 1_000_000)
/** Histograms shaped like real data: c_1 from 1 to 3000, c_i falling by a ratio r (with noise) up to size 40. */
const decaying = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 5, max: 95 }), fc.integer({ min: 1, max: 40 }),
  fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 40, maxLength: 40 }))
  .map(([c1, r, largest, noise]) => Array.from({ length: largest }, (_, i): [number, number] =>
    [i + 1, i === 0 ? c1 : Math.floor(c1 * (r / 100) ** i * noise[i] / 100)]))
const anyShape = fc.oneof(histograms, decaying)

/** Starting points the Pitman and SNB fits try at most (so iterations <= starts * maxIterations). */
const MAX_STARTS = 9

describe('special functions', () => {
  test('known values: lnGamma(1) = 0, lnGamma(1/2) = ln sqrt(pi), lnGamma(10) = ln 9!, digamma(1) = -gamma, trigamma(1) = pi^2/6', () => {
    const EULER = 0.5772156649015329
    expect(logGamma(1)).toBeCloseTo(0, 14)
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14)
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13)
    expect(logGamma(1e8) / (1e8 * Math.log(1e8) - 1e8 - 0.5 * Math.log(1e8) + 0.5 * Math.log(2 * Math.PI))).toBeCloseTo(1, 15)
    expect(digamma(1)).toBeCloseTo(-EULER, 14)
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 14)
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 14)
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 13)
  })

  test('recurrences hold across the switch to the asymptotic series, and x <= 0 gives NaN instead of looping', () => {
    // to a few units in the last place of the values themselves (a wrong series coefficient breaks this near x = 20)
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), x => {
      const ulps = (v: number) => 1e-14 * Math.max(1, Math.abs(v))
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(ulps(logGamma(x)))
      expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThan(ulps(digamma(x)))
      expect(Math.abs(trigamma(x) - trigamma(x + 1) - 1 / (x * x))).toBeLessThan(1e-14 * trigamma(x))
    }))
    for (const f of [logGamma, digamma, trigamma]) for (const x of [0, -1, -Infinity, NaN]) expect(f(x)).toBeNaN()
  })
})

describe('sample summary', () => {
  test('n = sum i c_i, J = sum c_i, N = n / pi; sizes sorted, repeated sizes added up, empty sizes left out', () => {
    // 3 x 1 + 1 x 2 + 2 x 1 (given twice) = 7 records in 3 + 1 + 1 = 5 classes; N = 7 / 0.25 = 28
    expect(sampleOf([[2, 1], [1, 2], [5, 0], [1, 1], [2, 1]], 0.25)).toEqual({
      records: 7, classes: 5, uniques: 3, pairs: 2, sizes: [1, 2], counts: [3, 2], samplingFraction: 0.25, populationSize: 28,
    })
  })

  test('a sampling fraction outside (0, 1], an empty histogram and malformed entries are refused', () => {
    for (const pi of [0, -0.1, 1.5, NaN]) {
      expect(() => sampleOf([[1, 1]], pi)).toThrow(expect.objectContaining({ code: 'E_OPTION',
        message: `the sampling fraction must be above 0 and at most 1, got ${pi}` }))
    }
    expect(() => sampleOf([[3, 0]], 0.5)).toThrow(expect.objectContaining({ code: 'E_EMPTY',
      message: 'the class-size histogram holds no records' }))
    expect(() => sampleOf([[0, 1]], 0.5)).toThrow(new RangeError('class-size histogram entry 0: the size must be a whole number from 1, got 0'))
    expect(() => sampleOf([[1, 1], [2, 1.5]], 0.5)).toThrow('entry 1: the number of classes must be a whole number from 0, got 1.5')
  })
})

describe('Zayatz', () => {
  test('hand-worked: c_1 = 2, c_2 = 1 (n = 4), pi = 1/2 (N = 8)', () => {
    // h(1; 8, 1, 4) = C(1,1) C(7,3) / C(8,4) = 35/70 = 1/2;  h(1; 8, 2, 4) = C(2,1) C(6,3) / C(8,4) = 40/70 = 4/7
    // P(F=1|f=1) = (2/3)(1/2) / ((2/3)(1/2) + (1/3)(4/7)) = 7/11;  U = c_1 P / pi = 2 (7/11) / (1/2) = 28/11
    const z = estimateZayatz(sampleOf([[1, 2], [2, 1]], 0.5))
    expect(z.probability).toBeCloseTo(7 / 11, 14)
    expect(z.uniques).toBeCloseTo(28 / 11, 14)
  })

  test('hand-worked: c_1 = 1, c_3 = 1 (n = 4); N = 8, and N = 5 where a class of 3 cannot give exactly one', () => {
    // N = 8: h(1; 8, 3, 4) = 3 C(5,3) / 70 = 3/7; P = (1/2) / (1/2 + 3/7) = 7/13; U = (7/13) / (1/2) = 14/13
    expect(estimateZayatz(sampleOf([[1, 1], [3, 1]], 0.5)).uniques).toBeCloseTo(14 / 13, 14)
    // N = 5: drawing 4 of 5 leaves out 1, so a class of 3 gives 2 or 3: h(1; 5, 3, 4) = 0, P = 1, U = 1 / 0.8
    expect(estimateZayatz(sampleOf([[1, 1], [3, 1]], 0.8))).toEqual({ uniques: 1.25, probability: 1 })
  })

  test('no sample uniques give 0; all sample uniques give U = c_1 / pi = N', () => {
    expect(estimateZayatz(sampleOf([[2, 5], [3, 1]], 0.1))).toEqual({ uniques: 0, probability: null })
    expect(estimateZayatz(sampleOf([[1, 7]], 0.25))).toEqual({ uniques: 28, probability: 1 })
  })

  test('N up to 1e8 and large classes: finite, and below c_1 / pi', () => {
    const z = estimateZayatz(sampleOf([[1, 1000], [2, 100], [5, 10], [20_000, 1]], 2e-4)) // n = 21,250, N = 1.06e8
    expect(Number.isFinite(z.uniques)).toBe(true)
    expect(z.uniques).toBeGreaterThan(0)
    expect(z.uniques).toBeLessThanOrEqual(1000 / 2e-4)
  })

  test('property: 0 <= U <= c_1 / pi, finite; pi = 1 gives U = c_1 exactly', () => {
    fc.assert(fc.property(anyShape, fractions, (h, pi) => {
      const s = sampleOf(h, pi)
      const z = estimateZayatz(s)
      expect(Number.isFinite(z.uniques)).toBe(true)
      expect(z.uniques).toBeGreaterThanOrEqual(0)
      expect(z.uniques).toBeLessThanOrEqual(s.uniques / pi * (1 + 1e-12))
      expect(estimateZayatz(sampleOf(h, 1)).uniques).toBe(s.uniques)
    }))
  })
})

/** ARX's iterative object functions (ModelPitman.getObjectFunctionsIterative), summed term by term. */
function pitmanScores({ records: n, classes: J, sizes, counts }: Sample, theta: number, alpha: number): number[][] {
  let o1 = 0, o2 = 0, o3 = 0, o4 = 0
  for (let i = 1; i < J; i++) { o1 += 1 / (theta + i * alpha); o3 += i / (theta + i * alpha) }
  for (let i = 1; i < n; i++) o2 += 1 / (theta + i)
  sizes.forEach((size, k) => { for (let j = 1; j < size; j++) o4 += counts[k] / (j - alpha) })
  return [[o1, o2], [o3, o4]]
}

function expectPitmanSound(s: Sample, p: PitmanEstimate): void {
  expect(p.iterations).toBeLessThanOrEqual(MAX_STARTS * SOLVER_DEFAULTS.maxIterations)
  if (!p.converged) {
    expect(p).toMatchObject({ uniques: null, theta: null, alpha: null })
    return
  }
  const { uniques, theta, alpha } = p as { uniques: number; theta: number; alpha: number }
  expect(alpha).toBeLessThan(1)
  expect(theta).toBeGreaterThan(-alpha)
  expect(theta + (s.classes - 1) * alpha).toBeGreaterThan(0)
  expect(uniques).toBeGreaterThan(0)
  expect(uniques).toBeLessThanOrEqual(s.populationSize)
  // the likelihood equations hold when summed term by term (no digamma), and U is Hoshino's formula
  for (const [a, b] of pitmanScores(s, theta, alpha)) expect(Math.abs(a - b)).toBeLessThan(1e-8 * (a + b))
  expect(Math.log(uniques)).toBeCloseTo(logGamma(theta + 1) - logGamma(theta + alpha) + alpha * Math.log(s.populationSize), 9)
}

/** Seeded Pitman(theta, alpha) partition of N people (Chinese restaurant process): the table sizes. */
function pitmanPartition(N: number, theta: number, alpha: number, random: () => number): number[] {
  const sizes: number[] = []
  const tableOf: number[] = []
  for (let i = 0; i < N; i++) {
    let table = -1
    if (random() * (i + theta) < theta + alpha * sizes.length) table = sizes.push(0) - 1
    // otherwise a table with probability (size - alpha) / (i - alpha * tables): pick a person, keep with (size - alpha) / size
    while (table < 0) {
      const t = tableOf[Math.floor(random() * i)]
      if (random() * sizes[t] < sizes[t] - alpha) table = t
    }
    sizes[table]++
    tableOf.push(table)
  }
  return sizes
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function histogramOf(sizes: number[]): [number, number][] {
  const counts = new Map<number, number>()
  for (const s of sizes) if (s > 0) counts.set(s, (counts.get(s) ?? 0) + 1)
  return [...counts]
}

describe('Pitman', () => {
  test('Adult: converges, the likelihood equations hold term by term, U = Gamma(theta+1)/Gamma(theta+alpha) N^alpha', () => {
    const s = sampleOf(ADULT_9, 0.1)
    const p = estimatePitman(s)
    expect(p.converged).toBe(true)
    expectPitmanSound(s, p)
    // the fit does not depend on pi; only U does, through N^alpha
    const p2 = estimatePitman(sampleOf(ADULT_9, 0.01))
    expect(p2.theta).toBe(p.theta)
    expect((p2.uniques as number) / (p.uniques as number)).toBeCloseTo(10 ** (p.alpha as number), 9)
  })

  test('recovers a simulated Pitman population: theta = 10, alpha = 0.8, N = 40,000, 10% Bernoulli sample', () => {
    const random = mulberry32(7)
    const population = pitmanPartition(40_000, 10, 0.8, random)
    const trueUniques = population.filter(size => size === 1).length
    const sampled = population.map(size => { let s = 0; for (let i = 0; i < size; i++) if (random() < 0.1) s++; return s })
    const n = sampled.reduce((a, b) => a + b, 0)
    const p = estimatePitman(sampleOf(histogramOf(sampled), n / 40_000))
    expect(p.alpha).toBeCloseTo(0.8, 1)
    expect(Math.abs((p.uniques as number) / trueUniques - 1)).toBeLessThan(0.1)
  })

  test('degenerate input: one class, all uniques, one record, two classes; no fit, no NaN, no Infinity', () => {
    for (const h of [[[5, 1]], [[1, 10]], [[1, 1]], [[1, 2]], [[1_000_000, 1]]] as SizeHistogram[]) {
      expect(estimatePitman(sampleOf(h, 0.05))).toEqual({ uniques: null, converged: false, iterations: 0, theta: null, alpha: null })
    }
    for (const h of [[[1, 1], [2, 1]], [[2, 2]], [[1, 1], [100, 1]], [[2, 1000], [3, 1]]] as SizeHistogram[]) {
      const s = sampleOf(h, 0.05)
      expectPitmanSound(s, estimatePitman(s))
    }
  })

  test('the iteration cap is honoured: 0 steps allowed gives no fit unless a start is already a root', () => {
    const p = estimatePitman(sampleOf(ADULT_9, 0.1), { maxIterations: 0 })
    expect(p).toEqual({ uniques: null, converged: false, iterations: 0, theta: null, alpha: null })
    expect(estimatePitman(sampleOf(ADULT_9, 0.1), { maxIterations: 2 }).iterations).toBeLessThanOrEqual(2 * MAX_STARTS)
    expect(() => estimatePitman(sampleOf(ADULT_9, 0.1), { tolerance: 0 })).toThrow('solver tolerance must be in (0, 1), got 0')
  })

  test('property: either a sound fit (equations hold, 0 < U <= N) or converged false with nulls', () => {
    let fits = 0
    fc.assert(fc.property(anyShape, fractions, (h, pi) => {
      const s = sampleOf(h, pi)
      const p = estimatePitman(s)
      expectPitmanSound(s, p)
      if (p.converged) fits++
    }), { numRuns: 100 })
    expect(fits).toBeGreaterThan(0) // the sound-fit branch was exercised
  })

  test('no interior maximum, no fit: the likelihood of c_1 = 10, c_2 = 1 keeps rising as alpha falls', () => {
    // with theta = m |alpha| the partition tends to n draws from m equally likely classes as alpha -> -infinity
    const s = sampleOf([[1, 10], [2, 1]], 0.05)
    const p = estimatePitman(s)
    expect(p.converged).toBe(false)
    expect(p.iterations).toBeGreaterThan(0)
  })
})

/** E[c_s] = K sum_F P(F) C(F, s) pi^s (1 - pi)^(F - s), P(F) = C(F + alpha - 2, F - 1) beta^alpha (1 - beta)^(F - 1),
 * summed term by term (P(F + 1) = P(F) (F + alpha - 1) / F (1 - beta)). */
function snbExpected(K: number, alpha: number, beta: number, pi: number): [number, number] {
  let P = beta ** alpha, e1 = 0, e2 = 0
  const last = 60 / pi + 1000 // (1 - pi)^F < e^-60 beyond
  for (let F = 1; F < last && P > 1e-300; F++) {
    e1 += P * F * pi * (1 - pi) ** (F - 1)
    if (F >= 2) e2 += P * (F * (F - 1) / 2) * pi * pi * (1 - pi) ** (F - 2)
    P *= (F + alpha - 1) / F * (1 - beta)
  }
  return [K * e1, K * e2]
}

/** A sound SNB result; the moment equations are summed term by term when pi >= 0.001 (up to 60 / pi terms). */
function expectSnbSound(s: Sample, b: SnbEstimate): void {
  expect(b.iterations).toBeLessThanOrEqual(MAX_STARTS * SOLVER_DEFAULTS.maxIterations)
  expect(Number.isFinite(b.populationClasses)).toBe(true)
  expect(b.populationClasses).toBeGreaterThanOrEqual(s.classes)
  if (!b.converged) {
    expect(b).toMatchObject({ uniques: null, alpha: null, beta: null })
    return
  }
  const { uniques, alpha, beta } = b as { uniques: number; alpha: number; beta: number }
  // inside the box 1e-8 <= alpha <= 1e8, 1e-12 <= beta <= 1 - 1e-12 (logit beta to 1e-3: 1 - beta has few digits there)
  expect(Math.abs(Math.log(alpha))).toBeLessThanOrEqual(Math.log(1e8) + 1e-9)
  expect(Math.abs(Math.log(beta / (1 - beta)))).toBeLessThanOrEqual(Math.log(1e12) + 1e-3)
  expect(uniques).toBeGreaterThan(0)
  expect(uniques).toBeLessThanOrEqual(s.populationSize)
  expect(uniques / (b.populationClasses * beta ** alpha)).toBeCloseTo(1, 6)
  if (s.samplingFraction < 0.001) return
  const [e1, e2] = snbExpected(b.populationClasses, alpha, beta, s.samplingFraction)
  expect(e1 / s.uniques).toBeCloseTo(1, 6)
  expect(e2 / s.pairs).toBeCloseTo(1, 6)
}

describe('SNB', () => {
  test('K, hand-worked: c_1 = 2, c_2 = 1, q = pi = 1/2', () => {
    // sum i q^2 (1-q^2)^(i-1) c_i = 1(1/4)(1)(2) + 2(1/4)(3/4)(1) = 7/8
    // sum ((1-q^2)^i - (1-q)^i) c_i = (3/4 - 1/2)(2) + (9/16 - 1/4)(1) = 13/16
    // sum (1-q)^i c_i = (1/2)(2) + (1/4)(1) = 5/4;  sum i q (1-q)^(i-1) c_i = (1/2)(2) + 2(1/2)(1/2)(1) = 3/2
    // K = J + c_1 (7/8)/(13/16) ((5/4)/(3/2))^2 = 3 + 2 (14/13)(25/36) = 3 + 175/117 = 526/117
    expect(populationClasses(sampleOf([[1, 2], [2, 1]], 0.5))).toBeCloseTo(526 / 117, 13)
  })

  test('K: all uniques give N (J + J (1-q)/q = J/q); a census gives J', () => {
    expect(populationClasses(sampleOf([[1, 10]], 0.25))).toBeCloseTo(40, 12)
    expect(populationClasses(sampleOf(ADULT_9, 1))).toBe(19_502)
  })

  test('Adult at pi = 0.2: converges; the fitted model reproduces c_1 and c_2 when summed term by term', () => {
    const s = sampleOf(ADULT_9, 0.2)
    const b = estimateSnb(s)
    expect(b.converged).toBe(true)
    expectSnbSound(s, b)
  })

  test('no classes of size 2, or no uniques: no fit, no iterations', () => {
    for (const h of [[[1, 5], [3, 2]], [[2, 5], [3, 2]], [[1, 10]]] as SizeHistogram[]) {
      const b = estimateSnb(sampleOf(h, 0.3))
      expect(b).toMatchObject({ uniques: null, converged: false, iterations: 0, alpha: null, beta: null })
    }
  })

  test('a census with only sizes 1 and 2 has no solution: it would need c_2/c_1 < ln(1 + c_2/c_1)', () => {
    // pi = 1: K = J = c_1 + c_2, E[c_1] = K beta^alpha, E[c_2] = K alpha beta^alpha (1 - beta); so beta^alpha = c_1/J and
    // alpha (1 - beta) = c_2/c_1, while alpha (1 - beta) = (1 - beta) ln(c_1/J) / ln(beta) < ln(J/c_1) <= c_2/c_1
    const b = estimateSnb(sampleOf([[1, 30], [2, 10]], 1))
    expect(b.converged).toBe(false)
    expect(b.iterations).toBeLessThanOrEqual(MAX_STARTS * SOLVER_DEFAULTS.maxIterations)
  })

  test('property: either a sound fit (moment equations hold term by term, 0 < U <= N) or converged false', () => {
    let fits = 0
    fc.assert(fc.property(anyShape, fractions, (h, pi) => {
      const s = sampleOf(h, pi)
      const b = estimateSnb(s)
      expectSnbSound(s, b)
      if (b.converged) fits++
    }), { numRuns: 100 })
    expect(fits).toBeGreaterThan(0)
  })
})

describe('Dankar et al.\'s rule', () => {
  test('no sample uniques: 0 without a model; census (pi = 1): the sample uniques without a model', () => {
    expect(populationUniqueness([[2, 4], [5, 1]], 0.05)).toEqual({ uniques: 0, share: 0, populationSize: 260,
      estimator: 'none', converged: { pitman: null, snb: null }, pitman: null, zayatz: null, snb: null })
    const census = populationUniqueness(ADULT_9, 1)
    expect(census).toMatchObject({ uniques: 15_512, populationSize: 30_162, estimator: 'none' })
    expect(census.share).toBe(15_512 / 30_162)
  })

  test('pi <= 0.1 takes Pitman, or Zayatz when Pitman does not converge', () => {
    const adult = populationUniqueness(ADULT_9, 0.1)
    expect(adult.estimator).toBe('pitman')
    expect(adult.converged).toEqual({ pitman: true, snb: null })
    expect(adult.uniques).toBe(adult.pitman?.uniques)
    // all unique: Pitman has no interior maximum, Zayatz gives c_1 / pi = N: everyone is unique
    const allUnique = populationUniqueness([[1, 50]], 0.1)
    expect(allUnique).toMatchObject({ estimator: 'zayatz', uniques: 500, share: 1, converged: { pitman: false, snb: null } })
  })

  test('pi > 0.1 takes the smaller of Zayatz and SNB, or Zayatz when SNB does not converge', () => {
    const adult = populationUniqueness(ADULT_9, 0.2)
    expect(adult.estimator).toBe('snb')
    expect(adult.uniques).toBe(adult.snb?.uniques)
    expect(adult.uniques).toBeLessThan(adult.zayatz?.uniques as number)
    const noPairs = populationUniqueness([[1, 20], [3, 5]], 0.5) // SNB needs c_2 > 0
    expect(noPairs).toMatchObject({ estimator: 'zayatz', converged: { pitman: null, snb: false } })
    expect(noPairs.uniques).toBe(noPairs.zayatz?.uniques)
  })

  test('tiny samples: one record, one class of 2, pi at both ends', () => {
    expect(populationUniqueness([[1, 1]], 0.05)).toMatchObject({ uniques: 20, share: 1, estimator: 'zayatz' })
    expect(populationUniqueness([[1, 1]], 1)).toMatchObject({ uniques: 1, share: 1, estimator: 'none' })
    expect(populationUniqueness([[2, 1]], 0.5)).toMatchObject({ uniques: 0, estimator: 'none' })
    expect(populationUniqueness([[1, 1]], 1e-8)).toMatchObject({ uniques: 1e8, share: 1, estimator: 'zayatz' })
  })

  test('property: finite, 0 <= U <= N, the estimator matches the flags, pi = 1 gives c_1', () => {
    fc.assert(fc.property(anyShape, fractions, (h, pi) => {
      const r = populationUniqueness(h, pi)
      const s = sampleOf(h, pi)
      expect(Number.isFinite(r.uniques) && Number.isFinite(r.share)).toBe(true)
      expect(r.uniques).toBeGreaterThanOrEqual(0)
      expect(r.uniques).toBeLessThanOrEqual(s.populationSize * (1 + 1e-12))
      if (r.estimator === 'none') expect(r.uniques).toBe(s.uniques === 0 ? 0 : s.uniques)
      if (r.estimator === 'pitman') expect(r.converged.pitman).toBe(true)
      if (r.estimator === 'snb') expect(r.converged.snb).toBe(true)
      if (r.estimator === 'zayatz') expect(r.converged.pitman === false || r.converged.snb !== null).toBe(true)
      if (s.uniques > 0 && pi <= 0.1 && pi < 1) expect(r.converged.pitman).not.toBeNull()
      expect(populationUniqueness(h, 1).uniques).toBe(s.uniques)
    }), { numRuns: 60 })
  })

  // ARX's own figures (arx-deidentifier/arx, src/test/org/deidentifier/arx/test/TestRiskMetrics.java,
  // testDecisionRule2, commit 9f5b7004): Adult, all 9 columns as QIs, population uniqueness share.
  test('ARX TestRiskMetrics on Adult: pi = 0.01 and 0.1 (Pitman), pi = 1; Zayatz at 0.1 and 0.2', () => {
    expect(populationUniqueness(ADULT_9, 0.01)).toMatchObject({ estimator: 'pitman' })
    expect(populationUniqueness(ADULT_9, 0.01).share).toBeCloseTo(0.1446083531167384, 10)
    expect(populationUniqueness(ADULT_9, 0.1).share).toBeCloseTo(0.27684993883653597, 10)
    expect(populationUniqueness(ADULT_9, 1).share).toBeCloseTo(0.5142895033485844, 15)
    // ARX's test names the Zayatz figure it expects if Pitman did not converge at 0.1: Zayatz gives exactly that
    expect(estimateZayatz(sampleOf(ADULT_9, 0.1)).uniques / 301_620).toBeCloseTo(0.3207402393466189, 14)
    // At 0.2 ARX expects 0.3577099234829125, its Zayatz figure: ARX's SNB equations have no root there (see snb.ts
    // for the two slips). riskcheck's SNB converges and is smaller, so the rule gives SNB (test above).
    expect(estimateZayatz(sampleOf(ADULT_9, 0.2)).uniques / 150_810).toBeCloseTo(0.3577099234829125, 14)
  })
})

describe('individual risk with sampling weights (sdcMicro "approx")', () => {
  test('hand-worked: f = 1, 2, 3 with weight sums 4, 5, 6', () => {
    // f = 1, F = 4: p = 1/4, r = (1/3) ln 4 = 0.46209812
    // f = 2, F = 5: p = 2/5, r = 2/3 - (4/9) ln(5/2) = 0.25942636
    // f = 3, F = 6: p = 1/2, r = (1/2) / (3 - 1/2) = 1/5
    // ER = 0.46209812 + 2 (0.25942636) + 3 (1/5) = 1.58095085; global = ER / 6
    const r1 = Math.log(4) / 3
    const r2 = 2 / 3 - (4 / 9) * Math.log(2.5)
    const { risks, expectedReidentifications, globalRisk } = individualRisk([1, 2, 3], [4, 5, 6])
    expect(risks[0]).toBeCloseTo(r1, 14)
    expect(risks[1]).toBeCloseTo(r2, 14)
    expect(risks[2]).toBeCloseTo(0.2, 15)
    expect(expectedReidentifications).toBeCloseTo(r1 + 2 * r2 + 0.6, 14)
    expect(globalRisk).toBeCloseTo((r1 + 2 * r2 + 0.6) / 6, 14)
  })

  // sdcMicro's own test (sdcTools/sdcMicro, tests/testthat/test_indivRisk.R, "data frame with weight, method = approx,
  // qual = default, survey = TRUE"): keys (2,3,1) x3 with weights 18 + 39 + 51 = 108, (3,3,3) weight 45.5,
  // (2,3,2) weight 17, (3,3,1) x2 with 92 + 8 = 100, (1,4,1) weight 123.5.
  test('sdcMicro test_indivRisk.R figures (8 records, 5 classes)', () => {
    const { risks } = individualRisk([3, 1, 1, 2, 1], [108, 45.5, 17, 100, 123.5])
    const published = [0.01369863, 0.08579129, 0.17707583, 0.01877883, 0.03931625]
    published.forEach((r, j) => expect(risks[j]).toBeCloseTo(r, 8))
  })

  // sdcMicro tests/testthat/test_calcRisks.R, without weights: 10 records, 4 of them in pairs: ER 8, global risk 0.8
  test('without weights (F = f) the risk is 1/f: sdcMicro test_calcRisks.R, ER 8 and global risk 0.8', () => {
    const f = [2, 2, 1, 1, 1, 1, 1, 1]
    expect(individualRisk(f, f)).toMatchObject({ expectedReidentifications: 8, globalRisk: 0.8 })
    expect([...individualRisk(f, f).risks]).toEqual(f.map(x => 1 / x))
  })

  test('weights below 1 (F < f) are refused; a floating-point shortfall of 1e-12 counts as F = f', () => {
    expect(() => individualRisk([1, 2], [3, 1.5])).toThrow(expect.objectContaining({ code: 'E_OPTION',
      message: 'class 1: the sampling weights of its 2 records sum to 1.5, less than 2' }))
    expect(() => individualRisk([1], [NaN])).toThrow('class 0: the sampling weights of its 1 record sum to NaN, not a finite number')
    expect(individualRisk([2], [2 * (1 - 1e-12)]).risks[0]).toBe(0.5)
    expect(() => individualRisk([], [])).toThrow(expect.objectContaining({ code: 'E_EMPTY' }))
    expect(() => individualRisk([1, 2], [3])).toThrow(new RangeError('2 sample class sizes but 1 population-side sizes'))
    expect(() => individualRisk([0], [3])).toThrow('class 0: the sample size must be a whole number from 1, got 0')
  })

  test('property: 0 < r_j <= 1/f_j, r falls as F grows, r is continuous at F = f; global risk in (0, 1]', () => {
    const classes = fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      { minLength: 1, maxLength: 20 })
    fc.assert(fc.property(classes, cs => {
      const f = cs.map(([size]) => size)
      const F = cs.map(([size, extra]) => size + extra)
      const { risks, globalRisk } = individualRisk(f, F)
      const larger = individualRisk(f, F.map(x => x * 1.5)).risks
      const nearCensus = individualRisk(f, f.map(x => x * (1 + 1e-9))).risks
      f.forEach((size, j) => {
        expect(risks[j]).toBeGreaterThan(0)
        expect(risks[j]).toBeLessThanOrEqual(1 / size)
        expect(larger[j]).toBeLessThanOrEqual(risks[j])
        expect(nearCensus[j] * size).toBeCloseTo(1, 7)
      })
      expect(globalRisk).toBeGreaterThan(0)
      expect(globalRisk).toBeLessThanOrEqual(1)
    }))
  })

  test('extreme weights stay finite: F = 1e15 for f = 1, 2, 3', () => {
    const { risks } = individualRisk([1, 2, 3], [1e15, 1e15, 1e15])
    // f = 1: r ~ p ln(1/p) = 1e-15 ln(1e15) = 3.45e-14; f = 2: r ~ p = 2e-15; f = 3: r ~ p / 2 = 1.5e-15
    expect(risks[0]).toBeCloseTo(1e-15 * Math.log(1e15), 20)
    expect(risks[1] / 2e-15).toBeCloseTo(1, 6)
    expect(risks[2] / 1.5e-15).toBeCloseTo(1, 6)
  })
})

describe('journalist and marketer risk', () => {
  test('hand-worked: f = 1, 2, 3 in population classes of 2, 4, 3; t = 0.3', () => {
    // 1/F = 1/2, 1/4, 1/3: highest 1/2, lowest 1/4; above 0.3: the classes of 1 and 3 records -> 4 of 6 records
    // marketer = (1/2 + 2/4 + 3/3) / 6 = 2/6
    expect(journalistRisk([1, 2, 3], [2, 4, 3], 0.3)).toEqual({ highest: 0.5, lowest: 0.25, recordsAtRisk: 4 / 6 })
    expect(marketerRisk([1, 2, 3], [2, 4, 3])).toBeCloseTo(1 / 3, 15)
  })

  test('t = 0.2 counts population classes below 5: 1/5 is not above 0.2', () => {
    expect(journalistRisk([1, 1], [5, 4], 0.2).recordsAtRisk).toBe(0.5)
    expect(journalistRisk([1, 1], [5, 4], 0).recordsAtRisk).toBe(1)
    expect(journalistRisk([1, 1], [5, 4], 1).recordsAtRisk).toBe(0)
  })

  test('a population class smaller than its sample class, or a threshold outside [0, 1], is refused', () => {
    expect(() => journalistRisk([1, 3], [2, 2], 0.2)).toThrow(expect.objectContaining({ code: 'E_OPTION',
      message: 'class 1: 3 records in the sample but only 2 in the population' }))
    expect(() => marketerRisk([1, 3], [2, 2])).toThrow('class 1: 3 records in the sample but only 2 in the population')
    expect(() => journalistRisk([1], [2], 1.5)).toThrow(expect.objectContaining({ code: 'E_OPTION',
      message: 'the risk threshold must be between 0 and 1, got 1.5' }))
    expect(() => marketerRisk([], [])).toThrow(expect.objectContaining({ code: 'E_EMPTY' }))
  })

  test('property: with F = f, marketer risk is J/n and journalist risk is prosecutor risk; F >= f lowers both', () => {
    const classes = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 30 })
    fc.assert(fc.property(classes, fc.double({ min: 0, max: 1, noNaN: true }), (cs, t) => {
      const f = cs.map(([size]) => size)
      const F = cs.map(([size, extra]) => size + extra)
      const n = f.reduce((a, b) => a + b, 0)
      expect(marketerRisk(f, f)).toBeCloseTo(f.length / n, 12)
      expect(journalistRisk(f, f, t).highest).toBe(1 / Math.min(...f))
      expect(marketerRisk(f, F)).toBeLessThanOrEqual(f.length / n + 1e-12)
      const j = journalistRisk(f, F, t)
      expect(j.highest).toBeLessThanOrEqual(1 / Math.min(...f))
      expect(j.lowest).toBeLessThanOrEqual(j.highest)
      expect(j.recordsAtRisk).toBeGreaterThanOrEqual(0)
      expect(j.recordsAtRisk).toBeLessThanOrEqual(journalistRisk(f, f, t).recordsAtRisk)
    }))
  })
})
