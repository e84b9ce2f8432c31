// The specification of the kernels in plain TypeScript: slow, obviously correct, the oracle of the tests.
import type { CodeColumn, DiversityFigures, KernelInput, KernelOutput, Kernels } from '../types.js'

/** Every code of a column, chunks concatenated. */
export function flattenCodes(col: CodeColumn): number[] {
  return col.chunks.flatMap(chunk => Array.from(chunk))
}

/** Reference kernels: group rows by the text of their code tuple in a Map. */
export const referenceKernels: Kernels = {
  frequencies(input: KernelInput): KernelOutput {
    const qi = input.quasiIdentifiers.map(flattenCodes)
    const sensitive = input.sensitive.map(flattenCodes)
    const classes = new Map<string, number[]>()
    for (let i = 0; i < input.rows; i++) {
      const key = qi.map(col => col[i]).join(',')
      const rows = classes.get(key) ?? []
      rows.push(i)
      classes.set(key, rows)
    }
    const sizes = [...classes.values()].map(rows => rows.length)
    const bySize = new Map<number, number>()
    for (const f of sizes) bySize.set(f, (bySize.get(f) ?? 0) + 1)
    return {
      classes: sizes.length,
      minClassSize: sizes.length ? sizes.reduce((a, f) => Math.min(a, f)) : 0,
      maxClassSize: sizes.reduce((a, f) => Math.max(a, f), 0),
      recordsBelowK: sizes.filter(f => f < input.k).reduce((a, f) => a + f, 0),
      sampleUniques: sizes.filter(f => f === 1).length,
      histogram: [...bySize.entries()].sort((a, b) => a[0] - b[0]),
      diversity: sensitive.map(col =>
        diversityOf([...classes.values()].map(rows => rows.map(i => col[i])), input.l)),
    }
  },
}

/** l-diversity figures of one sensitive column, given the sensitive values of each class. */
function diversityOf(classes: number[][], l: number): DiversityFigures {
  const figures: DiversityFigures = {
    distinct: Infinity, entropyH: Infinity, maxRatio: 0,
    classesBelowL: 0, recordsBelowL: 0, homogeneousClasses: 0, homogeneousRecords: 0,
  }
  for (const values of classes) {
    const counts = new Map<number, number>()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    const f = values.length
    let h = 0
    for (const r of counts.values()) h -= (r / f) * Math.log(r / f)
    const desc = [...counts.values()].sort((a, b) => b - a)
    figures.distinct = Math.min(figures.distinct, desc.length)
    figures.entropyH = Math.min(figures.entropyH, h)
    if (desc.length === 1) {
      figures.homogeneousClasses++
      figures.homogeneousRecords += f
    }
    if (desc.length < l) {
      figures.classesBelowL++
      figures.recordsBelowL += f
    } else {
      // recursive (c,l): r1 against r_l + ... + r_m (counts most frequent first)
      const tail = desc.slice(l - 1).reduce((a, r) => a + r, 0)
      figures.maxRatio = Math.max(figures.maxRatio, desc[0] / tail)
    }
  }
  if (classes.length === 0) figures.distinct = figures.entropyH = 0
  return figures
}
