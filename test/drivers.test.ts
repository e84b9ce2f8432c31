// What drives the risk: sample uniques with each quasi-identifier left out or one level coarser, by hand.
import { Table, Utf8, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { riskDrivers } from '../src/anonymise/drivers.js'
import { referenceKernels } from '../src/kernels/reference.js'
import { runCli } from './helpers.js'

// a: u u v v w w; b: x y x y x x; c: p p p p q r. All six rows are unique on (a, b, c).
//   without a: xp xp yp yp xq xr -> xq, xr unique: 2;   without b: up up vp vp wq wr -> 2;
//   without c: ux uy vx vy wx wx -> 4;   a coarsened (u, v -> A; w -> B): Axp Ayp Axp Ayp Bxq Bxr -> 2.
const table = () => new Table({
  a: vectorFromArray(['u', 'u', 'v', 'v', 'w', 'w'], new Utf8()),
  b: vectorFromArray(['x', 'y', 'x', 'y', 'x', 'x'], new Utf8()),
  c: vectorFromArray(['p', 'p', 'p', 'p', 'q', 'r'], new Utf8()),
})
const policy = { qi: ['a', 'b', 'c'], hierarchies: { a: { kind: 'map' as const, map: [{ u: 'A', v: 'A', w: 'B' }] } } }

describe('riskDrivers', () => {
  test('worked by hand: left out and one level coarser', () => {
    expect(riskDrivers(table(), policy)).toEqual({
      sampleUniques: 6,
      columns: [
        { column: 'a', withoutIt: 2, coarsened: { levelName: 'map level 1', hierarchy: 'mapping tables (1 levels)', sampleUniques: 2 } },
        { column: 'b', withoutIt: 2, coarsened: null },
        { column: 'c', withoutIt: 4, coarsened: null },
      ],
    })
  })
  test('the reference kernels agree', () => {
    expect(riskDrivers(table(), { ...policy, kernels: referenceKernels })).toEqual(riskDrivers(table(), policy))
  })
  test('--drivers adds them to the JSON and the summary', async () => {
    const care = new URL('../datasets/care-extract.arrow', import.meta.url).pathname
    const j = JSON.parse((await runCli(care, '--k', '5', '--drivers', '--no-propose', '--json')).out)
    expect(j.drivers.sampleUniques).toBe(j.sampleUniques)
    expect(j.drivers.columns.map((c: { column: string }) => c.column)).toEqual(j.quasiIdentifiers)
    expect(JSON.parse((await runCli(care, '--k', '5', '--no-propose', '--json')).out).drivers).toBeUndefined()
    expect((await runCli(care, '--k', '5', '--drivers')).out).toContain('What drives the risk (5,473 sample uniques)')
  })
})
