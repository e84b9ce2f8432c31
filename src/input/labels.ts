// Text of a cell value, for the labels of encoded columns (what a report prints for a code).
import { DataType, TimeUnit, Type, util } from 'apache-arrow'

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

/** Decimal text of an Arrow decimal (a big integer of 32-bit words) with `scale` digits after the point. */
export function decimalText(words: unknown, scale: number): string {
  const digits = util.bigNumToString(words as never)
  if (scale <= 0) return digits + '0'.repeat(-scale)
  const negative = digits.startsWith('-')
  const abs = (negative ? digits.slice(1) : digits).padStart(scale + 1, '0')
  return (negative ? '-' : '') + abs.slice(0, abs.length - scale) + '.' + abs.slice(abs.length - scale)
}

/** Text of a value as `Vector.get()` returns it for a column of type `type`. */
export function valueText(value: unknown, type: DataType): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex')
  switch (type.typeId) {
    case Type.Date: return isoDateMs(Number(value))
    case Type.Timestamp: return new Date(Number(value)).toISOString()
    case Type.Decimal: return decimalText(value, (type as unknown as { scale: number }).scale)
    default: return String(value)
  }
}

function isoDateMs(ms: number): string {
  const iso = new Date(ms).toISOString()
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso
}
