// Log-gamma, digamma and trigamma for positive real arguments, to about 1e-14 relative.
// Recurrence up to x >= 20, then the asymptotic (Stirling) series; no dependency needed.

const SHIFT = 20

/** ln of the smallest normal double: estimates below it are rounded to 0. */
export const LOG_MIN_NORMAL = Math.log(2.2250738585072014e-308)
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI)

/** ln Gamma(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN // also stops the recurrence below from looping on -Infinity
  let shift = 0
  let product = 1
  while (x < SHIFT) {
    product *= x
    x += 1
    shift++
  }
  const z = 1 / (x * x)
  const series = (1 / 12 - z * (1 / 360 - z * (1 / 1260 - z * (1 / 1680 - z / 1188)))) / x
  const stirling = (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series
  return shift === 0 ? stirling : stirling - Math.log(product)
}

/** digamma(x) = d/dx ln Gamma(x), for x > 0. */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN
  let sum = 0
  while (x < SHIFT) {
    sum -= 1 / x
    x += 1
  }
  const z = 1 / (x * x)
  const series = z * (1 / 12 - z * (1 / 120 - z * (1 / 252 - z * (1 / 240 - z / 132))))
  return sum + Math.log(x) - 0.5 / x - series
}

/** trigamma(x) = d^2/dx^2 ln Gamma(x), for x > 0. */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN
  let sum = 0
  while (x < SHIFT) {
    sum += 1 / (x * x)
    x += 1
  }
  const z = 1 / (x * x)
  const series = (1 / 6 - z * (1 / 30 - z * (1 / 42 - z * (1 / 30 - z * 5 / 66)))) / (x * x * x)
  return sum + 1 / x + 0.5 * z + series
}
