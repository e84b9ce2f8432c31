// The invariants of a Hierarchy (types.ts), checked: identity at level 0, nested levels, one "*" at the top.
import { hierarchyError } from './errors.js'
import type { Hierarchy } from './types.js'

/**
 * Check that `h` is a valid hierarchy and return it: every level a coarsening of the previous one, the
 * last level the single class "*".
 */
export function checkNested(h: Hierarchy): Hierarchy {
  const at = `column ${JSON.stringify(h.column)}: hierarchy`
  const n = h.maps.length
  if (n < 2 || h.labels.length !== n || h.levelNames.length !== n) {
    throw hierarchyError(`${at} needs as many maps, labels and level names (at least 2), got ${n}, ` +
      `${h.labels.length} and ${h.levelNames.length}`)
  }
  const radix = h.maps[0].length
  if (!h.maps[0].every((g, code) => g === code)) throw hierarchyError(`${at} level 0 is not the original values`)
  h.maps.forEach((map, level) => {
    if (map.length !== radix) throw hierarchyError(`${at} level ${level} maps ${map.length} codes, level 0 ${radix}`)
    const bad = map.findIndex(g => g >= h.labels[level].length)
    if (bad >= 0) throw hierarchyError(`${at} level ${level} puts code ${bad} in class ${map[bad]}, which has no label`)
  })
  for (let level = 1; level < n; level++) checkCoarsening(h, level, at)
  const top = h.labels[n - 1]
  if (radix > 0 && (top.length !== 1 || top[0] !== '*')) {
    throw hierarchyError(`${at} must end with the single class "*", its last level has ${JSON.stringify(top.slice(0, 5))}`)
  }
  return h
}

/** Two codes in one class at level - 1 must share a class at `level`. */
function checkCoarsening(h: Hierarchy, level: number, at: string): void {
  const fine = h.maps[level - 1]
  const coarse = h.maps[level]
  const first = new Int32Array(h.labels[level - 1].length).fill(-1)
  for (let code = 0; code < fine.length; code++) {
    const other = first[fine[code]]
    if (other < 0) { first[fine[code]] = code; continue }
    if (coarse[other] === coarse[code]) continue
    const name = (l: number) => `level ${l} (${h.levelNames[l]})`
    const text = (l: number, c: number) => JSON.stringify(h.labels[l][h.maps[l][c]])
    throw hierarchyError(`${at} ${name(level)} is not a coarsening of ${name(level - 1)}: ` +
      `${text(0, other)} and ${text(0, code)} share ${text(level - 1, code)} at level ${level - 1} but not at ` +
      `level ${level} (${text(level, other)}, ${text(level, code)})`)
  }
}
