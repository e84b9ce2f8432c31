// Text of a cell value, for the labels of encoded columns (what a report prints for a code). Dates and
// times beyond what a JavaScript Date can hold (about 275,000 years either side of 1970) are printed as
// the raw count with its unit instead.
import { TimeUnit } from 'apache-arrow'

const DAY_MS = 86_400_000
/** Largest |milliseconds since the epoch| a JavaScript Date can hold. */
const MAX_DATE_MS = 8_640_000_000_000_000n
const UNITS_PER_SECOND: Record<TimeUnit, bigint> = {
  [TimeUnit.SECOND]: 1n, [TimeUnit.MILLISECOND]: 1000n, [TimeUnit.MICROSECOND]: 1_000_000n, [TimeUnit.NANOSECOND]: 1_000_000_000n,
}
const UNIT_NAMES: Record<TimeUnit, string> = {
  [TimeUnit.SECOND]: 'seconds', [TimeUnit.MILLISECOND]: 'milliseconds', [TimeUnit.MICROSECOND]: 'microseconds',
  [TimeUnit.NANOSECOND]: 'nanoseconds',
}

/** A count of `unit`s, as text: "5 seconds". */
export function durationText(value: bigint | number, unit: TimeUnit): string {
  return `${value} ${UNIT_NAMES[unit]}`
}

/** ISO text of a point in time given as a count of `unit` since the epoch (UTC), to the unit's precision. */
export function isoInstant(value: bigint, unit: TimeUnit): string {
  const perSecond = UNITS_PER_SECOND[unit]
  const seconds = floorDiv(value, perSecond)
  if (seconds * 1000n > MAX_DATE_MS || seconds * 1000n < -MAX_DATE_MS) return `${durationText(value, unit)} since 1970-01-01`
  const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19)
  if (unit === TimeUnit.SECOND) return iso + '.000Z'
  const digits = perSecond.toString().length - 1
  return `${iso}.${(value - seconds * perSecond).toString().padStart(digits, '0')}Z`
}

/** ISO date of a day count since the epoch. */
export function isoDay(days: number): string {
  const ms = days * DAY_MS
  return Math.abs(ms) <= Number(MAX_DATE_MS) ? new Date(ms).toISOString().slice(0, 10) : `${days} days since 1970-01-01`
}

/** A Date<MILLISECOND> value: the ISO date when it falls on midnight UTC, else the ISO instant. */
export function isoDateMs(ms: bigint): string {
  const iso = isoInstant(ms, TimeUnit.MILLISECOND)
  return ms % BigInt(DAY_MS) === 0n && iso.endsWith('Z') ? iso.slice(0, 10) : iso
}

/** Time of day given as a count of `unit` since midnight (the raw count when it is not within one day). */
export function timeOfDay(value: bigint, unit: TimeUnit): string {
  if (value < 0n || value >= 86_400n * UNITS_PER_SECOND[unit]) return `${durationText(value, unit)} since midnight`
  const iso = isoInstant(value, unit)
  return iso.slice(11, iso.length - 1)
}

/** Decimal text of an unscaled integer with `scale` digits after the point. */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString()
  const negative = unscaled < 0n
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0')
  return (negative ? '-' : '') + digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale)
}

/** The unscaled integer of decimal value i in little-endian 32-bit words (bitWidth 128 or 256). */
export function decimalAt(words: Uint32Array, i: number, bitWidth: number): bigint {
  const n = bitWidth / 32
  let v = 0n
  for (let w = n - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[i * n + w])
  return BigInt.asIntN(bitWidth, v)
}

/** a / b rounded towards minus infinity (b > 0). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b < 0n ? q - 1n : q
}
