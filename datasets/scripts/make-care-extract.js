// Seeded generator of datasets/care-extract.arrow: a synthetic coded extract in the spirit of
// deliberation 11/010 (Flemish care insurance x mutuality), one row per person, reference year 2024.
// Distributions follow ../shared/reference/coded-extract-schema.md (its ASSUMPTIONs included);
// no real person is in it. Usage: node datasets/scripts/make-care-extract.js [rows] [seed]
import { writeFileSync } from 'node:fs'
import { Decimal, Dictionary, Int16, Int8, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow'
import { tableWithRoles } from './arrow-table.js'
import { prng } from './random.js'

const ROWS = Number(process.argv[2] ?? 20_000)
const SEED = Number(process.argv[3] ?? 20240101)
const REF_YEAR = 2024

const random = prng(SEED)
const pick = weighted => {
  const total = weighted.reduce((a, [, w]) => a + w, 0)
  let u = random() * total
  for (const [value, w] of weighted) if ((u -= w) < 0) return value
  return weighted[weighted.length - 1][0]
}

// The 22 Flemish arrondissements and Brussels (voluntary affiliation: weight cut to a tenth), by population
// (be-arrondissements.csv).
const ARRONDISSEMENTS = [
  ['11000', 1076745], ['12000', 361424], ['13000', 483020], ['21000', 1255795 / 10], ['23000', 669330],
  ['24000', 508397], ['31000', 282745], ['32000', 52550], ['33000', 108402], ['34000', 302332], ['35000', 160032],
  ['36000', 159509], ['37000', 92355], ['38000', 61587], ['41000', 304838], ['42000', 207562], ['43000', 89175],
  ['44000', 578015], ['45000', 128081], ['46000', 264331], ['71000', 442586], ['72000', 259943], ['73000', 202390],
]
// Age of the beneficiaries: about half aged 80 or more (schema section 2).
const AGE_BANDS = [
  [[20, 64], 8], [[65, 69], 6], [[70, 74], 9], [[75, 79], 14], [[80, 84], 20], [[85, 89], 23], [[90, 94], 15],
  [[95, 99], 4.5], [[100, 104], 0.5],
]
// KG1 (CT1) codes of the HL7 Belgium code system: first digit regime, last digit increased reimbursement.
const KG1_SECOND_DIGIT = { 0: 5, 1: 5, 2: 2, 3: 70, 4: 13, 5: 5, 7: 0.3, 8: 0.2 }
const KG1 = ['100', '101', '110', '111', '120', '121', '130', '131', '140', '141', '150', '151',
  '410', '411', '420', '421', '430', '431', '440', '441', '450', '451', '470', '480']

function person() {
  const [lo, hi] = pick(AGE_BANDS)
  const age = lo + Math.floor(random() * (hi - lo + 1))
  const female = random() < (age < 65 ? 0.5 : age < 80 ? 0.6 : 0.68)
  const arr = pick(ARRONDISSEMENTS)
  const vt = random() < 0.15 + (arr === '21000' ? 0.15 : 0) + (age >= 80 ? 0.08 : 0)
  const regime = random() < 0.85 ? '1' : '4'
  const kg1 = pick(KG1.filter(c => c[0] === regime && (c[2] === (vt ? '1' : '0') || c[1] >= '7'))
    .map(c => [c, KG1_SECOND_DIGIT[c[1]]]))
  const residential = Math.min(0.75, Math.max(0.1, (age - 60) / 50))
  const decision = pick([['G1', 0.85 * (1 - residential)], ['G2', 0.85 * residential], ['R1', 0.08], ['R2', 0.03], ['P', 0.04]])
  const katz = decision === 'G2' ? pick([['B', 30], ['C', 35], ['Cd', 30], ['A', 5]])
    : decision === 'G1' ? pick([['A', 35], ['B', 35], ['C', 15], ['Cd', 10], ['O', 5]])
      : pick([['O', 60], ['A', 35], ['B', 5]])
  return { birth_year: REF_YEAR - age, sex: female ? 'F' : 'M', arr_residence: arr, kg1, care_decision: decision,
    katz_category: katz, monthly_amount_eur: amountCents(decision) }
}

/** Amount paid per month in 2024 (cents): the 140 EUR care budget plus skewed extras; null while pending. */
function amountCents(decision) {
  if (decision === 'P') return null
  if (decision[0] === 'R') return 0n
  const extra = Math.exp(Math.log(decision === 'G2' ? 260 : 90) + 0.9 * gaussian())
  return BigInt(Math.round((140 + Math.min(extra, 2400)) * 100))
}

function gaussian() {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

function hex(n) {
  let s = ''
  while (s.length < n) s += Math.floor(random() * 16).toString(16)
  return s
}

/** A Decimal128 vector of integers (the unscaled values), null where null. */
function decimalVector(unscaled, precision, scale) {
  const words = new Uint32Array(unscaled.length * 4)
  const validity = new Uint8Array(Math.ceil(unscaled.length / 8))
  let nullCount = 0
  unscaled.forEach((v, i) => {
    if (v === null) { nullCount++; return }
    validity[i >> 3] |= 1 << (i & 7)
    const bits = BigInt.asUintN(128, v)
    for (let w = 0; w < 4; w++) words[i * 4 + w] = Number((bits >> BigInt(32 * w)) & 0xffffffffn)
  })
  const type = new Decimal(scale, precision, 128)
  return makeVector(makeData({ type, length: unscaled.length, nullCount, nullBitmap: validity, data: words }))
}

function main() {
  const people = Array.from({ length: ROWS }, person)
  const ids = people.map(() => hex(32))
  const text = name => vectorFromArray(people.map(p => p[name]), new Dictionary(new Utf8(), new Int8()))
  const table = tableWithRoles({
    pid: [vectorFromArray(ids, new Utf8()), 'identifier'],
    birth_year: [vectorFromArray(people.map(p => p.birth_year), new Int16()), 'quasi-identifier'],
    sex: [text('sex'), 'quasi-identifier'],
    arr_residence: [text('arr_residence'), 'quasi-identifier'],
    kg1: [text('kg1'), 'quasi-identifier'],
    care_decision: [text('care_decision'), 'sensitive'],
    katz_category: [text('katz_category'), 'sensitive'],
    monthly_amount_eur: [decimalVector(people.map(p => p.monthly_amount_eur), 9, 2), 'sensitive'],
  })
  const out = new URL('../care-extract.arrow', import.meta.url)
  writeFileSync(out, tableToIPC(table, 'file'))
  console.log(`wrote ${out.pathname}: ${ROWS} rows (seed ${SEED})`)
}

main()
