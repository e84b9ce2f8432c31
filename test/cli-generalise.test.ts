// The command line with generalisation: the proposal in text and JSON, --out round trips, policies and their errors.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readArrow } from '../src/input/arrow.js'
import { expectOneLineError, runCli, tempFile } from './helpers.js'

const CARE = new URL('../datasets/care-extract.arrow', import.meta.url).pathname
const ADULT = new URL('../datasets/adult.arrow', import.meta.url).pathname
const ADULT_HIERARCHIES = new URL('../datasets/hierarchies/adult/', import.meta.url).pathname
const FIXTURES = new URL('fixtures/hierarchies/', import.meta.url).pathname
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the proposal', () => {
  test('in words, with its cost, the risk after and alternatives; exit 1 while nothing is written', async () => {
    const r = await runCli(CARE, '--k', '5', '--max-suppression', '1%')
    expect(r.code).toBe(1)
    expect(r.out).toContain('VERDICT: the file does NOT meet k = 5')
    expect(r.out).toContain('PROPOSAL (least loss): birth_year in 10-year bands, sex unchanged, arr_residence to province, ' +
      'kg1 to first 1 character; 115 records (0.6 %) suppressed.')
    expect(r.out).toMatch(/Then: k = 5, 0 sample uniques, average prosecutor risk 0\.\d{4} \(19,885 records in \d+ classes\); the thresholds are met\./)
    expect(r.out).toContain('Alternatives:\n  1. birth_year suppressed (*)')
    expect(r.out).toContain('Hierarchies assumed')
    expect(r.out).toContain('Write the coded table with --out FILE.arrow.')
  })

  test('JSON: proposal with levels, suppressed, informationLoss and after; the risk core fields unchanged', async () => {
    const r = await runCli(CARE, '--k', '5', '--max-suppression', '0.01', '--json')
    const j = JSON.parse(r.out)
    expect(j).toMatchObject({ rows: 20000, k: 5, meetsThreshold: false, output: null })
    expect(j.proposal.levels).toEqual({ birth_year: 2, sex: 0, arr_residence: 1, kg1: 2 })
    expect(j.proposal.suppressed).toBe(115)
    expect(j.proposal.informationLoss.metric).toBe('loss')
    expect(j.proposal.after).toMatchObject({ rows: 19885, minClassSize: 5, sampleUniques: 0, meetsThreshold: true })
    expect(Object.keys(j.proposal.after)).toEqual(Object.keys(j).filter(key => !['proposal', 'alternatives', 'generalisation', 'output', 'reports'].includes(key)))
    expect(j.generalisation).toMatchObject({ reason: null, metric: 'loss', maxSuppression: 0.01, suppressionLimit: 200, nodes: 160 })
  })

  test('the same command on the same file prints the same JSON, byte for byte', async () => {
    const args = [CARE, '--k', '5', '--max-suppression', '1%', '--json']
    expect((await runCli(...args)).out).toBe((await runCli(...args)).out)
  })

  test('entropy or recursive l: measured, not searched for (reason "unsupported"), said in words', async () => {
    const args = [CARE, '--k', '5', '--l', '2', '--l-criterion', 'entropy']
    expect(JSON.parse((await runCli(...args, '--json')).out).generalisation.reason).toBe('unsupported')
    expect((await runCli(...args)).out).toContain('NO PROPOSAL: the generalisation search judges distinct l-diversity only')
  })

  test('a file that meets the thresholds: proposal null, exit 0', async () => {
    const r = await runCli(CARE, '--k', '1', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ meetsThreshold: true, proposal: null, generalisation: { reason: 'met' } })
  })

  test('--no-propose measures only', async () => {
    const r = await runCli(CARE, '--k', '5', '--no-propose', '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).proposal).toBeUndefined()
  })
})

describe('--out', () => {
  test('round trip: the coded file analysed again gives the promised figures; the input is unchanged; exit 0', async () => {
    const before = sha256(CARE)
    const out = join(dirname(tempFile('x', '')), 'coded.arrow')
    const r = await runCli(CARE, '--k', '5', '--max-suppression', '1%', '--out', out, '--json')
    expect(r.code).toBe(0)
    const promised = JSON.parse(r.out)
    expect(promised.output).toBe(out)
    expect(sha256(CARE)).toBe(before)
    const again = await runCli(out, '--k', '5', '--json')
    expect(again.code).toBe(0)
    const { riskcheck: _a, source: _b, ...measured } = JSON.parse(again.out)
    const { riskcheck: _c, source: _d, ...after } = promised.proposal.after
    expect({ ...measured, proposal: undefined, alternatives: undefined, generalisation: undefined, output: undefined, reports: undefined })
      .toEqual({ ...after, proposal: undefined, alternatives: undefined, generalisation: undefined, output: undefined, reports: undefined })
    expect(JSON.parse(again.out).coding).toMatchObject({ source: CARE, rows: 20000, k: 5, suppressed: 115, suppress: 'remove' })
    expect((await runCli(out, '--k', '5')).out).toContain(`Coded by riskcheck ${promised.riskcheck} from ${CARE} (20,000 records) ` +
      'for k = 5: birth_year 10-year bands, sex unchanged, arr_residence province, kg1 first 1 character; 115 records suppressed (removed).')
    const coded = readArrow(out)
    expect(coded.getChild('arr_residence')?.get(0)).toMatch(/^\d{5}$/)
    expect(JSON.parse(coded.schema.metadata.get('riskcheck.coding') as string)).toMatchObject({ k: 5, suppressed: 115 })
    // other columns unchanged, row for row, for the records kept
    expect(coded.getChild('pid')?.get(0)).toBe(readArrow(CARE).getChild('pid')?.get(0))
  })

  test('never over the input; an existing file only with --force', async () => {
    const copy = tempFile('care.arrow', readFileSync(CARE))
    expectOneLineError(await runCli(copy, '--k', '5', '--max-suppression', '1%', '--out', copy), 'is the input file')
    const existing = tempFile('exists.arrow', 'keep me')
    expectOneLineError(await runCli(CARE, '--k', '5', '--out', existing), 'exists already')
    expect(readFileSync(existing, 'utf8')).toBe('keep me')
    expect((await runCli(CARE, '--k', '5', '--out', existing, '--force')).code).toBe(0)
    expect(readArrow(existing).numRows).toBe(20000)
  })

  test('--suppress mark keeps every row', async () => {
    const out = join(dirname(tempFile('x', '')), 'marked.arrow')
    const r = await runCli(CARE, '--k', '5', '--max-suppression', '1%', '--out', out, '--suppress', 'mark', '--json')
    expect(JSON.parse(r.out).proposal.after.rows).toBe(20000)
    expect(readArrow(out).numRows).toBe(20000)
  })
})

describe('hierarchies and policies', () => {
  const adultFlags = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation']
    .flatMap(c => ['--hierarchy', `${c}=${ADULT_HIERARCHIES}adult_hierarchy_${c}.csv`])

  test('--hierarchy COLUMN=FILE.csv for each Adult quasi-identifier (ARX files)', async () => {
    const r = await runCli(ADULT, '--k', '5', ...adultFlags, '--json')
    const j = JSON.parse(r.out)
    expect(j.proposal.levels).toEqual({ sex: 0, age: 4, race: 0, 'marital-status': 2, education: 3, 'native-country': 2, workclass: 2, occupation: 1 })
    expect(j.generalisation.nodes).toBe(6480)
    expect(j.generalisation.assumptions).toEqual([])
    // levels of an ARX file have no names: the words show the value most records get
    expect(j.proposal.columns[1]).toMatchObject({ column: 'age', level: 4, levelName: '*' })
    const text = (await runCli(ADULT, '--k', '5', '--max-suppression', '2%', ...adultFlags)).out
    expect(text).toContain('age to level 3 (e.g. "20-39")')
    expect(text).toContain('level 3, e.g. "20-39"')
  })

  test('a policy file gives thresholds, suppression and hierarchies; flags override it', async () => {
    const dir = dirname(tempFile('x', ''))
    writeFileSync(join(dir, 'age.csv'), readFileSync(`${ADULT_HIERARCHIES}adult_hierarchy_age.csv`))
    const policy = join(dir, 'policy.json')
    writeFileSync(policy, JSON.stringify({
      qi: ['age', 'sex', 'race'], k: 10, maxSuppression: '2%', metric: 'loss', hierarchies: { age: { file: 'age.csv' } },
    }))
    const j = JSON.parse((await runCli(ADULT, '--policy', policy, '--json')).out)
    expect(j).toMatchObject({ k: 10, quasiIdentifiers: ['age', 'sex', 'race'] })
    expect(j.generalisation.maxSuppression).toBe(0.02)
    expect(j.proposal.columns[0].hierarchy).toBe('file "age.csv"')
    const overridden = JSON.parse((await runCli(ADULT, '--policy', policy, '--k', '50', '--json')).out)
    expect(overridden.k).toBe(50)
    // --k does not drop the policy's maxProsecutorRisk: the larger k applies
    const risky = join(dir, 'risk.json')
    writeFileSync(risky, JSON.stringify({ qi: ['age', 'sex'], maxProsecutorRisk: 0.1 }))
    const withRisk = JSON.parse((await runCli(ADULT, '--policy', risky, '--k', '5', '--json')).out)
    expect(withRisk).toMatchObject({ k: 10, maxProsecutorRisk: 0.1 })
    expect(withRisk.proposal.after.prosecutor.highest).toBeLessThanOrEqual(0.1)
  })

  const bad: [string, string[], string][] = [
    ['a hierarchy for an unknown column', ['--hierarchy', `nope=${FIXTURES}not-nested.csv`], 'a hierarchy is given for column "nope", and'],
    ['a hierarchy for a column that is not a quasi-identifier', ['--qi', 'age', '--hierarchy', `sex=${ADULT_HIERARCHIES}adult_hierarchy_sex.csv`], 'which is not a quasi-identifier'],
    ['a value not covered', ['--qi', 'sex,age', '--hierarchy', `sex=${FIXTURES}not-nested.csv`], 'not in its hierarchy'],
    ['a malformed --hierarchy', ['--hierarchy', 'sex'], 'COLUMN=FILE.csv'],
    ['negative k', ['--k', '-3'], 'k must be a whole number'],
    ['suppression above 100 %', ['--max-suppression', '150%'], '--max-suppression must be a share from 0 to 1'],
    ['--out with --no-propose', ['--no-propose', '--out', '/tmp/x.arrow'], '--out writes the coded table'],
  ]
  test.each(bad)('%s: one line, exit 2', async (_, args, message) => {
    expectOneLineError(await runCli(ADULT, ...args), message)
  })

  test('policies: unknown preset, non-nested levels, unknown field, not JSON', async () => {
    const dir = dirname(tempFile('x', ''))
    const write = (name: string, body: string) => { const p = join(dir, name); writeFileSync(p, body); return p }
    expectOneLineError(await runCli(ADULT, '--policy', write('p1.json', '{"qi":["age"],"hierarchies":{"age":{"preset":"nuts"}}}')),
      '"preset" must be one of')
    const sex = write('sex.csv', 'Male;X;P;*\nFemale;X;Q;*\n')
    expectOneLineError(await runCli(ADULT, '--policy', write('p2.json', `{"qi":["sex","age"],"hierarchies":{"sex":{"file":"${sex}"}}}`)),
      'not a coarsening')
    expectOneLineError(await runCli(ADULT, '--policy', write('p3.json', '{"kk":5}')), 'unknown field "kk"')
    expectOneLineError(await runCli(ADULT, '--policy', write('p4.json', '{k:5}')), 'is not valid JSON')
    expectOneLineError(await runCli(ADULT, '--policy', write('p5.json', '{"k":-1}')), '"k" must be a whole number of at least 1')
  })
})

describe('--out is checked before the work, and said when nothing is coded', () => {
  test('a missing folder fails at once; a repeated --hierarchy is refused', async () => {
    expectOneLineError(await runCli(CARE, '--k', '5', '--out', '/nonexistent-folder/x.arrow'), 'the folder /nonexistent-folder does not exist')
    expectOneLineError(await runCli(ADULT, '--hierarchy', `sex=${FIXTURES}not-nested.csv`, '--hierarchy', `sex=${FIXTURES}not-nested.csv`),
      'column "sex" is given two hierarchies')
  })
  test('met: an unchanged copy, said so; impossible: nothing written, said so', async () => {
    const dir = dirname(tempFile('x', ''))
    const met = await runCli(CARE, '--k', '1', '--out', join(dir, 'met.arrow'))
    expect(met.code).toBe(0)
    expect(met.out).toContain(`The thresholds are met as the file is: ${join(dir, 'met.arrow')} is an unchanged copy.`)
    const none = await runCli(CARE, '--k', '30000', '--out', join(dir, 'none.arrow'))
    expect(none.code).toBe(1)
    expect(none.out).toContain(`Nothing was written to ${join(dir, 'none.arrow')}: there is no coding to write.`)
  })
  test('an ARX file that starts with a byte-order mark reads as without it', async () => {
    const bom = tempFile('sex.csv', `\uFEFF${readFileSync(`${ADULT_HIERARCHIES}adult_hierarchy_sex.csv`, 'utf8')}`)
    const r = await runCli(ADULT, '--qi', 'sex,age', '--hierarchy', `sex=${bom}`, '--json')
    expect(r.err).toBe('')
    expect(JSON.parse(r.out).proposal.columns[0].hierarchy).toBe(`file "${bom}"`)
  })
})

describe('what the proposal says besides the coding', () => {
  test('k above the rows is said as such; an identifier kept in the coded table is noted', async () => {
    expect((await runCli(CARE, '--k', '30000')).out).toContain('NO GENERALISATION meets the thresholds: the table has 20,000 records, fewer than k = 30,000.')
    const j = JSON.parse((await runCli(CARE, '--k', '5', '--json')).out)
    expect(j.generalisation.notes).toEqual([expect.stringMatching(/^pid: an identifier \(riskcheck.role\), kept unchanged in the coded table/)])
  })
})
