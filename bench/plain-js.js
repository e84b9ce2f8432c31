// The WebAssembly grouping algorithm written in plain JavaScript (mixed-radix keys, dense counting),
// to show what WebAssembly buys over the same loops in JS. Grouping and class statistics only.
export function plainJsClassStats(columns, rows, k) {
  const keys = new Uint32Array(rows)
  let range = 1
  for (const col of columns) {
    if (range * col.radix > 2 ** 26) throw new Error('plain-JS bench kernel handles dense key spaces only')
    let at = 0
    for (const chunk of col.chunks) {
      for (let i = 0; i < chunk.length; i++, at++) keys[at] = keys[at] * col.radix + chunk[i]
    }
    range *= col.radix
  }
  const counts = new Uint32Array(range)
  for (let i = 0; i < rows; i++) counts[keys[i]]++
  let classes = 0, smallest = Infinity, belowK = 0, uniques = 0
  for (let key = 0; key < range; key++) {
    const f = counts[key]
    if (f === 0) continue
    classes++
    if (f < smallest) smallest = f
    if (f < k) belowK += f
    if (f === 1) uniques++
  }
  return { classes, minClassSize: smallest, recordsBelowK: belowK, sampleUniques: uniques }
}
