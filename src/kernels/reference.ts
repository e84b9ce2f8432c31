// The specification of the kernels in plain TypeScript: slow, obviously correct, the oracle of the tests.
import type {
  CodeColumn, DiversityFigures, Evaluator, EvaluatorSpec, FrequencyTable, KernelInput, KernelOutput, Kernels, NodeCriteria,
  NodeFigures,
} from '../types.js'

/** Every code of a column, chunks concatenated. */
export function flattenCodes(col: CodeColumn): number[] {
  return col.chunks.flatMap(chunk => Array.from(chunk))
}

/** Reference kernels: group rows by the text of their code tuple in a Map. */
export const referenceKernels: Kernels = {
  frequencies(input: KernelInput): KernelOutput {
    if (input.weights?.includes(0)) throw new RangeError('weights must be at least 1')
    const qi = input.quasiIdentifiers.map(flattenCodes)
    const sensitive = input.sensitive.map(flattenCodes)
    const weight = (i: number) => input.weights ? input.weights[i] : 1
    const classes = new Map<string, number[]>()
    for (let i = 0; i < input.rows; i++) {
      const key = qi.map(col => col[i]).join(',')
      const rows = classes.get(key) ?? []
      rows.push(i)
      classes.set(key, rows)
    }
    const sizes = [...classes.values()].map(rows => rows.reduce((a, i) => a + weight(i), 0))
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
        diversityOf([...classes.values()].map(rows => rows.map(i => [col[i], weight(i)])), input.l)),
    }
  },

  frequencyTable(columns: CodeColumn[], rows: number, weights?: Uint32Array): FrequencyTable {
    if (weights?.includes(0)) throw new RangeError('weights must be at least 1')
    const cols = columns.map(flattenCodes)
    const tuples = new Map<string, { row: number; count: number }>()
    for (let i = 0; i < rows; i++) {
      const key = cols.map(col => col[i]).join(',')
      const w = weights ? weights[i] : 1
      const tuple = tuples.get(key)
      if (tuple) tuple.count += w
      else tuples.set(key, { row: i, count: w })
    }
    const found = [...tuples.values()]
    return {
      rows: weights ? weights.reduce((a, w) => a + w, 0) : rows,
      codes: cols.map(col => Uint32Array.from(found, t => col[t.row])),
      counts: Uint32Array.from(found, t => t.count),
    }
  },

  keptRows(columns: CodeColumn[], sensitive: CodeColumn[], rows: number, criteria: NodeCriteria): Uint8Array | null {
    const cols = columns.map(flattenCodes)
    const values = sensitive.map(flattenCodes)
    const classes = new Map<string, number[]>()
    for (let i = 0; i < rows; i++) {
      const key = cols.map(col => col[i]).join(',')
      classes.set(key, [...(classes.get(key) ?? []), i])
    }
    const kept = new Uint8Array(rows)
    for (const members of classes.values()) {
      const passes = members.length >= criteria.k &&
        criteria.l.every((l, c) => new Set(members.map(i => values[c][i])).size >= l)
      for (const i of members) kept[i] = passes ? 1 : 0
    }
    return kept.every(k => k === 1) ? null : kept
  },

  evaluator(table: FrequencyTable, spec: EvaluatorSpec): Evaluator {
    return {
      evaluate: (levels, criteria) => evaluateNode(table, spec, levels, criteria),
      classTable(levels) {
        const columns = [
          ...spec.quasiIdentifiers.map((q, j) => Array.from(table.codes[q.column], code => q.maps[levels[j]][code])),
          ...spec.sensitive.map(s => Array.from(table.codes[s.column])),
        ]
        const tuples = new Map<string, { t: number; count: number }>()
        table.counts.forEach((count, t) => {
          const key = columns.map(c => c[t]).join(',')
          const tuple = tuples.get(key)
          if (tuple) tuple.count += count
          else tuples.set(key, { t, count })
        })
        const found = [...tuples.values()]
        return {
          rows: table.rows,
          codes: columns.map(c => Uint32Array.from(found, f => c[f.t])),
          counts: Uint32Array.from(found, f => f.count),
        }
      },
    }
  },
}

/** Generalise every tuple to `levels`, group, and judge each class against k (and distinct l). */
function evaluateNode(table: FrequencyTable, spec: EvaluatorSpec, levels: number[],
  criteria: NodeCriteria): NodeFigures {
  const classes = new Map<string, number[]>()
  table.counts.forEach((_, t) => {
    const key = spec.quasiIdentifiers.map((q, j) => q.maps[levels[j]][table.codes[q.column][t]]).join(',')
    classes.set(key, [...(classes.get(key) ?? []), t])
  })
  const figures: NodeFigures = {
    classes: classes.size, failingClasses: 0, suppressed: 0, keptSquares: 0,
    keptCost: spec.quasiIdentifiers.map(() => 0), minKeptClassSize: 0,
  }
  for (const tuples of classes.values()) {
    const size = tuples.reduce((a, t) => a + table.counts[t], 0)
    const distinct = spec.sensitive.map(s => new Set(tuples.map(t => table.codes[s.column][t])).size)
    if (size < criteria.k || criteria.l.some((l, i) => distinct[i] < l)) {
      figures.failingClasses++
      figures.suppressed += size
      continue
    }
    figures.keptSquares += size * size
    if (figures.minKeptClassSize === 0 || size < figures.minKeptClassSize) figures.minKeptClassSize = size
    spec.quasiIdentifiers.forEach((q, j) => {
      const map = q.maps[levels[j]]
      const cost = q.costs[levels[j]]
      for (const t of tuples) figures.keptCost[j] += table.counts[t] * cost[map[table.codes[q.column][t]]]
    })
  }
  return figures
}

/** l-diversity figures of one sensitive column, given the sensitive values of each class and their records. */
function diversityOf(classes: [value: number, records: number][][], l: number): DiversityFigures {
  const figures: DiversityFigures = {
    distinct: Infinity, entropyH: Infinity, maxRatio: 0,
    classesBelowL: 0, recordsBelowL: 0, homogeneousClasses: 0, homogeneousRecords: 0,
  }
  for (const values of classes) {
    const counts = new Map<number, number>()
    for (const [v, w] of values) counts.set(v, (counts.get(v) ?? 0) + w)
    const f = values.reduce((a, [, w]) => a + w, 0)
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
