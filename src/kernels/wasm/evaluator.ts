// Judging generalisations of a frequency table in WebAssembly: the table, the level maps and the costs
// stay in the memory of an instance of their own; each evaluation allocates above a mark and releases it.
import type { Evaluator, EvaluatorSpec, FrequencyTable, NodeFigures } from '../../types.js'
import { firstRowsOf, gathered, groupRows } from './group.js'
import type { GroupColumn } from './group.js'
import { arena, guard } from './instance.js'
import type { Arena, Exports } from './instance.js'
import { apart, rowParts } from './team.js'
import type { Team } from './team.js'

/** An evaluator over `table`, in the fresh instance `x`. */
export function evaluator(x: Exports, table: FrequencyTable, spec: EvaluatorSpec, team: Team): Evaluator {
  x.reset()
  const n = table.counts.length
  const tableRows = table.rows
  const mem = arena(x, `${n} distinct tuples`)
  const put = (a: Uint32Array | Float64Array) => {
    const ptr = mem.alloc(a.byteLength)
    mem.bytes(ptr, a.byteLength).set(new Uint8Array(a.buffer as ArrayBuffer, a.byteOffset, a.byteLength))
    return ptr
  }
  const counts = put(table.counts)
  const records = table.counts.reduce((a, c) => a + c, 0)
  const qi = spec.quasiIdentifiers.map(q => ({
    codes: put(table.codes[q.column]), maps: q.maps.map(put), costs: q.costs.map(put), radices: q.radices,
    gen: mem.alloc(n * 4),
  }))
  const sensitive = spec.sensitive.map(s => ({ codes: put(table.codes[s.column]), radix: s.radix }))
  const keys = mem.alloc(n * 4)
  const sizes = mem.alloc(Math.max(n, 1) * 4)
  const fail = mem.alloc(Math.max(n, 1))
  const parts = rowParts(n, team.size)
  const remap = (codes: number, map: number, gen: number) =>
    team.run('remap', parts.map(p => [codes + 4 * p.from, p.count, map, gen + 4 * p.from]))
  return {
    evaluate: (levels, criteria) => guard(() => {
      const at = x.mark()
      // each column's codes at its level: level 0 is the identity (no copy); a level of one class adds nothing
      const gens = qi.map((q, j) => {
        const h = levels[j]
        if (h === 0) return q.codes
        if (q.radices[h] === 1) return -1
        remap(q.codes, q.maps[h], q.gen)
        return q.gen
      })
      const cols = qi.flatMap((q, j): GroupColumn[] =>
        gens[j] < 0 ? [] : [{ radix: q.radices[levels[j]], place: () => ({ ptr: gens[j], width: 4 }) }])
      const classes = groupRows(x, mem, cols, n, { keys, sizes, weights: counts, assignIds: true }, team)
      failBelow(team, sizes, classes, criteria.k, fail, true)
      criteria.l.forEach((l, i) => failBelowL(x, mem, team, { keys, classes, n, fail, ...sensitive[i] }, l))
      const { suppressed, failingClasses, keptSquares, minKeptClassSize } = suppression(mem, team, sizes, fail, classes)
      const first = firstRowsOf(mem, team, keys, n, classes)
      const runs = team.parts(classes)
      const keptCost = qi.map((q, j) => {
        const radix = q.radices[levels[j]]
        if (gens[j] < 0) return (records - suppressed) * mem.f64(q.costs[levels[j]], 1)[0]
        const stride = apart(8 * radix)
        const kept = mem.alloc(stride * runs.length)
        team.run('keptRecords', runs.map((r, t) => [gens[j], first, sizes, fail, r.from, r.from + r.count, radix, kept + stride * t]))
        return x.keptCost(kept, runs.length, stride, radix, q.costs[levels[j]])
      })
      x.release(at)
      return { classes, failingClasses, suppressed, keptSquares, keptCost, minKeptClassSize } satisfies NodeFigures
    }),
    classTable: levels => guard(() => {
      const at = x.mark()
      const cols: GroupColumn[] = [
        ...qi.map((q, j): GroupColumn => {
          remap(q.codes, q.maps[levels[j]], q.gen)
          return { radix: q.radices[levels[j]], place: () => ({ ptr: q.gen, width: 4 }) }
        }),
        ...sensitive.map((s): GroupColumn => ({ radix: s.radix, place: () => ({ ptr: s.codes, width: 4 }) })),
      ]
      const tuples = groupRows(x, mem, cols, n, { keys, sizes, weights: counts, assignIds: true }, team)
      const first = firstRowsOf(mem, team, keys, n, tuples)
      const out = mem.alloc(Math.max(tuples, 1) * 4)
      const codes = [...qi.map(q => q.gen), ...sensitive.map(s => s.codes)].map(ptr => {
        gathered(team, ptr, 4, first, tuples, out)
        return mem.u32(out, tuples).slice()
      })
      const table = { rows: tableRows, codes, counts: mem.u32(sizes, tuples).slice() }
      x.release(at)
      return table
    }),
  }
}

/** Class ids per row (keys) and their count, the fail flags per class, one sensitive column's codes
 * (`width` bytes each, default 4) and radix. */
interface PairInput { keys: number; classes: number; n: number; fail: number; codes: number; radix: number; width?: number }

/** Mark as failing the classes with fewer than l distinct values of one sensitive column. */
export function failBelowL(x: Exports, mem: Arena, team: Team, p: PairInput, l: number): void {
  const pairs = mem.alloc(p.n * 4)
  const pairSizes = mem.alloc(p.n * 4)
  const cols: GroupColumn[] = [
    { radix: p.classes, place: () => ({ ptr: p.keys, width: 4 }) },
    { radix: p.radix, place: () => ({ ptr: p.codes, width: p.width ?? 4 }) },
  ]
  const nPairs = groupRows(x, mem, cols, p.n, { keys: pairs, sizes: pairSizes, weights: 0, assignIds: true }, team)
  const distinct = mem.alloc(p.classes * 4)
  x.distinctPerClass(p.keys, pairs, p.n, nPairs, p.classes, mem.alloc(nPairs), distinct)
  failBelow(team, distinct, p.classes, l, p.fail, false)
}

/** fail[c] = 1 for the classes whose value (at `values`) is below `threshold`; the others 0 with `reset`, else left. */
export function failBelow(team: Team, values: number, classes: number, threshold: number, fail: number, reset: boolean): void {
  team.run('failBelow', team.parts(classes).map(r => [values, r.from, r.from + r.count, threshold, fail, reset ? 1 : 0]))
}

/** Classes per block of the suppression kernel. */
const BLOCK = 2 ** 12

/**
 * What suppressing the failing classes removes and keeps. The kernel sums blocks of classes, threads take
 * runs of whole blocks, and the blocks are summed here in order: the same figures on any number of threads.
 */
function suppression(mem: Arena, team: Team, sizes: number, fail: number, classes: number) {
  const blocks = Math.ceil(classes / BLOCK)
  const out = mem.alloc(32 * Math.max(blocks, 1))
  const runs = rowParts(blocks, team.parts(classes).length)
  team.run('suppression', runs.map(r => [sizes, fail, r.from * BLOCK, Math.min(classes, (r.from + r.count) * BLOCK),
    BLOCK, out + 32 * r.from]))
  const f = mem.f64(out, 4 * blocks)
  let suppressed = 0, failingClasses = 0, keptSquares = 0, smallest = Infinity
  for (let b = 0; b < blocks; b++) {
    suppressed += f[4 * b]
    failingClasses += f[4 * b + 1]
    keptSquares += f[4 * b + 2]
    smallest = Math.min(smallest, f[4 * b + 3])
  }
  return { suppressed, failingClasses, keptSquares, minKeptClassSize: smallest === Infinity ? 0 : smallest }
}
