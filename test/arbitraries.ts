// fast-check arbitraries of kernel inputs, shared by the kernel tests (kernels.test.ts, threads.test.ts).
import fc from 'fast-check'
import { widthFor } from '../src/input/encode.js'
import type { CodeChunk, CodeColumn, EvaluatorSpec, FrequencyTable, KernelInput } from '../src/types.js'

function chunked(codes: number[], radix: number, cuts: number[], wider: boolean): CodeColumn {
  const width = wider ? 4 : widthFor(radix)
  const View = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Uint32Array
  const bounds = [0, ...cuts.map(c => Math.floor(c * codes.length)).sort((a, b) => a - b), codes.length]
  const chunks: CodeChunk[] = []
  for (let i = 0; i + 1 < bounds.length; i++) chunks.push(View.from(codes.slice(bounds[i], bounds[i + 1])))
  return { radix, chunks }
}

/** A code column of `rows` rows: a few distinct codes (so that classes repeat) anywhere below the radix. */
export const column = (rows: number, maxRadix: number) =>
  fc.record({
    // powers of two make any truncation of a wide key collide, so they are drawn often
    radix: fc.oneof(fc.integer({ min: 1, max: maxRadix }), fc.constantFrom(2 ** Math.floor(Math.log2(maxRadix)), Math.max(1, Math.floor(maxRadix / 2)))),
    picks: fc.array(fc.nat(), { minLength: rows, maxLength: rows }),
    pool: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 8 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    wider: fc.boolean(),
  }).map(({ radix, picks, pool, cuts, wider }) => {
    const values = pool.map(u => Math.floor(u * radix))
    return chunked(picks.map(p => values[p % values.length]), radix, cuts, wider)
  })

export const input: fc.Arbitrary<KernelInput> = fc.integer({ min: 1, max: 150 }).chain(rows =>
  fc.record({
    rows: fc.constant(rows),
    quasiIdentifiers: fc.array(fc.oneof(column(rows, 6), column(rows, 400), column(rows, 2 ** 32 - 1)), { maxLength: 4 }),
    sensitive: fc.array(fc.oneof(column(rows, 5), column(rows, 300)), { maxLength: 2 }),
    k: fc.integer({ min: 1, max: 6 }),
    l: fc.integer({ min: 1, max: 4 }),
  }))

/** A random table whose rows count 1 to 100,000 records each (as a frequency table's counts). */
export const weighted: fc.Arbitrary<KernelInput> = input.chain(x => fc.array(fc.integer({ min: 1, max: 100_000 }),
  { minLength: x.rows, maxLength: x.rows }).map(w => ({ ...x, weights: Uint32Array.from(w) })))

/** The tuples of a frequency table as sorted text, to compare tables whose tuple order differs. */
export function tuplesOf(t: FrequencyTable): string[] {
  return Array.from(t.counts, (count, i) => [...t.codes.map(c => c[i]), count].join(',')).sort()
}

/** Nested level maps for codes below `radix`: identity, then random merges, then one class ("*"). */
const hierarchy = (radix: number) => fc.array(fc.array(fc.nat(), { minLength: radix, maxLength: radix }), { maxLength: 3 })
  .map(merges => {
    const maps = [Uint32Array.from({ length: radix }, (_, i) => i)]
    for (const merge of merges) {
      const prev = maps[maps.length - 1]
      const classes = Math.max(...prev) + 1
      // class g of the previous level goes to merge[g] mod (classes/2, at least 1): a coarsening
      const target = Math.max(1, Math.floor(classes / 2))
      const raw = Array.from(prev, g => merge[g] % target)
      const dense = new Map<number, number>()
      for (const g of raw) if (!dense.has(g)) dense.set(g, dense.size)
      maps.push(Uint32Array.from(raw, g => dense.get(g) as number))
    }
    maps.push(new Uint32Array(radix))
    return maps
  })

export const evaluatorCase = fc.integer({ min: 1, max: 120 }).chain(rows =>
  fc.record({
    rows: fc.constant(rows),
    qi: fc.array(column(rows, 12), { minLength: 1, maxLength: 3 }),
    sensitive: fc.array(column(rows, 4), { maxLength: 2 }),
    seed: fc.nat(),
    k: fc.integer({ min: 1, max: 6 }),
    l: fc.option(fc.integer({ min: 1, max: 3 })),
  }).chain(c => fc.record({
    c: fc.constant(c),
    maps: fc.tuple(...c.qi.map(q => hierarchy(q.radix))),
    levelPicks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  })))

/** The evaluator spec of a random case: its hierarchies, costs from its seed, its sensitive columns. */
export function specOf(c: { qi: CodeColumn[]; sensitive: CodeColumn[]; seed: number }, maps: Uint32Array[][]): EvaluatorSpec {
  return {
    quasiIdentifiers: maps.map((m, j) => ({
      column: j, maps: m, radices: m.map(level => Math.max(...level) + 1),
      costs: m.map((level, h) => Float64Array.from({ length: Math.max(...level) + 1 }, (_, g) => ((g * 7 + h * 3 + c.seed) % 10) / 9)),
    })),
    sensitive: c.sensitive.map((s, i) => ({ column: c.qi.length + i, radix: s.radix })),
  }
}
