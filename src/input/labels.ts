// Text of a cell value, for the labels of encoded columns (what a report prints for a code).
import { DataType, TimeUnit, Type } from 'apache-arrow'

const DAY_MS = 86_400_000
const UNIT_PER_MS: Record<number, bigint> = {
  [TimeUnit.SECOND]: 0n, [TimeUnit.MILLISECOND]: 1n, [TimeUnit.MICROSECOND]: 1000n, [TimeUnit.NANOSECOND]: 1_000_000n,
}

/** ISO text of a point in time given as a count of `unit` since the epoch (UTC). */
export function isoInstant(value: bigint, unit: TimeUnit): string {
  const perMs = UNIT_PER_MS[unit]
  const ms = perMs === 0n ? value * 1000n : value / perMs
  const iso = new Date(Number(ms)).toISOString()
  if (perMs <= 1n) return iso
  const digits = unit === TimeUnit.MICROSECOND ? 6 : 9
  const frac = ((value % (perMs * 1000n)) + perMs * 1000n) % (perMs * 1000n)
  return iso.slice(0, 19) + '.' + frac.toString().padStart(digits, '0') + 'Z'
}

/** ISO date of a day count since the epoch. */
export function isoDay(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10)
}

/** Time of day given as a count of `unit` since midnight. */
export function timeOfDay(value: bigint, unit: TimeUnit): string {
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

/** Text of a value as `Vector.get()` returns it for a column of type `type`. */
export function valueText(value: unknown, type: DataType): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex')
  switch (type.typeId) {
    case Type.Date: return isoDateMs(Number(value))
    case Type.Timestamp: return new Date(Number(value)).toISOString()
    case Type.Decimal: return decimalText(BigInt(String(value)), (type as unknown as { scale: number }).scale)
    default: return String(value)
  }
}

function isoDateMs(ms: number): string {
  const iso = new Date(ms).toISOString()
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso
}
