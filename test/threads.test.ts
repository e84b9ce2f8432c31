// Worker threads give exactly what one thread gives: class figures, l-diversity, frequency tables and the
// judgement of lattice nodes, on random tables cut into parts of a few rows (so that every kernel that is
// split runs on the workers), and the whole generalisation on a real extract.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Int16, Int32, Table, Uint8, makeVector, tableToIPC } from 'apache-arrow'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { anonymise } from '../src/anonymise/index.js'
import { readArrow } from '../src/input/arrow.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { loadKernels } from '../src/kernels/wasm/index.js'
import { instantiate, kernelModule } from '../src/kernels/wasm/instance.js'
import { rowParts, teamFor } from '../src/kernels/wasm/team.js'
import type { CodeColumn, KernelInput } from '../src/types.js'
import { evaluatorCase, input, specOf, tuplesOf, weighted } from './arbitraries.js'
import { tempFile } from './helpers.js'

const one = loadKernels({ threads: 1 })
// parts of 1 to 3 rows: a team of 2 or 3 as soon as a table has that many rows
const teams = [2, 3].flatMap(threads => [1, 3].map(minRowsPerThread => ({ threads, minRowsPerThread })))
const kernelsOf = (i: number) => loadKernels(teams[i % teams.length])

describe('threads give exactly the figures of one thread', () => {
  test('rowParts cuts n rows into consecutive runs that cover them', () => {
    fc.assert(fc.property(fc.nat({ max: 10_000 }), fc.integer({ min: 1, max: 9 }), (n, size) => {
      const parts = rowParts(n, size)
      expect(parts).toHaveLength(size)
      parts.forEach((p, i) => expect(p.from).toBe(i === 0 ? 0 : parts[i - 1].from + parts[i - 1].count))
      expect(parts.reduce((a, p) => a + p.count, 0)).toBe(n)
      expect(Math.max(...parts.map(p => p.count)) - Math.min(...parts.map(p => p.count))).toBeLessThanOrEqual(1)
    }))
  })

  test('frequencies: class sizes, histogram and l-diversity (dense, hashed and 64-bit keys)', () => {
    fc.assert(fc.property(input, fc.nat(), (x, pick) => {
      // exact equality: the entropy and the ratio too, not just close
      expect(kernelsOf(pick).frequencies(x)).toEqual(one.frequencies(x))
    }), { numRuns: 300 })
  })

  test('frequencies with weights (a frequency table\'s counts)', () => {
    fc.assert(fc.property(weighted, fc.nat(), (x, pick) => {
      expect(kernelsOf(pick).frequencies(x)).toEqual(one.frequencies(x))
    }), { numRuns: 200 })
  })

  test('frequencyTable: the same tuples, counts and order', () => {
    fc.assert(fc.property(input, fc.nat(), (x, pick) => {
      const columns = [...x.quasiIdentifiers, ...x.sensitive]
      expect(kernelsOf(pick).frequencyTable(columns, x.rows)).toEqual(one.frequencyTable(columns, x.rows))
      const weights = Uint32Array.from({ length: x.rows }, (_, i) => 1 + ((i * 7919 + pick) % 1000))
      expect(kernelsOf(pick).frequencyTable(columns, x.rows, weights)).toEqual(one.frequencyTable(columns, x.rows, weights))
    }), { numRuns: 200 })
  })

  test('keptRows: the rows of the classes that meet k and l', () => {
    fc.assert(fc.property(input, fc.nat(), (x, pick) => {
      const criteria = { k: x.k, l: x.sensitive.map((_, i) => x.l + i) }
      expect(kernelsOf(pick).keptRows(x.quasiIdentifiers, x.sensitive, x.rows, criteria))
        .toEqual(one.keptRows(x.quasiIdentifiers, x.sensitive, x.rows, criteria))
    }), { numRuns: 200 })
  })

  test('evaluator: every figure of a node, and its class table', () => {
    fc.assert(fc.property(evaluatorCase, fc.nat(), ({ c, maps, levelPicks }, pick) => {
      const table = one.frequencyTable([...c.qi, ...c.sensitive], c.rows)
      const spec = specOf(c, maps)
      const levels = maps.map((m, j) => levelPicks[j] % m.length)
      const criteria = { k: c.k, l: c.l === null ? [] : c.sensitive.map((_, i) => (c.l as number) + i) }
      const threaded = kernelsOf(pick).evaluator(table, spec)
      const single = one.evaluator(table, spec)
      expect(threaded.evaluate(levels, criteria)).toEqual(single.evaluate(levels, criteria))
      expect(tuplesOf(threaded.classTable(levels))).toEqual(tuplesOf(single.classTable(levels)))
    }), { numRuns: 300 })
  })

  test('8 threads, 20,000 short runs in a row, each checked: a request is run once, never again on a late wake-up', () => {
    // a worker woken late by the notify of a request it had already done used to run it a second time
    const module = kernelModule()
    const x = instantiate(module)
    const n = 900
    const team = teamFor(x, module, n, 8, 1)
    x.reset()
    const src = x.alloc(n * 4), dst = x.alloc(n * 4)
    const parts = rowParts(n, team.size)
    let wrong = 0
    for (let run = 0; run < 20_000; run++) {
      const s = new Uint32Array(x.memory.buffer, src, n)
      for (let i = 0; i < n; i++) s[i] = (i * 7 + run) & 1023
      new Uint32Array(x.memory.buffer, dst, n).fill(run)
      team.run('mixCodes', parts.map(p => [dst + 4 * p.from, p.count, src + 4 * p.from, 4, 1024, 0]))
      const d = new Uint32Array(x.memory.buffer, dst, n)
      for (let i = 0; i < n; i++) if (d[i] !== ((run * 1024 + s[i]) >>> 0)) { wrong++; break }
    }
    expect(team.size).toBe(8)
    expect(wrong).toBe(0)
  }, 60_000)

  test('memory grown between runs is seen by the workers (tables from 1,000 to 256,000 rows)', () => {
    const kernels = loadKernels({ threads: 2, minRowsPerThread: 100 })
    for (let rows = 1000; rows <= 256_000; rows *= 2) {
      const codes = (radix: number, step: number): CodeColumn =>
        ({ radix, chunks: [Uint32Array.from({ length: rows }, (_, i) => (i * step) % radix)] })
      const x: KernelInput = { rows, quasiIdentifiers: [codes(997, 7919), codes(65_537, 104_729)], sensitive: [codes(7, 13)], k: 3, l: 2 }
      expect(kernels.frequencies(x)).toEqual(one.frequencies(x))
    }
  })

  test('large dense tables (270,000 to 476,000 keys, 140,000 rows): rows and weighted tuples', () => {
    const rows = 140_000
    const large = fc.record({ a: fc.integer({ min: 520, max: 690 }), b: fc.integer({ min: 520, max: 690 }),
      seed: fc.nat(), threads: fc.integer({ min: 2, max: 3 }) })
    fc.assert(fc.property(large, ({ a, b, seed, threads }) => {
      let s = seed
      const next = (m: number) => { // mulberry32
        s = (s + 0x6d2b79f5) | 0
        let t = Math.imul(s ^ (s >>> 15), 1 | s)
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
        return ((t ^ (t >>> 14)) >>> 0) % m
      }
      // half the rows from a few hundred keys, so that classes of every size occur
      const codes = (radix: number) => Uint32Array.from({ length: rows }, (_, i) => i % 2 ? next(radix) : next(radix) % 23)
      const qi = [{ radix: a, chunks: [codes(a)] }, { radix: b, chunks: [codes(b)] }]
      const x: KernelInput = { rows, quasiIdentifiers: qi, sensitive: [{ radix: 3, chunks: [codes(3)] }], k: 2, l: 2 }
      const split = loadKernels({ threads, minRowsPerThread: 1000 })
      const want = referenceKernels.frequencies(x)
      expect(split.frequencies(x)).toEqual(one.frequencies(x))
      expect({ ...one.frequencies(x), diversity: [] }).toEqual({ ...want, diversity: [] })
      const table = one.frequencyTable(qi, rows)
      expect(split.frequencyTable(qi, rows)).toEqual(table)
      expect(8 * table.counts.length).toBeGreaterThanOrEqual(a * b) // the tuples too are counted in a dense table
      const identity = (radix: number) => [Uint32Array.from({ length: radix }, (_, i) => i), new Uint32Array(radix)]
      const spec = specOf({ qi, sensitive: [], seed }, [identity(a), identity(b)])
      const criteria = { k: 3, l: [] }
      const figures = split.evaluator(table, spec).evaluate([0, 0], criteria)
      expect(figures).toEqual(one.evaluator(table, spec).evaluate([0, 0], criteria))
      const reference = referenceKernels.evaluator(table, spec).evaluate([0, 0], criteria)
      expect({ ...figures, keptCost: [] }).toEqual({ ...reference, keptCost: [] })
      figures.keptCost.forEach((cost, j) => expect(cost).toBeCloseTo(reference.keptCost[j], 9)) // summed in another order
    }), { numRuns: 8 })
  }, 60_000)

  test('the whole generalisation of the care extract (k = 5, 1 % suppression, l = 2) is the same on 2 threads', () => {
    const table = readArrow('datasets/care-extract.arrow')
    const policy = { k: 5, maxSuppression: 0.01, l: 2, sensitive: ['care_decision'] }
    const single = anonymise(table, { ...policy, kernels: one })
    const threaded = anonymise(table, { ...policy, kernels: loadKernels({ threads: 2, minRowsPerThread: 64 }) })
    const strip = (r: typeof single) => ({ ...r, table: null, search: { ...r.search, milliseconds: 0 } })
    expect(strip(threaded)).toEqual(strip(single))
    expect(threaded.table?.numRows).toBe(single.table?.numRows)
    expect(single.transformation).not.toBeNull()
  })
})

describe('the command line on a table large enough for threads', () => {
  test('--threads 1 and --threads 2 print the same JSON and write the same coded table (400,000 rows)', () => {
    const rows = 400_000
    let seed = 7
    const next = (m: number) => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed % m }
    const column = <T extends Int16Array | Uint8Array | Int32Array>(a: T, m: number) => a.map(() => next(m)) as T
    const table = new Table({
      birth_year: makeVector({ type: new Int16(), data: column(new Int16Array(rows), 90).map(y => 1930 + y) }),
      sex: makeVector({ type: new Uint8(), data: column(new Uint8Array(rows), 2) }),
      postcode: makeVector({ type: new Int32(), data: column(new Int32Array(rows), 300).map(p => 1000 + p * 29) }),
      decision: makeVector({ type: new Uint8(), data: column(new Uint8Array(rows), 4) }),
    })
    const file = tempFile('large.arrow', tableToIPC(table, 'file'))
    const bin = new URL('../bin/riskcheck.js', import.meta.url).pathname
    // the same relative --out both times (the JSON names it), replaced by the second run
    const run = (threads: number) => {
      const r = spawnSync(process.execPath, [bin, 'large.arrow', '--qi', 'birth_year,sex,postcode', '--sensitive', 'decision',
        '--l', '2', '--k', '5', '--max-suppression', '1%', '--json', '--out', 'coded.arrow', '--force', '--threads', String(threads)],
      { encoding: 'utf8', timeout: 120_000, cwd: dirname(file) })
      expect(r.stderr).toBe('')
      return { status: r.status, json: JSON.parse(r.stdout), coded: readFileSync(join(dirname(file), 'coded.arrow')) }
    }
    const one = run(1)
    const two = run(2)
    expect(one.status).toBe(0)
    expect(one.json.proposal).not.toBeNull()
    expect(two.status).toBe(one.status)
    expect(two.json).toEqual(one.json)
    expect(two.coded.equals(one.coded)).toBe(true)
  }, 120_000)
})
