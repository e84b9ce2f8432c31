// Reports: golden files for the bundled datasets, the small-cell rule in every format, the JSON schema,
// byte-identical JSON, languages, and the secondary suppression of counts.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tableToIPC } from 'apache-arrow'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { EXIT, main } from '../src/cli.js'
import { anonymise } from '../src/anonymise/index.js'
import { readArrow } from '../src/input/arrow.js'
import { hideSmall, renderReport } from '../src/report/index.js'
import type { Report } from '../src/report/index.js'
import { textTable, tempFile, withRoles } from './helpers.js'

const NOW = new Date('2026-01-02T03:04:05.000Z')
const ajv = new Ajv2020({ allErrors: true, strict: true })
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
const validate = ajv.compile(JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')))

/** Every JSON report a test makes, validated against the schema at the end. */
const jsonReports: { name: string; text: string }[] = []

/** Run the CLI in-process at a fixed time, writing reports into a fresh folder; returns them by file name. */
async function reports(args: string[], names: string[]): Promise<{ code: number; out: string; err: string; dir: string; files: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'riskcheck-report-'))
  let out = ''
  let err = ''
  const code = await main([...args, ...names.flatMap(n => ['--report', join(dir, n)])],
    { out: t => { out += t }, err: t => { err += t }, now: () => NOW })
  const files: Record<string, string> = {}
  for (const n of names) {
    files[n] = readFileSync(join(dir, n), 'utf8').split(dir).join('TMP')
    if (n.endsWith('.json')) jsonReports.push({ name: `${args.join(' ')} ${n}`, text: files[n] })
  }
  return { code, out, err, dir, files }
}

afterAll(() => {
  // schema validation of every JSON report the tests produced
  expect(jsonReports.length).toBeGreaterThan(3)
  for (const r of jsonReports) {
    const ok = validate(JSON.parse(r.text))
    expect(ok ? [] : validate.errors, r.name).toEqual([])
  }
})

const ADULT_FLAGS = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation']
  .flatMap(c => ['--hierarchy', `${c}=datasets/hierarchies/adult/adult_hierarchy_${c}.csv`])

describe('golden reports of the bundled datasets', () => {
  it('care extract, k = 5, 1 % suppression: HTML, Markdown and JSON in English', async () => {
    const r = await reports(['datasets/care-extract.arrow', '--k', '5', '--max-suppression', '1%'],
      ['care-extract.en.html', 'care-extract.en.md', 'care-extract.json'])
    expect(r.code).toBe(EXIT.notMet) // not met as it is; without --out nothing is written
    await expect(r.files['care-extract.en.html']).toMatchFileSnapshot('golden/care-extract.en.html')
    await expect(r.files['care-extract.en.md']).toMatchFileSnapshot('golden/care-extract.en.md')
    await expect(r.files['care-extract.json']).toMatchFileSnapshot('golden/care-extract.json')
  })

  it('Adult, k = 5 with the ARX hierarchies: HTML in French, Markdown in Dutch', async () => {
    const r = await reports(['datasets/adult.arrow', '--k', '5', ...ADULT_FLAGS, '--lang', 'fr'], ['adult.fr.html', 'adult.json'])
    await expect(r.files['adult.fr.html']).toMatchFileSnapshot('golden/adult.fr.html')
    const nl = await reports(['datasets/adult.arrow', '--k', '5', ...ADULT_FLAGS, '--lang', 'nl'], ['adult.nl.md'])
    await expect(nl.files['adult.nl.md']).toMatchFileSnapshot('golden/adult.nl.md')
    // the JSON has no language: the same in both runs, but for the command line
    const json = JSON.parse(r.files['adult.json']) as Report
    expect(json.proposal?.columns.map(c => c.level)).toEqual([0, 4, 0, 2, 3, 2, 2, 1])
  })
})

describe('a report never discloses a small combination', () => {
  // three quasi-identifiers with their own vocabularies (no value is part of another), a sensitive column
  const big = [['Rg-north', 'Bd-thirty', 'Cd-alpha'], ['Rg-south', 'Bd-thirty', 'Cd-alpha'], ['Rg-north', 'Bd-forty', 'Cd-beta'],
    ['Rg-south', 'Bd-forty', 'Cd-beta'], ['Rg-east', 'Bd-fifty', 'Cd-gamma']]
  const small = [['Rg-west', 'Bd-thirty', 'Cd-alpha', 1], ['Rg-north', 'Bd-fifty', 'Cd-beta', 2], ['Rg-east', 'Bd-forty', 'Cd-delta', 2],
    ['Rg-south', 'Bd-sixty', 'Cd-gamma', 3], ['Rg-east', 'Bd-thirty', 'Cd-beta', 1]] as const
  const rows: string[][] = []
  big.forEach((combo, i) => { for (let n = 0; n < 12 + 3 * i; n++) rows.push([...combo, `Dx-${n % 3}`]) })
  small.forEach(([a, b, c, n]) => { for (let i = 0; i < n; i++) rows.push([a, b, c, `Dx-${i}`]) })
  const table = withRoles(textTable(['region', 'band', 'code', 'diagnosis'], rows),
    { region: 'quasi-identifier', band: 'quasi-identifier', code: 'quasi-identifier', diagnosis: 'sensitive' })
  const file = tempFile('small.arrow', tableToIPC(table, 'file'))
  const formats = ['r.html', 'r.md', 'r.json']
  const args = [file, '--k', '5', '--max-suppression', '10%']

  /** The pieces of a report in which values sit together: table rows and lines, and JSON objects. */
  function units(name: string, text: string): string[] {
    if (!name.endsWith('.json')) return text.replace(/\\(.)/g, '$1').split('\n')
    const objects: string[] = []
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk)
      else if (x && typeof x === 'object') {
        objects.push(Object.values(x).filter(v => typeof v === 'string').join('\n'))
        Object.values(x).forEach(walk)
      }
    }
    walk(JSON.parse(text))
    return objects
  }
  const found = (files: Record<string, string>, name: string, combo: readonly unknown[]) =>
    units(name, files[name]).some(u => combo.slice(0, 3).every(v => u.includes(String(v))))

  it('in no format, in no language, without --reveal-small-cells', async () => {
    for (const lang of ['en', 'nl', 'fr']) {
      const r = await reports([...args, '--lang', lang], formats)
      expect(r.code, r.err).toBe(EXIT.notMet)
      for (const name of formats) {
        for (const combo of small) expect(found(r.files, name, combo), `${lang} ${name} ${combo}`).toBe(false)
        // the proposal's value table hides the count of the rare code, and one more so that it cannot be subtracted
        expect(r.files[name]).not.toContain('--reveal-small-cells')
      }
      const json = JSON.parse(r.files['r.json']) as Report
      expect(json.revealSmallCells).toBe(false)
      expect(json.smallClasses).toBeNull()
    }
  })

  it('and every format shows them all with --reveal-small-cells, saying so first', async () => {
    const r = await reports([...args, '--reveal-small-cells'], formats)
    for (const name of formats) {
      for (const combo of small) expect(found(r.files, name, combo), `${name} ${combo}`).toBe(true)
    }
    expect(r.files['r.md'].split('## ')[1]).toContain('reveals small cells')
    expect(r.files['r.html'].indexOf('class="notice"')).toBeLessThan(r.files['r.html'].indexOf('<table'))
    expect(JSON.parse(r.files['r.json']).smallClasses).toHaveLength(small.length)
  })

  it('no value with fewer than k records is named; such counts are withheld, with enough others that none can be subtracted', async () => {
    const r = await reports(args, formats)
    const json = JSON.parse(r.files['r.json']) as Report
    const counts = new Map<string, number>()
    for (const row of rows) for (const v of row.slice(0, 3)) counts.set(v, (counts.get(v) ?? 0) + 1)
    // the fixture has rare values (Rg-west: 1 record, Cd-delta: 2, Bd-sixty: 3): named nowhere, in no format
    const rare = [...counts].filter(([, n]) => n < 5).map(([v]) => v)
    expect(rare.sort()).toEqual(['Bd-sixty', 'Cd-delta', 'Rg-west'])
    for (const name of formats) for (const v of rare) expect(r.files[name], `${name} ${v}`).not.toContain(v)
    for (const [j, column] of (json.proposal?.columns ?? []).entries()) {
      const values = column.mapping.values ?? []
      const total = values.reduce((a, v) => a + (v.records ?? 0), 0)
      let withheld = 0
      for (const v of values) {
        if (v.folded === null) {
          // a value's own row: at least k records, its count shown or withheld
          const n = counts.get(v.value as string) as number
          expect(n).toBeGreaterThanOrEqual(5)
          if (v.records !== null) expect(v.records).toBe(n)
        }
        if (v.records === null) withheld++
      }
      // the counts shown and withheld add up to the rows; what is withheld is k or more in all
      const columnTotal = rows.length
      expect(columnTotal - total === 0 || columnTotal - total >= 5, `column ${j}`).toBe(true)
    }
    // one label for every withheld count: which is below k cannot be told
    expect(r.files['r.md']).toContain('| withheld |')
    expect(r.files['r.md']).not.toContain('< 5 |')
    expect(r.files['r.html']).toContain('<td>1 value with fewer than 5 records each</td><td>classes of fewer than 5 records (not named; suppressed)</td><td class="n">withheld</td>')
  })

  it('a column the identifier lint flags is not listed value by value; with --person the counts are persons', async () => {
    // national register numbers as a quasi-identifier (valid mod-97 checks), three rows each
    const nn = (i: number) => { const body = 85_000_000 + i * 101; return `${String(body).padStart(9, '0')}${String(97 - (body % 97)).padStart(2, '0')}` }
    const data = Array.from({ length: 60 }, (_, i) => [nn(i % 20), i % 2 ? 'F' : 'M', `p${i % 30}`, `Dx-${i % 3}`])
    const file = tempFile('nn.arrow', tableToIPC(textTable(['rrn', 'sex', 'pid', 'dx'], data), 'file'))
    const r = await reports([file, '--qi', 'rrn,sex', '--sensitive', 'dx', '--k', '3', '--max-suppression', '50%'], ['n.json', 'n.md'])
    const json = JSON.parse(r.files['n.json']) as Report
    expect(json.identifiers.some(f => f.column === 'rrn')).toBe(true)
    for (let i = 0; i < 20; i++) expect(r.files['n.md']).not.toContain(nn(i))
    const p = await reports([file, '--qi', 'sex', '--sensitive', 'dx', '--person', 'pid', '--k', '20', '--max-suppression', '50%'], ['p.json'])
    const mapping = (JSON.parse(p.files['p.json']) as Report).proposal?.columns[0].mapping
    expect(mapping?.unit).toBe('persons')
  })
})

describe('leaks found by a review (helper-12), each closed', () => {
  const all = ['r.html', 'r.md', 'r.json']
  const named = (r: { out: string; files: Record<string, string> }, text: string) => [r.out, ...Object.values(r.files)].some(f => f.includes(text))

  it('an arrondissement note names no code held by fewer than k records', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [['21000', '11000', '44000'][i % 3], i % 2 ? 'M' : 'F'])
    const file = tempFile('a.csv', ['arr,sex', ...rows.map(r => r.join(',')), '54000,F', '56000,M'].join('\n'))
    const r = await reports([file, '--qi', 'arr,sex', '--k', '3', '--max-suppression', '10%'], all)
    expect(named(r, '21000')).toBe(true) // the common codes are still listed
    expect(named(r, '54000')).toBe(false)
    expect(named(r, '56000')).toBe(false)
  })

  it('with --person, a class of one person is not named, though that person has many rows and values', async () => {
    const rows = [...Array.from({ length: 12 }, (_, i) => `p${i},${['1001', '1002', '1003', '2001', '2002', '2003'][i % 6]}`),
      ...Array.from({ length: 30 }, (_, i) => `pX,${['7777', '7778', '7779'][i % 3]}`)]
    const file = tempFile('h.csv', ['pid,zip', ...rows].join('\n'))
    const hierarchy = tempFile('zh.csv', ['1001;G1;*', '1002;G1;*', '1003;G1;*', '2001;G2;*', '2002;G2;*', '2003;G2;*',
      '7777;RAREGRP;*', '7778;RAREGRP;*', '7779;RAREGRP;*'].join('\n'))
    const r = await reports([file, '--qi', 'zip', '--person', 'pid', '--k', '3', '--max-suppression', '80%',
      '--hierarchy', `zip=${hierarchy}`], all)
    expect(named(r, 'G1')).toBe(true)
    expect(named(r, 'RAREGRP')).toBe(false)
  })

  it('the values of a column flagged as national numbers are not named, not even as classes or as an example', async () => {
    // valid national numbers (their check digits agree), so that the identifier lint flags the column
    const numbers = ['85011010034', '85011110103', '85011210269', '85011310338', '85011410407', '85011510573']
    const rows = numbers.flatMap((nn, i) => [2019, 2020, 2021, 2022].map(y => `${nn},${y},${i % 2 ? 'M' : 'F'}`))
    const file = tempFile('nn.csv', ['nn,year,sex', ...rows].join('\n'))
    const r = await reports([file, '--qi', 'nn,year,sex', '--k', '3', '--json'], all)
    for (const nn of numbers) expect(named(r, nn), nn).toBe(false)
    // and through the column's frequency table (the lint judges its values against the records it counts)
    const freq = join(mkdtempSync(join(tmpdir(), 'riskcheck-freq-')), 'nn.freq.arrow')
    expect((await main(['freq', file, '--qi', 'nn,year,sex', '--out', freq], { out: () => {}, err: () => {} }))).toBe(0)
    const f = await reports([freq, '--k', '3', '--json'], all)
    expect(f.out).toContain('national register')
    for (const nn of numbers) expect(named(f, nn), nn).toBe(false)
  })
})

describe('hideSmall', () => {
  it('withholds every count below k, and enough others that none below k can be pinned down', () => {
    // cells: a count, and whether the reader knows it is at least k (a listed value) or at least 1
    const cells = fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }).map(c => ({ c, listed: false })),
      fc.integer({ min: 5, max: 40 }).map(c => ({ c, listed: true }))), { maxLength: 12 })
    fc.assert(fc.property(cells, cs => {
      const k = 5
      const lower = cs.map(x => x.listed ? k : 1)
      const shown = hideSmall(cs.map(x => x.c), k, lower)
      cs.forEach((x, i) => {
        if (x.c < k) expect(shown[i]).toBeNull()
        else if (shown[i] !== null) expect(shown[i]).toBe(x.c)
      })
      const withheld = cs.map((x, i) => [x, i] as const).filter(([, i]) => shown[i] === null)
      if (withheld.length === 0 || withheld.length === cs.length) return
      const total = withheld.reduce((a, [x]) => a + x.c, 0)
      expect(total).toBeGreaterThanOrEqual(k)
      // what a reader can work out for a small withheld count: at most the total minus what the others are at
      // least, at least the total minus what the others are at most (a listed value: no bound; a small one: k - 1)
      for (const [x, i] of withheld) {
        if (x.listed) continue
        const others = withheld.filter(([, j]) => j !== i)
        expect(total - others.reduce((a, [, j]) => a + lower[j], 0)).toBeGreaterThanOrEqual(k - 1)
        expect(total - others.reduce((a, [y]) => a + (y.listed ? Infinity : k - 1), 0)).toBeLessThanOrEqual(1)
      }
    }), { numRuns: 500 })
  })

  it('as worked out by hand', () => {
    expect(hideSmall([10, 2, 6, 7], 5)).toEqual([10, null, null, null]) // 2 + 6: the 6 is at least 5, so 2 is pinned; add 7
    expect(hideSmall([10, 2, 3, 7], 5)).toEqual([10, null, null, 7]) // 2 + 3 = 5, each could be 1 to 4
    expect(hideSmall([10, 9], 5)).toEqual([10, 9])
    // the review's case: NL 5 listed, one value of 1 folded, BE 100: NL + 1 = 6 pins both; BE withheld too
    expect(hideSmall([100, 5, 1], 5, [5, 5, 1])).toEqual([null, null, null])
    // the second review's case: A 10 listed, B 4 folded (1 value), C 10 listed, D 4 a tiny class (1 class):
    // 4 + 4 = 8 with each at most 4 pins both; a 10 withheld too
    expect(hideSmall([10, 4, 10, 4], 5, [5, 1, 5, 1], [Infinity, 4, Infinity, 4])).toEqual([null, null, 10, null])
  })
})

describe('the same command on the same file', () => {
  it('gives a byte-identical JSON report but for the timestamp', async () => {
    const args = ['datasets/care-extract.arrow', '--k', '5', '--max-suppression', '1%']
    const one = await reports(args, ['a.json'])
    const two = await reports(args, ['a.json'])
    expect(two.files['a.json']).toBe(one.files['a.json'])
    const later = renderReport(anonymise(readArrow('datasets/care-extract.arrow'), { k: 5, maxSuppression: 0.01, source: 'x' }),
      { format: 'json', generated: new Date('2030-01-01T00:00:00Z') })
    const earlier = renderReport(anonymise(readArrow('datasets/care-extract.arrow'), { k: 5, maxSuppression: 0.01, source: 'x' }),
      { format: 'json', generated: NOW })
    const { generated: g1, ...rest1 } = JSON.parse(later)
    const { generated: g2, ...rest2 } = JSON.parse(earlier)
    expect([g1, g2]).toEqual(['2030-01-01T00:00:00.000Z', NOW.toISOString()])
    expect(rest1).toEqual(rest2)
    jsonReports.push({ name: 'library', text: later })
  })
})

describe('languages', () => {
  it('write numbers as the language does, and translate every heading', async () => {
    const r = await reports(['datasets/care-extract.arrow', '--k', '5', '--no-propose'], ['en.md'])
    const nl = await reports(['datasets/care-extract.arrow', '--k', '5', '--no-propose', '--lang', 'nl'], ['nl.md'])
    const fr = await reports(['datasets/care-extract.arrow', '--k', '5', '--no-propose', '--lang', 'fr'], ['fr.md'])
    expect(r.files['en.md']).toContain('| 20,000 |')
    expect(nl.files['nl.md']).toContain('| 20.000 |')
    expect(fr.files['fr.md']).toContain('| 20.000 |')
    expect(nl.files['nl.md']).toContain('27,4 %')
    const headings = (md: string) => md.split('\n').filter(l => l.startsWith('#'))
    const en = headings(r.files['en.md'])
    for (const other of [headings(nl.files['nl.md']), headings(fr.files['fr.md'])]) {
      expect(other).toHaveLength(en.length)
      // words that are the same in both languages (t-closeness, Parameters, l-diversity, k-anonymity) aside
      const same = other.filter((h, i) => h === en[i] && !/closeness|Parameters/.test(h))
      expect(same).toEqual([])
    }
  })
})

describe('with a person column', () => {
  it('reports the persons, before and after, and the history model', async () => {
    const rows = [['p1', '1950', 'A'], ['p1', '1950', 'B'], ['p2', '1950', 'A'], ['p2', '1950', 'A'], ['p3', '1950', 'A'],
      ['p4', '1960', 'B'], ['p4', '1960', 'B'], ['p4', '1960', 'B'], ['p5', '1960', 'B'], ['p6', '1950', 'A'], ['p6', '1960', 'B']]
    const file = tempFile('persons.arrow', tableToIPC(textTable(['pid', 'birth', 'arr'], rows), 'file'))
    const r = await reports([file, '--qi', 'birth,arr', '--person', 'pid', '--history', '--k', '3', '--max-suppression', '20%'],
      ['p.json', 'p.html', 'p.md'])
    const json = JSON.parse(r.files['p.json']) as Report
    expect(json.input.persons).toBe(6)
    expect(json.before.persons?.history?.uniquePersons).toBe(2)
    expect(json.verdict.checks[0]).toMatchObject({ criterion: 'k-anonymity', column: 'pid', before: 1, metBefore: false })
    expect(json.after?.persons?.minClassPersons).toBeGreaterThanOrEqual(3)
    expect(r.files['p.html']).toContain('<h3>Counted in persons (pid)</h3>')
    expect(r.files['p.md']).toContain('k-anonymity (smallest class, in persons (pid))')
  })
})

describe('with a sampling fraction', () => {
  it('reports the risk in the population, before and after', async () => {
    const r = await reports(['datasets/care-extract.arrow', '--k', '5', '--max-suppression', '1%', '--sampling-fraction', '2.5%'],
      ['s.json', 's.html'])
    const json = JSON.parse(r.files['s.json']) as Report
    expect(json.before.population).toMatchObject({ samplingFraction: 0.025, weight: null, populationSize: 800_000 })
    expect(json.after?.population?.samplingFraction).toBe(0.025)
    expect(r.files['s.html']).toContain('<h3>Risk in the population</h3>')
  })
})

describe('--report on the command line', () => {
  it('refuses an unknown extension, the input as output, an existing file, and --reveal-small-cells alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskcheck-report-'))
    const run = async (...args: string[]) => {
      let err = ''
      const code = await main(args, { out: () => {}, err: t => { err += t } })
      return { code, err }
    }
    const care = 'datasets/care-extract.arrow'
    expect(await run(care, '--report', join(dir, 'x.pdf'))).toEqual({ code: 2, err: expect.stringContaining('must be .html, .md or .json') })
    expect(await run(care, '--report', care)).toEqual({ code: 2, err: expect.stringContaining('must be .html, .md or .json') })
    const copy = tempFile('care.json', readFileSync(care))
    expect(await run(copy, '--report', copy)).toEqual({ code: 2, err: expect.stringContaining('is the input file') })
    const existing = tempFile('exists.html', 'keep me')
    expect(await run(care, '--report', existing)).toEqual({ code: 2, err: expect.stringContaining('exists already') })
    expect(readFileSync(existing, 'utf8')).toBe('keep me')
    expect(await run(care, '--reveal-small-cells')).toEqual({ code: 2, err: expect.stringContaining('there is no --report') })
    expect(await run(care, '--report', join(dir, 'a.md'), '--report', join(dir, 'a.md'))).toEqual({ code: 2, err: expect.stringContaining('given twice') })
  })

  it('says where the reports went, in text and in --json', async () => {
    const r = await reports(['datasets/care-extract.arrow', '--no-propose'], ['x.md'])
    expect(r.out).toContain(`Report written to ${join(r.dir, 'x.md')}.`)
    const j = await reports(['datasets/care-extract.arrow', '--no-propose', '--json'], ['x.json'])
    expect(JSON.parse(j.out).reports).toEqual([join(j.dir, 'x.json')])
  })
})
