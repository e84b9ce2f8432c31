// Generalisation hierarchies: spec parsing, every builder and preset on hand-made values, ARX files, errors.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { DateDay, Dictionary, Int16, Int32, Table, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow'
import type { DataType } from 'apache-arrow'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { RiskcheckError } from '../src/errors.js'
import {
  arrondissementNotes, buildHierarchy, checkNested, keepOrSuppress, looksLikeArrondissement,
  looksLikeCommune, parseHierarchySpec, readArxHierarchy,
} from '../src/hierarchy/index.js'
import type { Hierarchy, HierarchySpec } from '../src/hierarchy/index.js'
import { readArrow } from '../src/input/arrow.js'
import { encodeColumn } from '../src/input/encode.js'
import type { EncodedColumn } from '../src/types.js'

const FIXTURES = new URL('fixtures/hierarchies/', import.meta.url).pathname
const ADULT_HIERARCHIES = new URL('../datasets/hierarchies/adult/', import.meta.url).pathname
// a copy of shared/reference/be-arrondissements.csv (Statbel REFNIS; see test/fixtures/hierarchies/README.md)
const REFERENCE = new URL('fixtures/be-arrondissements.csv', import.meta.url).pathname

/** A column encoded from values through apache-arrow, as the analyser sees it. */
function encoded(values: unknown[], type: DataType, name = 'x'): EncodedColumn {
  return encodeColumn(new Table({ [name]: vectorFromArray(values, type) }), name)
}

/** A column whose codes are its labels' positions, every code used once. */
function column(labels: (string | null)[], type = 'Utf8', name = 'x'): EncodedColumn {
  return { name, type, labels, radix: labels.length, distinct: labels.length, nulls: labels.filter(l => l === null).length,
    chunks: [Uint32Array.from(labels, (_, i) => i)] }
}

const build = (json: unknown, col: EncodedColumn, baseDir?: string) =>
  buildHierarchy(parseHierarchySpec(json, col.name), col, { baseDir })

/** The labels of original value `value` at every level after the original. */
function path(h: Hierarchy, value: string | null): (string | null)[] {
  const code = h.labels[0].indexOf(value)
  expect(code, `value ${value} in the column`).toBeGreaterThanOrEqual(0)
  return h.maps.slice(1).map((map, level) => h.labels[level + 1][map[code]])
}

/** Every value's path, as an object for readable diffs. */
function paths(h: Hierarchy): Record<string, (string | null)[]> {
  return Object.fromEntries(h.labels[0].map(v => [String(v), path(h, v)]))
}

/** Nesting, checked pair by pair (independent of checkNested). */
function isNested(h: Hierarchy): boolean {
  for (let level = 1; level < h.maps.length; level++) {
    for (let a = 0; a < h.maps[0].length; a++) {
      for (let b = 0; b < a; b++) {
        if (h.maps[level - 1][a] === h.maps[level - 1][b] && h.maps[level][a] !== h.maps[level][b]) return false
      }
    }
  }
  return true
}

function errorOf(f: () => unknown): RiskcheckError {
  try { f() } catch (e) { expect(e).toBeInstanceOf(RiskcheckError); return e as RiskcheckError }
  throw new Error('expected an error')
}

describe('parseHierarchySpec', () => {
  test('fills defaults and keeps the options', () => {
    expect(parseHierarchySpec({ bands: [5, 10] }, 'a')).toEqual({ kind: 'bands', bands: [5, 10], base: 0, top: null, bottom: null })
    expect(parseHierarchySpec({ bands: [5], base: 3, top: 90, bottom: null }, 'a'))
      .toEqual({ kind: 'bands', bands: [5], base: 3, top: 90, bottom: null })
    expect(parseHierarchySpec({ preset: 'birth-year' }, 'a')).toEqual({ kind: 'preset', preset: 'birth-year', topCode: null })
    expect(parseHierarchySpec({ preset: 'birth-year', topCode: 1934 }, 'a'))
      .toEqual({ kind: 'preset', preset: 'birth-year', topCode: 1934 })
    expect(parseHierarchySpec({ preset: 'amount' }, 'a')).toEqual({ kind: 'preset', preset: 'amount', widths: [50, 250, 1000] })
    expect(parseHierarchySpec({ preset: 'amount', widths: [10, 100] }, 'a')).toEqual({ kind: 'preset', preset: 'amount', widths: [10, 100] })
    expect(parseHierarchySpec({ preset: 'be-arrondissement' }, 'a')).toEqual({ kind: 'preset', preset: 'be-arrondissement' })
    expect(parseHierarchySpec({ dates: ['month', 'year'] }, 'a')).toEqual({ kind: 'dates', dates: ['month', 'year'] })
    expect(parseHierarchySpec({ mask: ['#*#', '**#'] }, 'a')).toEqual({ kind: 'mask', mask: ['#*#', '**#'] })
    expect(parseHierarchySpec({ prefix: [2, 0] }, 'a')).toEqual({ kind: 'prefix', prefix: [2, 0] })
    expect(parseHierarchySpec({ file: 'h.csv' }, 'a')).toEqual({ kind: 'file', file: 'h.csv' })
    expect(parseHierarchySpec({ intervals: [[0, 10.5, 20], [0, 20]] }, 'a')).toEqual({ kind: 'intervals', intervals: [[0, 10.5, 20], [0, 20]] })
  })

  const errors: [string, unknown, string][] = [
    ['not an object', [5], 'column "age": hierarchy must be a JSON object, got [5]'],
    ['no kind', { base: 0 }, 'column "age": hierarchy has none of the fields "preset", "bands", "intervals", "dates", "mask", "prefix", "map", "file"'],
    ['two kinds', { bands: [5], intervals: [[0]] }, 'column "age": hierarchy has both "bands" and "intervals"; give one'],
    ['unknown field', { bands: [5], widths: [5] }, 'column "age": hierarchy has unknown field "widths" (fields of this kind: bands, base, top, bottom)'],
    ['unknown preset', { preset: 'nuts3' }, 'column "age": hierarchy "preset" must be one of "be-arrondissement", "be-commune", "birth-year", "age", "amount", got "nuts3"'],
    ['option of another preset', { preset: 'age', topCode: 1934 }, 'column "age": hierarchy has unknown field "topCode" (fields of this kind: preset)'],
    ['topCode not whole', { preset: 'birth-year', topCode: '1934' }, 'column "age": hierarchy "topCode" must be a whole number, got "1934"'],
    ['widths not whole', { bands: [5, 7.5] }, 'column "age": hierarchy "bands" must be a non-empty array of whole numbers above 0, got [5,7.5]'],
    ['empty bands', { bands: [] }, 'column "age": hierarchy "bands" must be a non-empty array of whole numbers above 0, got []'],
    ['bands that do not nest', { bands: [5, 10, 15] }, 'column "age": hierarchy "bands" do not nest: 15 is not a larger multiple of 10'],
    ['bands repeated', { bands: [5, 5] }, 'column "age": hierarchy "bands" do not nest: 5 is not a larger multiple of 5'],
    ['amount widths that do not nest', { preset: 'amount', widths: [50, 75] }, 'column "age": hierarchy "widths" do not nest: 75 is not a larger multiple of 50'],
    ['bottom above top', { bands: [5], top: 18, bottom: 18 }, 'column "age": hierarchy "bottom" (18) must be below "top" (18)'],
    ['base not whole', { bands: [5], base: 0.5 }, 'column "age": hierarchy "base" must be a whole number, got 0.5'],
    ['intervals not ascending', { intervals: [[0, 10, 10]] }, 'column "age": hierarchy "intervals" must be a non-empty array of levels, each a non-empty array of ascending numbers, got [[0,10,10]]'],
    ['intervals that do not nest', { intervals: [[0, 100, 250], [0, 200]] }, 'column "age": hierarchy "intervals" level 2 does not nest in level 1: its edge 200 is not an edge of level 1'],
    ['dates out of order', { dates: ['year', 'month'] }, 'column "age": hierarchy "dates" must list some of "day", "month", "quarter", "year" in that order, got ["year","month"]'],
    ['unknown date level', { dates: ['week'] }, 'column "age": hierarchy "dates" must list some of "day", "month", "quarter", "year" in that order, got ["week"]'],
    ['mask of other characters', { mask: ['1*1'] }, 'column "age": hierarchy "mask" must be a non-empty array of patterns of "#" (keep) and "*" (mask), all of one length, got ["1*1"]'],
    ['masks of two lengths', { mask: ['#*#', '*#'] }, 'column "age": hierarchy "mask" must be a non-empty array of patterns of "#" (keep) and "*" (mask), all of one length, got ["#*#","*#"]'],
    ['masks that do not nest', { mask: ['#*#', '*##'] }, 'column "age": hierarchy "mask" level 2 ("*##") does not nest in level 1 ("#*#"): it keeps character 2, which level 1 masks'],
    ['prefix not decreasing', { prefix: [1, 2] }, 'column "age": hierarchy "prefix" must be a non-empty array of decreasing whole numbers (characters kept), got [1,2]'],
    ['map of numbers', { map: [{ a: 1 }] }, 'column "age": hierarchy "map" must be a non-empty array of objects from text to text, got [{"a":1}]'],
    ['empty file', { file: '' }, 'column "age": hierarchy "file" must be a path (text), got ""'],
  ]
  test.each(errors)('%s', (_, json, message) => {
    const e = errorOf(() => parseHierarchySpec(json, 'age'))
    expect(e.message).toBe(message)
    expect(e.code).toBe('E_HIERARCHY')
  })

  test('hints say what a valid value looks like', () => {
    expect(errorOf(() => parseHierarchySpec({ bands: [5, 12] }, 'age')).hint)
      .toBe('each width must be a multiple of the previous one, e.g. [5, 10, 20]')
  })
})

describe('numeric bands', () => {
  test('whole numbers: bands aligned on base, top and bottom coding at every level, bands clipped to them', () => {
    const h = build({ bands: [5, 10, 20], top: 90, bottom: 18 }, encoded([17, 18, 23, 34, 89, 90, 95, null], new Int16(), 'age'))
    expect(h.levelNames).toEqual(['value', 'bands of 5', 'bands of 10', 'bands of 20', '*'])
    expect(paths(h)).toEqual({
      17: ['< 18', '< 18', '< 18', '*'],
      18: ['18-19', '18-19', '18-19', '*'],
      23: ['20-24', '20-29', '20-39', '*'],
      34: ['30-34', '30-39', '20-39', '*'],
      89: ['85-89', '80-89', '80-89', '*'],
      90: ['90+', '90+', '90+', '*'],
      95: ['90+', '90+', '90+', '*'],
      null: [null, null, null, '*'],
    })
    expect(h.labels.map(l => l.length)).toEqual([8, 7, 7, 6, 1])
  })

  test('base shifts the bands; negative values floor downwards', () => {
    const h = build({ bands: [5], base: 3 }, column(['-3', '2', '3', '7', '8'], 'Int32'))
    expect(paths(h)).toEqual({ '-3': ['-7--3', '*'], 2: ['-2-2', '*'], 3: ['3-7', '*'], 7: ['3-7', '*'], 8: ['8-12', '*'] })
  })

  test('amount preset on decimals: half-open intervals, default widths 50, 250, 1000', () => {
    const h = build({ preset: 'amount' }, column(['0.00', '144.14', '260.50', '1000.00', null], 'Decimal[9e+2]', 'amount'))
    expect(h.levelNames).toEqual(['amount', 'bands of 50', 'bands of 250', 'bands of 1000', '*'])
    expect(paths(h)).toEqual({
      '0.00': ['[0, 50)', '[0, 250)', '[0, 1000)', '*'],
      '144.14': ['[100, 150)', '[0, 250)', '[0, 1000)', '*'],
      '260.50': ['[250, 300)', '[250, 500)', '[0, 1000)', '*'],
      '1000.00': ['[1000, 1050)', '[1000, 1250)', '[1000, 2000)', '*'],
      null: [null, null, null, '*'],
    })
  })

  test('amount preset on whole euros, with its own widths', () => {
    const h = build({ preset: 'amount', widths: [100, 500] }, column(['99', '100', '740'], 'Int32'))
    expect(paths(h)).toEqual({ 99: ['0-99', '0-499', '*'], 100: ['100-199', '0-499', '*'], 740: ['700-799', '500-999', '*'] })
  })
})

describe('interval edges', () => {
  const spec = { intervals: [[0, 100, 250, 500, 1000], [0, 500, 1000]] }
  test('whole numbers: "< first", "a-b", "last+"', () => {
    const h = build(spec, encoded([-5, 0, 120, 250, 999, 1000, 4000], new Int32()))
    expect(h.levelNames).toEqual(['value', 'intervals on 0, 100, 250, 500, 1000', 'intervals on 0, 500, 1000', '*'])
    expect(paths(h)).toEqual({
      '-5': ['< 0', '< 0', '*'], 0: ['0-99', '0-499', '*'], 120: ['100-249', '0-499', '*'], 250: ['250-499', '0-499', '*'],
      999: ['500-999', '500-999', '*'], 1000: ['1000+', '1000+', '*'], 4000: ['1000+', '1000+', '*'],
    })
  })

  test('decimals, or edges that are not whole: half-open intervals', () => {
    expect(paths(build(spec, column(['99.5', '100.0'])))).toEqual({ '99.5': ['[0, 100)', '[0, 500)', '*'], '100.0': ['[100, 250)', '[0, 500)', '*'] })
    expect(paths(build({ intervals: [[0, 2.5]] }, column(['1', '3'])))).toEqual({ 1: ['[0, 2.5)', '*'], 3: ['2.5+', '*'] })
  })
})

describe('dates', () => {
  test('day dates to month, quarter, year', () => {
    const values = [new Date('2024-05-17'), new Date('2024-01-01'), new Date('2023-12-31'), null]
    const h = build({ dates: ['month', 'quarter', 'year'] }, encoded(values, new DateDay()))
    expect(h.levelNames).toEqual(['date', 'month', 'quarter', 'year', '*'])
    expect(paths(h)).toEqual({
      '2023-12-31': ['2023-12', '2023-Q4', '2023', '*'],
      '2024-01-01': ['2024-01', '2024-Q1', '2024', '*'],
      '2024-05-17': ['2024-05', '2024-Q2', '2024', '*'],
      null: [null, null, null, '*'],
    })
  })

  test('timestamps to their UTC day and year', () => {
    const values = [new Date('2024-05-17T23:59:59.000Z'), new Date('2024-05-17T00:00:00.250Z'), new Date('2024-09-30T12:00:00.000Z')]
    const h = build({ dates: ['day', 'year'] }, encoded(values, new TimestampMillisecond()))
    expect(h.levelNames).toEqual(['timestamp', 'day', 'year', '*'])
    expect(paths(h)).toEqual({
      '2024-05-17T00:00:00.250Z': ['2024-05-17', '2024', '*'],
      '2024-05-17T23:59:59.000Z': ['2024-05-17', '2024', '*'],
      '2024-09-30T12:00:00.000Z': ['2024-09-30', '2024', '*'],
    })
    expect(h.labels[1]).toEqual(['2024-05-17', '2024-09-30'])
  })
})

describe('masks and prefixes', () => {
  test('KG1 codes: "#" keeps a character, "*" masks it', () => {
    const h = build({ mask: ['#*#', '**#'] }, column(['131', '100', '451', null], 'Dictionary<Int8, Utf8>', 'kg1'))
    expect(h.levelNames).toEqual(['value', 'mask #*#', 'mask **#', '*'])
    expect(paths(h)).toEqual({ 131: ['1*1', '**1', '*'], 100: ['1*0', '**0', '*'], 451: ['4*1', '**1', '*'], null: [null, null, '*'] })
  })

  test('prefix keeps the first n characters of codes of any length', () => {
    const h = build({ prefix: [2, 1] }, column(['131', '7', '4512']))
    expect(h.levelNames).toEqual(['value', 'first 2 characters', 'first 1 character', '*'])
    expect(paths(h)).toEqual({ 131: ['13*', '1**', '*'], 7: ['7', '7', '*'], 4512: ['45**', '4***', '*'] })
  })
})

describe('explicit maps', () => {
  test('level h + 1 maps the labels of level h', () => {
    const h = build({ map: [
      { Bachelors: 'Undergraduate', 'Some-college': 'Undergraduate', Masters: 'Graduate', 'HS-grad': 'High School' },
      { Undergraduate: 'Higher education', Graduate: 'Higher education', 'High School': 'Secondary education' },
    ] }, column(['Bachelors', 'HS-grad', 'Masters', 'Some-college', null]))
    expect(h.levelNames).toEqual(['value', 'map level 1', 'map level 2', '*'])
    expect(paths(h)).toEqual({
      Bachelors: ['Undergraduate', 'Higher education', '*'], 'HS-grad': ['High School', 'Secondary education', '*'],
      Masters: ['Graduate', 'Higher education', '*'], 'Some-college': ['Undergraduate', 'Higher education', '*'],
      null: [null, null, '*'],
    })
    expect(h.labels[1]).toEqual(['Undergraduate', 'High School', 'Graduate', null])
  })

  test('a level that ends in "*" gets no second "*"', () => {
    const h = build({ map: [{ a: 'x', b: 'y' }, { x: '*', y: '*' }] }, column(['a', 'b', null]))
    expect(h.levelNames).toEqual(['value', 'map level 1', '*'])
    expect(h.labels).toEqual([['a', 'b', null], ['x', 'y', null], ['*']])
  })

  test('a label missing from a later table', () => {
    expect(() => build({ map: [{ a: 'x', b: 'y' }, { x: 'X' }] }, column(['a', 'b'], 'Utf8', 'edu')))
      .toThrow('column "edu": map level 2 has no entry for "y" (the level-1 class of "b")')
  })

  test('keys are own properties only', () => {
    expect(() => build({ map: [{ a: 'x' }] }, column(['a', 'toString'])))
      .toThrow('column "x": 1 value is not in its hierarchy (map): "toString"')
  })
})

describe('ARX hierarchy files', () => {
  test('readArxHierarchy: ";" rows, a missing final newline', () => {
    const arx = readArxHierarchy('1;0-4;*\n7;5-9;*', 'age.csv')
    expect(arx).toEqual({ source: 'age.csv', depth: 2, rows: new Map([['1', ['0-4', '*']], ['7', ['5-9', '*']]]) })
  })

  test('"," when there is no ";", CRLF, blank lines', () => {
    const arx = readArxHierarchy(readFileSync(FIXTURES + 'education-comma.csv', 'utf8'), 'education-comma.csv')
    expect(arx.depth).toBe(3)
    expect(arx.rows.get('Masters')).toEqual(['Graduate', 'Higher education', '*'])
    expect([...arx.rows.keys()]).toEqual(['Bachelors', 'Masters', 'HS-grad'])
  })

  test('rows of unequal length, duplicate values, no rows', () => {
    const read = (name: string) => () => readArxHierarchy(readFileSync(FIXTURES + name, 'utf8'), name)
    expect(read('unequal.csv')).toThrow('unequal.csv:3: row has 2 fields, line 1 has 3')
    expect(read('duplicate.csv')).toThrow('duplicate.csv:3: value "a" is already on line 1')
    expect(() => readArxHierarchy('\n\r\n', 'empty.csv')).toThrow('empty.csv has no rows: an ARX hierarchy has one row per value')
  })

  test('a file whose levels do not nest', () => {
    const e = errorOf(() => build({ file: 'not-nested.csv' }, column(['a', 'b', 'c']), FIXTURES))
    expect(e.message).toBe('column "x": hierarchy level 2 (level 2) is not a coarsening of level 1 (level 1): ' +
      '"a" and "b" share "X" at level 1 but not at level 2 ("P", "Q")')
  })

  test('a file relative to baseDir; a file that is not there', () => {
    const h = build({ file: 'education-comma.csv' }, column(['Masters', 'HS-grad']), FIXTURES)
    expect(h.levelNames).toEqual(['value', 'level 1', 'level 2', '*'])
    expect(paths(h)).toEqual({ Masters: ['Graduate', 'Higher education', '*'], 'HS-grad': ['High School', 'Secondary education', '*'] })
    expect(() => build({ file: 'nope.csv' }, column(['a']), '/tmp'))
      .toThrow('column "x": cannot read hierarchy file /tmp/nope.csv: no such file')
  })

  test('the copies in datasets/hierarchies are the ARX originals, byte for byte (SHA-256 of the originals)', () => {
    const originals: Record<string, string> = {
      age: '463f35372e8b1ad31fc624eb73c5da9297878a044ae5d61038eaf7b431ac55ca',
      education: 'f22e5ee519c28b05538d4e5ddea0fbee5f0017fefb3abab3fa02272325bf9ce5',
      'marital-status': '3e7ba2c4a5cd4fec059b4e3a2c57fce6e7c34a20daee1e624990ddd7beba85e5',
      'native-country': '696d3b53973311c096b33f98bb56e526016910b1a1cd5a1e904cb799d1077023',
      occupation: '16dc420d5d7f8ab4d1e6144eb1d19ab8314ef42523fe8c4ee202372db1c98126',
      race: 'df11abf41fa0669455adc9c9f9fa88663afa0cee8327684ecca861cd32dc4209',
      'salary-class': '404895b3fcfb615813efab7ae0d2c50c8b127cec651f9b37d44a648646f86345',
      sex: '537d23f7b6969b916b5a5490eb1b32c273fefdc62ca050a7a813e23bbf3b78b2',
      workclass: '106f420349bf0071dbb25371795a78799edf24a64c3424619d563c3990ee8d02',
    }
    for (const [name, sha256] of Object.entries(originals)) {
      const bytes = readFileSync(`${ADULT_HIERARCHIES}adult_hierarchy_${name}.csv`)
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(sha256)
    }
  })

  test('the Adult hierarchies bind to every value of datasets/adult.arrow', () => {
    const table = readArrow(new URL('../datasets/adult.arrow', import.meta.url).pathname)
    const levels: Record<string, number> = {}
    for (const field of table.schema.fields) {
      const h = build({ file: `adult_hierarchy_${field.name}.csv` }, encodeColumn(table, field.name), ADULT_HIERARCHIES)
      expect(isNested(h)).toBe(true)
      levels[field.name] = h.levelNames.length
    }
    // levels including the original; their product is the 6,480 nodes of the Adult lattice (datasets/adult/README.md)
    expect(levels).toEqual({ sex: 2, age: 5, race: 2, 'marital-status': 3, education: 4, 'native-country': 3,
      workclass: 3, occupation: 3, 'salary-class': 2 })
    const { 'salary-class': _, ...qi } = levels
    expect(Object.values(qi).reduce((a, b) => a * b, 1)).toBe(6480)
    const education = build({ file: 'adult_hierarchy_education.csv' }, encodeColumn(table, 'education'), ADULT_HIERARCHIES)
    expect(path(education, 'Bachelors')).toEqual(['Undergraduate', 'Higher education', '*'])
    const age = build({ file: 'adult_hierarchy_age.csv' }, encodeColumn(table, 'age'), ADULT_HIERARCHIES)
    expect(path(age, '17')).toEqual(['15-19', '10-19', '0-19', '*'])
  })
})

describe('Belgian geography', () => {
  // rows whose status field is "current" (the notes may hold quoted commas, so no naive split)
  const current = readFileSync(REFERENCE, 'utf8').split('\n').filter(line => /,current,\d{5}/.test(line)).map(line => line.slice(0, 5))
  const arrondissement = (codes: (string | null)[]) => build({ preset: 'be-arrondissement' }, column(codes, 'Dictionary<Int8, Utf8>', 'arr'))

  test('the reference lists 43 current arrondissements', () => {
    expect(new Set(current).size).toBe(43)
  })

  test('all 43 map to 11 province-level classes (10 provinces + Brussels) and 3 regions', () => {
    const h = arrondissement(current)
    expect(h.levelNames).toEqual(['arrondissement', 'province', 'region', '*'])
    expect(new Set(h.labels[1])).toEqual(new Set(['10000', '20001', '30000', '40000', '70000', '20002', '50000', '60000',
      '80000', '90000', '21000']))
    expect(h.labels[2]).toEqual(['VLG', 'BRU', 'WAL'])
    const perRegion = (r: string) => current.filter(c => path(h, c)[1] === r).length
    expect([perRegion('VLG'), perRegion('WAL'), perRegion('BRU')]).toEqual([22, 20, 1])
    expect(isNested(h)).toBe(true)
  })

  test('spot checks: Brussels, the Brabants, Hainaut, Limburg', () => {
    const h = arrondissement(['21000', '23000', '25000', '58000', '73000', '93000', null])
    expect(paths(h)).toEqual({
      21000: ['21000', 'BRU', '*'], 23000: ['20001', 'VLG', '*'], 25000: ['20002', 'WAL', '*'],
      58000: ['50000', 'WAL', '*'], 73000: ['70000', 'VLG', '*'], 93000: ['90000', 'WAL', '*'], null: [null, null, '*'],
    })
  })

  test('54000 stays apart at level 0 and joins 57000 from the province up', () => {
    const h = arrondissement(['54000', '57000', '53000'])
    expect(h.maps[0][0]).not.toBe(h.maps[0][1])
    expect(h.maps[1][0]).toBe(h.maps[1][1])
    expect(h.maps[1][2]).toBe(h.maps[1][1])
    expect(path(h, '54000')).toEqual(['50000', 'WAL', '*'])
  })

  test('codes that are not arrondissements are missing values', () => {
    expect(() => arrondissement(['11000', '20000', '11001', '']))
      .toThrow('column "arr": 3 values are not in its hierarchy (preset "be-arrondissement"): "20000", "11001", ""')
  })

  test('integer-typed codes work the same', () => {
    expect(path(build({ preset: 'be-arrondissement' }, encoded([11000, 62000], new Int32())), '62000')).toEqual(['60000', 'WAL', '*'])
  })

  test('notes on 54000 and the Hainaut codes whose territory changed in 2019', () => {
    expect(arrondissementNotes(['11000', null, '21000'])).toEqual([])
    const notes = arrondissementNotes(['52000', '54000', '11000', '56000'])
    expect(notes).toHaveLength(2)
    expect(notes[0]).toMatch(/^54000 Moeskroen\/Mouscron was abolished on 2019-01-01/)
    expect(notes[1]).toMatch(/^52000, 56000: these Hainaut arrondissements covered other communes before 2019-01-01/)
  })

  test('be-commune: commune -> arrondissement -> province -> region', () => {
    const h = build({ preset: 'be-commune' }, column(['46030', '57096', '54007', '21004', '11002', '82039', '58001', '25072']))
    expect(h.levelNames).toEqual(['commune', 'arrondissement', 'province', 'region', '*'])
    expect(paths(h)).toEqual({
      46030: ['46000', '40000', 'VLG', '*'], 57096: ['57000', '50000', 'WAL', '*'], 54007: ['57000', '50000', 'WAL', '*'],
      21004: ['21000', '21000', 'BRU', '*'], 11002: ['11000', '10000', 'VLG', '*'], 82039: ['82000', '80000', 'WAL', '*'],
      58001: ['58000', '50000', 'WAL', '*'], 25072: ['25000', '20002', 'WAL', '*'],
    })
  })

  test('be-commune: arrondissement codes, unknown prefixes and other lengths are missing values', () => {
    expect(() => build({ preset: 'be-commune' }, column(['11002', '11000', '20001', '99001', '1102', '110021'])))
      .toThrow('column "x": 5 values are not in its hierarchy (preset "be-commune"): "11000", "20001", "99001", "1102", "110021"')
  })

  test('detection of arrondissement and commune columns', () => {
    expect(looksLikeArrondissement(['11000', '54000', null])).toBe(true)
    expect(looksLikeArrondissement(['11000', '11002'])).toBe(false)
    expect(looksLikeArrondissement([null])).toBe(false)
    expect(looksLikeArrondissement([])).toBe(false)
    expect(looksLikeCommune(['11002', '57096', '54007', null])).toBe(true)
    expect(looksLikeCommune(['11002', '11000'])).toBe(false)
    expect(looksLikeCommune(['11002', '99001'])).toBe(false)
    expect(looksLikeCommune(['1930'])).toBe(false)
    expect(looksLikeCommune([null])).toBe(false)
  })
})

describe('birth-year and age presets', () => {
  test('birth-year: 5-, 10- and 20-year bands aligned on 0 and 5', () => {
    const h = build({ preset: 'birth-year' }, encoded([1930, 1934, 1935, 1941, 2004], new Int16(), 'birth_year'))
    expect(h.levelNames).toEqual(['year', '5-year bands', '10-year bands', '20-year bands', '*'])
    expect(paths(h)).toEqual({
      1930: ['1930-1934', '1930-1939', '1920-1939', '*'], 1934: ['1930-1934', '1930-1939', '1920-1939', '*'],
      1935: ['1935-1939', '1930-1939', '1920-1939', '*'], 1941: ['1940-1944', '1940-1949', '1940-1959', '*'],
      2004: ['2000-2004', '2000-2009', '2000-2019', '*'],
    })
  })

  test('birth-year with topCode: every year up to it is "<= Y" at every band level', () => {
    const h = build({ preset: 'birth-year', topCode: 1934 }, encoded([1925, 1934, 1935, 1941], new Int16()))
    expect(paths(h)).toEqual({
      1925: ['<= 1934', '<= 1934', '<= 1934', '*'], 1934: ['<= 1934', '<= 1934', '<= 1934', '*'],
      1935: ['1935-1939', '1935-1939', '1935-1939', '*'], 1941: ['1940-1944', '1940-1949', '1940-1959', '*'],
    })
  })

  test('age: Statbel 5-year bands (15-19 split at 18), then 0-17, 18-64, 65-79, 80+', () => {
    const ages = [0, 4, 16, 17, 18, 19, 64, 65, 79, 80, 89, 90, 104]
    const h = build({ preset: 'age' }, encoded(ages, new Int16(), 'age'))
    expect(h.levelNames).toEqual(['age', '5-year bands', 'age groups', '*'])
    expect(paths(h)).toEqual({
      0: ['0-4', '0-17', '*'], 4: ['0-4', '0-17', '*'], 16: ['15-17', '0-17', '*'], 17: ['15-17', '0-17', '*'],
      18: ['18-19', '18-64', '*'], 19: ['18-19', '18-64', '*'], 64: ['60-64', '18-64', '*'], 65: ['65-69', '65-79', '*'],
      79: ['75-79', '65-79', '*'], 80: ['80-84', '80+', '*'], 89: ['85-89', '80+', '*'], 90: ['90+', '80+', '*'],
      104: ['90+', '80+', '*'],
    })
  })
})

describe('keepOrSuppress', () => {
  test('two levels: the original values, then "*" (null included)', () => {
    const h = keepOrSuppress(column(['F', 'M', null], 'Utf8', 'sex'))
    expect(h).toEqual({ column: 'sex', levelNames: ['value', '*'], labels: [['F', 'M', null], ['*']],
      maps: [Uint32Array.from([0, 1, 2]), Uint32Array.from([0, 0, 0])] })
  })
})

describe('build errors', () => {
  test('missing values: how many, the first 5', () => {
    const col = column(['Bachelors', 'a', 'b', 'c', 'd', 'e', 'f', null], 'Utf8', 'education')
    expect(() => build({ map: [{ Bachelors: 'U' }] }, col))
      .toThrow('column "education": 6 values are not in its hierarchy (map): "a", "b", "c", "d", "e", ...')
  })

  test('an ARX file that lacks values of the data', () => {
    const col = column(['Masters', 'PhD', 'Preschool'], 'Utf8', 'education')
    expect(() => build({ file: 'education-comma.csv' }, col, FIXTURES))
      .toThrow('column "education": 2 values are not in its hierarchy (file "education-comma.csv"): "PhD", "Preschool"')
  })

  test('unused dictionary entries need not be in the hierarchy', () => {
    const col: EncodedColumn = { ...column(['a', 'zz', 'b']), distinct: 2, chunks: [Uint8Array.from([0, 2, 2, 0])] }
    const h = build({ map: [{ a: 'X', b: 'X' }] }, col)
    expect(path(h, 'a')).toEqual(['X', '*'])
    expect(isNested(h)).toBe(true)
    expect(() => build({ map: [{ a: 'X' }] }, col)).toThrow('column "x": 1 value is not in its hierarchy (map): "b"')
  })

  test('the same through a real dictionary column', () => {
    const col = encoded(['F', 'M', 'X', null], new Dictionary(new Utf8(), new Int32()), 'sex')
    expect(() => build({ map: [{ F: 'p', M: 'p' }] }, col)).toThrow('column "sex": 1 value is not in its hierarchy (map): "X"')
  })

  test('a numeric builder on a column that is not numeric', () => {
    const col = column(['12', 'KG1', 'abc'], 'Dictionary<Int8, Utf8>', 'kg1')
    expect(() => build({ bands: [5] }, col)).toThrow('column "kg1" (Dictionary<Int8, Utf8>) is not numeric: value "KG1" ' +
      'is not a number, and its hierarchy (bands) needs numbers')
    expect(() => build({ preset: 'age' }, column(['', '3']))).toThrow('column "x" (Utf8) is not numeric: value "" is not a number, ' +
      'and its hierarchy (preset "age") needs numbers')
    expect(() => build({ intervals: [[0, 10]] }, column(['NaN']))).toThrow('value "NaN" is not a number')
  })

  test('dates on a column that holds no dates', () => {
    expect(() => build({ dates: ['year'] }, column(['2024-05-01', '1930'], 'Int16', 'birth_year')))
      .toThrow('column "birth_year" (Int16) is not a date column: value "1930" is not a date (YYYY-MM-DD), and its hierarchy (dates) needs dates')
  })

  test('a mask on codes of another length', () => {
    const e = errorOf(() => build({ mask: ['#*#'] }, column(['131', '1311'], 'Utf8', 'kg1')))
    expect(e.message).toBe('column "kg1": value "1311" has 4 characters, the mask "#*#" has 3')
    expect(e.hint).toBe('a mask fits codes of one length; use "prefix" for codes of different lengths')
  })
})

describe('checkNested', () => {
  const good = (): Hierarchy => ({ column: 'c', levelNames: ['value', 'half', '*'],
    maps: [Uint32Array.from([0, 1, 2, 3]), Uint32Array.from([0, 0, 1, 1]), Uint32Array.from([0, 0, 0, 0])],
    labels: [['a', 'b', 'c', 'd'], ['ab', 'cd'], ['*']] })

  test('accepts a valid hierarchy and returns it', () => {
    const h = good()
    expect(checkNested(h)).toBe(h)
  })

  test('a level that splits a class of the level below', () => {
    const h = good()
    h.levelNames.splice(2, 0, 'other')
    h.maps.splice(2, 0, Uint32Array.from([0, 1, 1, 1]))
    h.labels.splice(2, 0, ['a', 'bcd'])
    expect(() => checkNested(h)).toThrow('column "c": hierarchy level 2 (other) is not a coarsening of level 1 (half): ' +
      '"a" and "b" share "ab" at level 1 but not at level 2 ("a", "bcd")')
  })

  test('the last level must be the single class "*"', () => {
    const h = good()
    h.labels[2] = ['all']
    expect(() => checkNested(h)).toThrow('column "c": hierarchy must end with the single class "*", its last level has ["all"]')
    const two = good()
    two.maps[2] = Uint32Array.from([0, 0, 1, 1])
    two.labels[2] = ['*', '*']
    expect(() => checkNested(two)).toThrow('must end with the single class "*", its last level has ["*","*"]')
  })

  test('shape errors: level 0 not the identity, lengths, labels', () => {
    const h0 = good(); h0.maps[0] = Uint32Array.from([0, 0, 2, 3])
    expect(() => checkNested(h0)).toThrow('column "c": hierarchy level 0 is not the original values')
    const h1 = good(); h1.maps[1] = Uint32Array.from([0, 0, 1])
    expect(() => checkNested(h1)).toThrow('column "c": hierarchy level 1 maps 3 codes, level 0 4')
    const h2 = good(); h2.maps[1] = Uint32Array.from([0, 0, 1, 2])
    expect(() => checkNested(h2)).toThrow('column "c": hierarchy level 1 puts code 3 in class 2, which has no label')
    const h3 = good(); h3.levelNames.pop()
    expect(() => checkNested(h3)).toThrow('column "c": hierarchy needs as many maps, labels and level names (at least 2), got 3, 3 and 2')
  })
})

describe('every built hierarchy is nested and ends in one "*" class (property)', () => {
  const values = fc.array(fc.option(fc.integer({ min: -50, max: 2100 }), { freq: 8 }), { minLength: 1, maxLength: 40 })
    .map(vs => [...new Set(vs.map(v => v === null ? null : String(v)))])
  const chain = fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 })
    .chain(factors => fc.integer({ min: 1, max: 9 }).map(first => factors.reduce((ws, f) => [...ws, ws[ws.length - 1] * f], [first])))
  const edges = fc.uniqueArray(fc.integer({ min: -100, max: 2200 }), { minLength: 1, maxLength: 12 })
    .map(es => es.sort((a, b) => a - b))
    .chain(es => fc.array(fc.subarray(es, { minLength: 1 }), { maxLength: 3 })
      .map(subs => [es, ...subs.sort((a, b) => b.length - a.length)]))
    .map(levels => levels.reduce<number[][]>((acc, l) => [...acc, acc.length ? l.filter(e => acc[acc.length - 1].includes(e)) : l], []))
    .filter(levels => levels.every(l => l.length > 0))
  const numericSpec: fc.Arbitrary<unknown> = fc.oneof(
    fc.record({ bands: chain, base: fc.integer({ min: -20, max: 20 }), top: fc.option(fc.integer({ min: 500, max: 2100 })),
      bottom: fc.option(fc.integer({ min: -50, max: 400 })) }),
    edges.map(intervals => ({ intervals })),
    fc.constantFrom({ preset: 'birth-year' }, { preset: 'birth-year', topCode: 1934 }, { preset: 'age' }, { preset: 'amount' }),
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 })
      .map(ns => ({ prefix: [...new Set(ns)].sort((a, b) => b - a) })),
  )

  test('numeric builders and prefixes on random integers', () => {
    fc.assert(fc.property(values, numericSpec, (labels, json) => {
      const h = build(json, column(labels, 'Int32'))
      expect(isNested(h)).toBe(true)
      expect(h.labels[h.labels.length - 1]).toEqual(['*'])
      expect(h.levelNames[h.levelNames.length - 1]).toBe('*')
      expect(h.maps.every(m => m.length === labels.length)).toBe(true)
      // the null value stays its own class below the top
      const nullCode = labels.indexOf(null)
      for (let level = 0; nullCode >= 0 && level < h.maps.length - 1; level++) {
        expect(h.labels[level][h.maps[level][nullCode]]).toBe(null)
      }
    }))
  })

  const codes = fc.uniqueArray(fc.stringMatching(/^[0-9A-C]{3}$/), { minLength: 1, maxLength: 30 })
  const masks = fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 })
    .map(levels => levels.reduce<boolean[][]>((acc, l) => [...acc, l.map((m, i) => m || (acc.length > 0 && acc[acc.length - 1][i]))], []))
    .map(levels => levels.map(l => l.map(m => m ? '*' : '#').join('')))

  test('masks and random maps on random codes', () => {
    fc.assert(fc.property(codes, masks, fc.integer({ min: 1, max: 4 }), (labels, mask, mod) => {
      const m = build({ mask }, column(labels))
      expect(isNested(m)).toBe(true)
      expect(m.labels[m.labels.length - 1]).toEqual(['*'])
      const table = Object.fromEntries(labels.map(l => [l, `g${l.charCodeAt(0) % mod}`]))
      const mapped = build({ map: [table, Object.fromEntries(Object.values(table).map(g => [g, 'all']))] }, column(labels))
      expect(isNested(mapped)).toBe(true)
      expect(mapped.labels.map(l => l.length)).toEqual([labels.length, new Set(Object.values(table)).size, 1, 1])
    }))
  })

  test('the nesting oracle can fail', () => {
    const h = keepOrSuppress(column(['a', 'b']))
    expect(isNested({ ...h, maps: [h.maps[0], Uint32Array.from([0, 0]), Uint32Array.from([0, 1])] })).toBe(false)
  })
})

test('HierarchySpec values are plain JSON (a policy file can hold them)', () => {
  const spec: HierarchySpec = parseHierarchySpec({ map: [{ a: 'b' }] }, 'x')
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec)
})
