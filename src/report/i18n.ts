// Every word of the report template in English, Dutch and French, and numbers formatted for each language
// (1,234.5 in English; 1.234,5 in Dutch and French, as Belgian administrations write them).
import type { Check } from '../types.js'
import type { Outcome } from './model.js'

export type Lang = 'en' | 'nl' | 'fr'
export const LANGS: Lang[] = ['en', 'nl', 'fr']

type Criterion = Check['criterion']
type F<A extends unknown[] = string[]> = (...args: A) => string

/** One metric of the Method section: in plain words, its formula, where it comes from. */
export interface Definition { name: string; words: string; formula: string; reference: string }

export interface Strings {
  title: string
  subtitle: F<[file: string, date: string]>
  sections: Record<'verdict' | 'analysed' | 'before' | 'coding' | 'after' | 'method', string>
  revealNotice: F<[k: string]>
  verdict: Record<Outcome, F<[metBefore: boolean, metAfter: boolean | null]>>
  head: Record<'criterion' | 'asked' | 'before' | 'after' | 'warnings' | 'fact' | 'parameters' | 'parameter' |
    'columns' | 'column' | 'type' | 'role' | 'distinct' | 'figure' | 'classSizes' | 'classSize' | 'classes' |
    'records' | 'share' | 'lDiversity' | 'distinctL' | 'entropyL' | 'homogeneous' | 'tCloseness' | 'equalDistance' |
    'orderedDistance' | 'hierarchicalDistance' | 'judged' | 'drivers' | 'leftOut' | 'coarsened' | 'smallClasses' | 'hierarchy' | 'level' | 'loss' |
    'precision' | 'assumptions' | 'notes' | 'mappings' | 'original' | 'published' | 'values' | 'alternatives' |
    'coding' | 'suppressedRecords' | 'smallest' | 'limits' | 'persons', string> & { recursiveC: F<[l: number]> }
  none: string
  met: F<[value: string, met: boolean]>
  criterion: F<[criterion: Criterion, column: string | null]>
  fact: Record<'file' | 'size' | 'records' | 'persons' | 'nulls' | 'version' | 'command' | 'generated', string>
  pop: Record<'title' | 'fraction' | 'size' | 'uniques' | 'individual' | 'expected' | 'global' | 'marketer', string> &
    { fromWeights: F<[weight: string]>; model: F<[estimator: string, pitman: boolean | null, snb: boolean | null]>;
      journalist: F<[table: string, columns: string]>; atRisk: F<[k: string]> }
  person: Record<'persons' | 'smallest' | 'unique' | 'highest' | 'average' | 'histories' | 'historyUnique', string> &
    { title: F<[column: string]>; belowK: F<[k: string]>; historyBelowK: F<[k: string]> }
  bytes: F<[n: string]>
  countedIn: F<[records: string, column: string]>
  nullsValue: string
  param: Record<'quasiIdentifiers' | 'sensitive' | 'rolesFrom' | 'maxProsecutorRisk' | 'lByColumn' | 'maxSuppression' |
    'metric' | 'suppress', string>
  rolesFrom: Record<'options' | 'metadata' | 'inferred', string>
  suppressionLimit: F<[share: string, records: string]>
  suppressHow: Record<'remove' | 'mark', string>
  role: F<[role: string, note: string | null]>
  fig: Record<'records' | 'classes' | 'smallest' | 'largest' | 'uniques' | 'highest' | 'average', string> &
    { belowK: F<[k: string]>; atRisk: F<[k: string]> }
  chartTitle: string
  bucket: F<[from: number, to: number | null]>
  noC: F<[classes: string]>
  classesRecords: F<[classes: string, records: string]>
  noDrivers: string
  driversIntro: F<[uniques: string]>
  msu: Record<'title' | 'columns' | 'records' | 'size', string> &
    { intro: F<[maxSize: string]>; more: F<[maxSize: string]>; moreSets: F<[n: string]> }
  topDriver: F<[column: string, drop: string]>
  smallClassesIntro: F<[k: string, n: string]>
  noProposal: Record<Outcome, string>
  proposalIntro: F<[evaluated: string, nodes: string, tuples: string]>
  assumed: F<[hierarchy: string]>
  level: F<[level: number, top: number | null, name: string]>
  allColumns: string
  suppressed: F<[n: string, share: string, how: 'remove' | 'mark', k: string]>
  lossNote: F<[discernibility: string]>
  mappingIntro: F<[k: string]>
  withheld: string
  folded: F<[n: string, k: string, unit: 'records' | 'persons']>
  unnamed: F<[k: string, unit: 'records' | 'persons']>
  unlisted: Record<'suppressed' | 'identifier' | 'many', F<[values: string]>>
  mappingOf: F<[column: string, level: string]>
  noAfter: string
  noAlternatives: string
  alternativesIntro: string
  methodIntro: string
  definitions: Definition[]
  limits: string[]
}

/** Formulas are the same in every language. */
const FORMULA = {
  k: 'k = min_j f_j   (f_j: records in class j)',
  uniques: 'sample uniques = c_1 = number of classes with f_j = 1;   records below k = sum of f_j over classes with f_j < k',
  prosecutor: 'risk of a record = 1 / f_j;   highest = 1 / min_j f_j;   average = (1/n) sum over records of 1/f_j = J / n',
  l: 'distinct l = min_E m_E;   entropy l = exp(min_E H_E), H_E = -sum_s q_s ln q_s;   recursive (c,l): r_1 < c (r_l + ... + r_m)',
  t: 'equal: EMD = 1/2 sum_s |q_s - p_s|;   ordered: EMD = 1/(m-1) sum_i |sum_{k<=i} (q_k - p_k)|;   t = max_E EMD(P_E, Q)',
  population: 'N = n / pi;   Pitman (pi <= 0.1), else min(Zayatz, SNB);   sdcMicro: p = f_j / F^_j, r = p/(1-p) ln(1/p) ' +
    '(f = 1), p/(1-p) - (p/(1-p))^2 ln(1/p) (f = 2), p / (f - (1-p)) (f >= 3);   journalist 1 / F_j;   marketer (1/n) sum_j f_j / F_j',
  persons: 'class size = distinct persons;   risk of a person = max over their rows of 1 / (persons in the class)',
  loss: 'LM(cell) = (values under its class - 1) / (distinct values - 1), suppressed cell = 1;   ' +
    'precision = 1 - mean(level / height);   discernibility = sum_j f_j^2 + n x suppressed',
}

const REF = {
  k: 'L. Sweeney, Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 10(5), 2002. ARX, sdcMicro, pycanon.',
  prosecutor: "El Emam & Dankar, JAMIA 15(5), 2008; ARX's sample-based risk summary.",
  l: 'Machanavajjhala, Kifer, Gehrke, Venkitasubramaniam, ACM TKDD 1(1), 2007.',
  t: 'N. Li, T. Li, S. Venkatasubramanian, ICDE 2007.',
  loss: 'Iyengar, KDD 2002 (LM, ARX "Loss"); Sweeney 2002 (precision); Bayardo & Agrawal, ICDE 2005 (discernibility).',
  population: 'Hoshino, J. Off. Stat. 17(4), 2001 (Pitman); Zayatz 1991; Chen & Keller-McNulty, J. Off. Stat. 14(1), 1998 ' +
    '(SNB); Dankar et al., BMC Med. Inform. Decis. Mak. 12:66, 2012 (the rule); Benedetti & Franconi, sdcMicro (individual ' +
    'risk); El Emam & Dankar, JAMIA 15(5), 2008 (journalist, marketer). Pitman matches ARX on Adult.',
  persons: 'risk-definitions.md, "Several rows per person".',
}

const en: Strings = {
  title: 'Re-identification risk report',
  subtitle: (file, date) => `${file} - ${date}`,
  sections: {
    verdict: '1. Verdict', analysed: '2. What was analysed', before: '3. Risk before coding',
    coding: '4. The coding proposed', after: '5. Risk after coding', method: '6. Method',
  },
  revealNotice: k => `This report reveals small cells: at the user's request (--reveal-small-cells) it lists ` +
    `combinations of quasi-identifier values with fewer than ${k} records and their exact counts. Do not circulate it.`,
  verdict: {
    met: () => 'The file meets the thresholds asked as it is: no coding is needed.',
    proposed: (_, after) => `The file does not meet the thresholds asked. The coding proposed below ` +
      `${after ? 'meets them' : 'does NOT meet them'}, measured on the coded records.`,
    impossible: () => 'The file does not meet the thresholds asked, and no coding within the suppression limit meets them.',
    unsupported: () => 'The file does not meet the thresholds asked. No coding was searched for: the search judges ' +
      'distinct l-diversity only.',
    'not-searched': () => 'The file does not meet the thresholds asked. No coding was searched for (measurement only).',
  },
  head: {
    criterion: 'Criterion', asked: 'Asked', before: 'Before coding', after: 'After coding', warnings: 'Warnings',
    fact: 'Input', parameters: 'Parameters', parameter: 'Parameter', columns: 'Columns', column: 'Column',
    type: 'Type', role: 'Role', distinct: 'Distinct values', figure: 'Figure', classSizes: 'Class sizes',
    classSize: 'Class size', classes: 'Classes', records: 'Records', share: 'Share of records',
    lDiversity: 'Sensitive columns: l-diversity within classes', distinctL: 'Distinct l', entropyL: 'Entropy l',
    recursiveC: l => `Recursive c (l = ${l})`, homogeneous: 'Classes with one value (records)',
    tCloseness: 't-closeness', equalDistance: 'Equal distance', orderedDistance: 'Ordered distance',
    hierarchicalDistance: 'Hierarchical distance', judged: 't judged (distance)',
    drivers: 'What drives the risk', leftOut: 'Sample uniques with it left out',
    coarsened: 'Sample uniques with it one level coarser', smallClasses: 'Combinations with fewer than k records',
    hierarchy: 'Hierarchy', level: 'Level applied', loss: 'Loss', precision: 'Precision',
    assumptions: 'Hierarchies assumed', notes: 'Notes', mappings: 'Value mappings', original: 'Original value',
    published: 'Published as', values: 'Original values', alternatives: 'Alternatives considered',
    coding: 'Coding', suppressedRecords: 'Records suppressed', smallest: 'Smallest class',
    limits: 'What the figures do not say', persons: 'Persons',
  },
  none: '-',
  met: (value, met) => `${value} (${met ? 'met' : 'NOT met'})`,
  criterion: (c, column) => c === 'k-anonymity' ? `k-anonymity (smallest class${column ? `, in persons (${column})` : ''})` : `${c} of ${column}`,
  fact: {
    file: 'File', size: 'Size', records: 'Records (rows)', persons: 'Persons', nulls: 'Missing values', version: 'Made by',
    command: 'Command', generated: 'Generated (UTC)',
  },
  pop: {
    title: 'Risk in the population', fraction: 'Sampling fraction', size: 'Population (records / sampling fraction)',
    uniques: 'Population uniques, estimated (Dankar et al.)', individual: 'Individual risk (sdcMicro), highest',
    expected: 'Expected re-identifications (sum of individual risks)', global: 'Global risk (expected re-identifications / records)',
    marketer: 'Marketer risk (expected share of correct matches)', fromWeights: w => `records / sum of ${w}`,
    model: (e, pitman, snb) => e === 'none' ? 'no model needed' : `${e}${e === 'zayatz' && pitman === false ? ', Pitman did not converge' : e === 'zayatz' && snb === false ? ', SNB did not converge' : ''}`,
    journalist: (t, c) => `Journalist risk, highest (${t}: ${c})`, atRisk: k => `Records at journalist risk above 1/${k}`,
  },
  person: {
    title: column => `Counted in persons (${column})`, persons: 'Persons (distinct)', smallest: 'Smallest class, in persons',
    unique: 'Persons alone in a class of theirs', belowK: k => `Persons in a class of fewer than ${k} persons`,
    highest: 'Prosecutor risk of a person, highest', average: 'Prosecutor risk of a person, average over persons',
    histories: 'Histories (distinct sets of tuples of a person)', historyUnique: 'Persons unique by their history',
    historyBelowK: k => `Persons whose history fewer than ${k} persons share`,
  },
  bytes: n => `${n} bytes`,
  countedIn: (n, c) => `${n} (a frequency table: each row a combination, its records in "${c}")`,
  nullsValue: 'a missing value (null) is a value of its own: two nulls agree, a null differs from every value',
  param: {
    quasiIdentifiers: 'Quasi-identifiers', sensitive: 'Sensitive columns', rolesFrom: 'Roles from',
    maxProsecutorRisk: 'Highest prosecutor risk allowed', lByColumn: 'l per column',
    maxSuppression: 'Suppression limit', metric: 'Information loss minimised', suppress: 'Suppressed records are',
  },
  rolesFrom: { options: 'the command', metadata: "the file's metadata", inferred: 'inferred (every column but pseudonyms)' },
  suppressionLimit: (share, n) => `${share} (at most ${n} records)`,
  suppressHow: { remove: 'removed', mark: 'kept, every quasi-identifier set to "*"' },
  role: (role, note) => ({ 'quasi-identifier': 'quasi-identifier', sensitive: 'sensitive', 'not used': 'not used' }[role] ?? role) +
    (note ? ` (${note})` : ''),
  fig: {
    records: 'Records', classes: 'Equivalence classes (distinct combinations)', smallest: 'Smallest class (the k the file has)',
    largest: 'Largest class', uniques: 'Records alone in their class (sample uniques)',
    belowK: k => `Records in classes smaller than ${k}`, highest: 'Prosecutor risk, highest (1 / smallest class)',
    average: 'Prosecutor risk, average over records', atRisk: k => `Records at risk (risk above 1/${k})`,
  },
  chartTitle: 'Share of records by the size of their class',
  bucket: (from, to) => to === null ? `${from} or more` : from === to ? (from === 1 ? '1 (unique)' : String(from)) : `${from}-${to}`,
  noC: classes => `none: ${classes} classes have fewer than l values`,
  classesRecords: (c, r) => `${c} (${r})`,
  noDrivers: 'Not computed for this report.',
  driversIntro: n => `The file has ${n} sample unique${n === '1' ? '' : 's'}. For each quasi-identifier: the sample uniques if it alone were ` +
    'left out, or coarsened one level of its hierarchy ("-": its next level is "*", the same as leaving it out).',
  topDriver: (column, drop) => `Leaving out ${column} removes the most sample uniques: ${drop}.`,
  msu: {
    title: 'Minimal sample uniques', columns: 'Set of quasi-identifiers', records: 'Records it singles out',
    size: 'Smallest set that singles them out',
    intro: m => `For each sample unique, the smallest sets of up to ${m} quasi-identifiers on which it is already alone ` +
      '(no smaller set inside being enough). A record can have several such sets: each counts it.',
    more: m => `more than ${m} columns`, moreSets: n => `${n} more sets in the JSON report.`,
  },
  smallClassesIntro: (k, n) => `Shown because --reveal-small-cells was given: the ${n} combinations with fewer than ${k} ` +
    'records (at most 100, smallest first).',
  noProposal: {
    met: 'No coding is proposed: the thresholds are met as the file is.',
    proposed: '',
    impossible: 'No generalisation of the quasi-identifiers meets the thresholds within the suppression limit.',
    unsupported: 'No coding was searched for: the search judges distinct l-diversity, and another criterion was asked.',
    'not-searched': 'No coding was searched for: the report was made from a measurement only.',
  },
  proposalIntro: (evaluated, nodes, tuples) => `The coding of least information loss that meets the thresholds, found ` +
    `by judging ${evaluated} of the ${nodes} possible generalisations on ${tuples} distinct combinations.`,
  assumed: h => `${h} (assumed)`,
  level: (level, top, name) => level === 0 ? 'unchanged' : top !== null && level === top ? 'suppressed (*)' : `level ${level}: ${name}`,
  allColumns: 'All columns (mean)',
  suppressed: (n, share, how, k) => n === '0' ? 'No record is suppressed.'
    : `${n} record${n === '1' ? '' : 's'} (${share}) ${n === '1' ? 'is' : 'are'} ${how === 'mark' ? 'marked (every quasi-identifier "*")' : 'removed'}: after the ` +
      `generalisation their class still has fewer than ${k} records (or fails l-diversity).`,
  lossNote: d => `Loss: the share of detail lost per cell, 0 = none, 1 = all; precision: 1 = nothing lost. ` +
    `Discernibility: ${d}.`,
  mappingIntro: k => `Each original value with at least ${k} records (persons with a person column), the class it is ` +
    `published as, and its count in the input; the values with fewer than ${k} are not named but counted together per ` +
    `class. "withheld" marks a count below ${k}, and counts withheld with it so that none can be worked out by subtraction.`,
  withheld: 'withheld',
  unnamed: (k, unit) => `classes of fewer than ${k} ${unit} (not named; suppressed)`,
  folded: (n, k, unit) => `${n} value${n === '1' ? '' : 's'} with fewer than ${k} ${unit} each`,
  unlisted: {
    suppressed: n => `Published as "*": its ${n} values are not listed.`,
    identifier: n => `The column looks like an identifier (see the warnings): its ${n} values are not listed, only its classes.`,
    many: n => `${n} distinct values: listed by published class, with the number of original values in each.`,
  },
  mappingOf: (column, level) => `${column}: ${level}`,
  noAfter: 'There is no coded file to measure.',
  noAlternatives: 'None: no other coding meets the thresholds without publishing the same classes.',
  alternativesIntro: 'Other codings that meet the thresholds: the best without suppression first, then the runners-up.',
  methodIntro: 'Definitions as riskcheck computes them (n records; J classes; f_j records in class j; c_i classes of ' +
    'size i; for a sensitive column, class E has value counts r_1 >= r_2 >= ... >= r_m and shares q_s, and p_s is ' +
    'the share of value s in the whole file).',
  definitions: [
    { name: 'k-anonymity', words: 'Records that agree on every quasi-identifier form a class. The file is k-anonymous ' +
      'when every class holds at least k records.', formula: FORMULA.k, reference: REF.k },
    { name: 'Sample uniques and records below k', words: 'Records that are alone in their class, and records in ' +
      'classes smaller than k.', formula: FORMULA.uniques, reference: REF.k },
    { name: 'Prosecutor risk', words: 'The chance that someone who knows a person is in the file, and knows their ' +
      'quasi-identifiers, picks out their record. The average weighs every record equally (pycanon weighs classes, ' +
      'a different number).', formula: FORMULA.prosecutor, reference: REF.prosecutor },
    { name: 'l-diversity', words: 'How varied the sensitive values are within each class: when a class shares one value, ' +
      'knowing a person is in it discloses that value. Entropy l is not rounded down.', formula: FORMULA.l, reference: REF.l },
    { name: 't-closeness', words: 'How far the spread of a sensitive value within a class can be from its spread in the ' +
      'whole file (0: the same everywhere).', formula: FORMULA.t, reference: REF.t },
    { name: 'Risk in the population', words: 'For a sample: how many persons of the population are unique on the ' +
      'quasi-identifiers, estimated from the class sizes and the sampling fraction; each record\'s chance of being ' +
      're-identified given the sampling weights, and their sum; and, with a table of population counts, the chance ' +
      'for someone who does not know whether a person is in the sample.', formula: FORMULA.population, reference: REF.population },
    { name: 'Several rows per person', words: 'With a person column, a class counts the distinct persons in it, and ' +
      'a person is as exposed as their most exposed row.', formula: FORMULA.persons, reference: REF.persons },
    { name: 'Information loss', words: 'What the coding costs: Loss averages, per column and then over the columns, the ' +
      'share of the original detail each cell loses; precision counts the levels climbed; discernibility penalises ' +
      'large classes and suppression.', formula: FORMULA.loss, reference: REF.loss },
  ],
  limits: [
    'The figures take the file as the population: anyone in it is assumed to be known to be in it (prosecutor model). ' +
    'For a sample, the population figures (with --sampling-fraction, --weight or --population) are estimates from models.',
    'Only the columns named as quasi-identifiers are counted. Exact dates and amounts are quasi-identifiers too when ' +
    'they are published, and so is any column an outsider could know.',
    'The prior knowledge of an insider (a relative, a care provider, a colleague) is not modelled, nor linkage with ' +
    'other files on anything but the quasi-identifiers.',
    'Without a person column (--person), rows are counted, not persons: when a person has several rows, classes are ' +
    'smaller in persons than in rows.',
    'Values and counts below k are withheld from this report; they are not withheld from the data.',
  ],
}

const nl: Strings = {
  title: 'Rapport over het risico op heridentificatie',
  subtitle: (file, date) => `${file} - ${date}`,
  sections: {
    verdict: '1. Besluit', analysed: '2. Wat werd onderzocht', before: '3. Risico vóór de codering',
    coding: '4. De voorgestelde codering', after: '5. Risico na de codering', method: '6. Methode',
  },
  revealNotice: k => `Dit rapport toont kleine cellen: op vraag van de gebruiker (--reveal-small-cells) vermeldt het ` +
    `combinaties van quasi-identificatoren met minder dan ${k} records en hun exacte aantallen. Verspreid het niet.`,
  verdict: {
    met: () => 'Het bestand voldoet zoals het is aan de gevraagde drempels: er is geen codering nodig.',
    proposed: (_, after) => `Het bestand voldoet niet aan de gevraagde drempels. De hieronder voorgestelde codering ` +
      `${after ? 'voldoet er wel aan' : 'voldoet er NIET aan'}, gemeten op de gecodeerde records.`,
    impossible: () => 'Het bestand voldoet niet aan de gevraagde drempels, en geen codering binnen de ' +
      'onderdrukkingsgrens voldoet eraan.',
    unsupported: () => 'Het bestand voldoet niet aan de gevraagde drempels. Er werd geen codering gezocht: de zoektocht ' +
      'beoordeelt alleen distinct l-diversiteit.',
    'not-searched': () => 'Het bestand voldoet niet aan de gevraagde drempels. Er werd geen codering gezocht (alleen meting).',
  },
  head: {
    criterion: 'Criterium', asked: 'Gevraagd', before: 'Vóór de codering', after: 'Na de codering',
    warnings: 'Waarschuwingen', fact: 'Invoer', parameters: 'Parameters', parameter: 'Parameter', columns: 'Kolommen',
    column: 'Kolom', type: 'Type', role: 'Rol', distinct: 'Verschillende waarden', figure: 'Cijfer',
    classSizes: 'Grootte van de klassen', classSize: 'Klassegrootte', classes: 'Klassen', records: 'Records',
    share: 'Aandeel van de records', lDiversity: 'Gevoelige kolommen: l-diversiteit binnen de klassen',
    distinctL: 'Distinct l', entropyL: 'Entropie-l', recursiveC: l => `Recursieve c (l = ${l})`,
    homogeneous: 'Klassen met één waarde (records)', tCloseness: 't-closeness', equalDistance: 'Gelijke afstand',
    orderedDistance: 'Geordende afstand', hierarchicalDistance: 'Hiërarchische afstand', judged: 'Beoordeelde t (afstand)', drivers: 'Wat het risico bepaalt', leftOut: 'Unieke records zonder deze kolom',
    coarsened: 'Unieke records met deze kolom één niveau grover', smallClasses: 'Combinaties met minder dan k records',
    hierarchy: 'Hiërarchie', level: 'Toegepast niveau', loss: 'Verlies', precision: 'Precisie',
    assumptions: 'Aangenomen hiërarchieën', notes: 'Opmerkingen', mappings: 'Omzettingstabellen',
    original: 'Oorspronkelijke waarde', published: 'Gepubliceerd als', values: 'Oorspronkelijke waarden',
    alternatives: 'Overwogen alternatieven', coding: 'Codering', suppressedRecords: 'Onderdrukte records',
    smallest: 'Kleinste klasse', limits: 'Wat de cijfers niet zeggen', persons: 'Personen',
  },
  none: '-',
  met: (value, met) => `${value} (${met ? 'voldaan' : 'NIET voldaan'})`,
  criterion: (c, column) => c === 'k-anonymity' ? `k-anonimiteit (kleinste klasse${column ? `, in personen (${column})` : ''})`
    : `${c.replace('distinct', 'distinct').replace('entropy', 'entropie').replace('recursive', 'recursieve').replace('diversity', 'diversiteit')} van ${column}`,
  fact: {
    file: 'Bestand', size: 'Grootte', records: 'Records (rijen)', persons: 'Personen', nulls: 'Ontbrekende waarden',
    version: 'Gemaakt door', command: 'Opdracht', generated: 'Aangemaakt (UTC)',
  },
  pop: {
    title: 'Risico in de populatie', fraction: 'Steekproeffractie', size: 'Populatie (records / steekproeffractie)',
    uniques: 'Unieke personen in de populatie, geschat (Dankar et al.)', individual: 'Individueel risico (sdcMicro), hoogste',
    expected: 'Verwachte heridentificaties (som van de individuele risico\'s)', global: 'Globaal risico (verwachte heridentificaties / records)',
    marketer: 'Marketer-risico (verwacht aandeel juiste koppelingen)', fromWeights: w => `records / som van ${w}`,
    model: (e, pitman, snb) => e === 'none' ? 'geen model nodig' : `${e}${e === 'zayatz' && pitman === false ? ', Pitman convergeerde niet' : e === 'zayatz' && snb === false ? ', SNB convergeerde niet' : ''}`,
    journalist: (t, c) => `Journalist-risico, hoogste (${t}: ${c})`, atRisk: k => `Records met journalist-risico boven 1/${k}`,
  },
  person: {
    title: column => `Geteld in personen (${column})`, persons: 'Personen (verschillend)', smallest: 'Kleinste klasse, in personen',
    unique: 'Personen alleen in een van hun klassen', belowK: k => `Personen in een klasse van minder dan ${k} personen`,
    highest: 'Prosecutor-risico van een persoon, hoogste', average: 'Prosecutor-risico van een persoon, gemiddeld over de personen',
    histories: 'Historieken (verschillende reeksen combinaties van een persoon)', historyUnique: 'Personen uniek door hun historiek',
    historyBelowK: k => `Personen van wie minder dan ${k} personen de historiek delen`,
  },
  bytes: n => `${n} bytes`,
  countedIn: (n, c) => `${n} (een frequentietabel: elke rij een combinatie, haar records in "${c}")`,
  nullsValue: 'een ontbrekende waarde (null) is een waarde op zich: twee nulls zijn gelijk, een null verschilt van elke waarde',
  param: {
    quasiIdentifiers: 'Quasi-identificatoren', sensitive: 'Gevoelige kolommen', rolesFrom: 'Rollen uit',
    maxProsecutorRisk: 'Hoogste toegelaten prosecutor-risico', lByColumn: 'l per kolom',
    maxSuppression: 'Onderdrukkingsgrens', metric: 'Geminimaliseerd informatieverlies', suppress: 'Onderdrukte records worden',
  },
  rolesFrom: { options: 'de opdracht', metadata: 'de metadata van het bestand', inferred: 'afgeleid (alle kolommen behalve pseudoniemen)' },
  suppressionLimit: (share, n) => `${share} (hoogstens ${n} records)`,
  suppressHow: { remove: 'verwijderd', mark: 'behouden, elke quasi-identificator op "*"' },
  role: (role, note) => ({ 'quasi-identifier': 'quasi-identificator', sensitive: 'gevoelig', 'not used': 'niet gebruikt' }[role] ?? role) +
    (note ? ` (${note})` : ''),
  fig: {
    records: 'Records', classes: 'Equivalentieklassen (verschillende combinaties)',
    smallest: 'Kleinste klasse (de k van het bestand)', largest: 'Grootste klasse',
    uniques: 'Records alleen in hun klasse (unieke records)', belowK: k => `Records in klassen kleiner dan ${k}`,
    highest: 'Prosecutor-risico, hoogste (1 / kleinste klasse)', average: 'Prosecutor-risico, gemiddeld over de records',
    atRisk: k => `Records met risico (risico boven 1/${k})`,
  },
  chartTitle: 'Aandeel van de records naar de grootte van hun klasse',
  bucket: (from, to) => to === null ? `${from} of meer` : from === to ? (from === 1 ? '1 (uniek)' : String(from)) : `${from}-${to}`,
  noC: classes => `geen: ${classes} klassen hebben minder dan l waarden`,
  classesRecords: (c, r) => `${c} (${r})`,
  noDrivers: 'Niet berekend voor dit rapport.',
  driversIntro: n => `Het bestand heeft ${n} unieke records. Per quasi-identificator: het aantal unieke records als ` +
    'alleen die kolom weggelaten werd, of één niveau van haar hiërarchie grover gemaakt ("-": het volgende niveau is ' +
    '"*", hetzelfde als weglaten).',
  topDriver: (column, drop) => `${column} weglaten vermindert de unieke records het meest: met ${drop}.`,
  msu: {
    title: 'Minimale unieke combinaties', columns: 'Reeks quasi-identificatoren', records: 'Records die ze uniek maakt',
    size: 'Kleinste reeks die ze uniek maakt',
    intro: m => `Voor elk uniek record: de kleinste reeksen van hoogstens ${m} quasi-identificatoren waarop het al alleen ` +
      'staat (geen kleinere reeks erbinnen volstaat). Een record kan meerdere zulke reeksen hebben: elke reeks telt het.',
    more: m => `meer dan ${m} kolommen`, moreSets: n => `${n} reeksen meer in het JSON-rapport.`,
  },
  smallClassesIntro: (k, n) => `Getoond omdat --reveal-small-cells gegeven werd: de ${n} combinaties met minder dan ` +
    `${k} records (hoogstens 100, de kleinste eerst).`,
  noProposal: {
    met: 'Er wordt geen codering voorgesteld: het bestand voldoet zoals het is aan de drempels.',
    proposed: '',
    impossible: 'Geen veralgemening van de quasi-identificatoren voldoet aan de drempels binnen de onderdrukkingsgrens.',
    unsupported: 'Er werd geen codering gezocht: de zoektocht beoordeelt distinct l-diversiteit, en een ander criterium werd gevraagd.',
    'not-searched': 'Er werd geen codering gezocht: het rapport werd gemaakt van een meting alleen.',
  },
  proposalIntro: (evaluated, nodes, tuples) => `De codering met het minste informatieverlies die aan de drempels ` +
    `voldoet, gevonden door ${evaluated} van de ${nodes} mogelijke veralgemeningen te beoordelen op ${tuples} ` +
    'verschillende combinaties.',
  assumed: h => `${h} (aangenomen)`,
  level: (level, top, name) => level === 0 ? 'ongewijzigd' : top !== null && level === top ? 'onderdrukt (*)' : `niveau ${level}: ${name}`,
  allColumns: 'Alle kolommen (gemiddelde)',
  suppressed: (n, share, how, k) => n === '0' ? 'Er wordt geen record onderdrukt.'
    : `${n} records (${share}) worden ${how === 'mark' ? 'gemarkeerd (elke quasi-identificator "*")' : 'verwijderd'}: ` +
      `na de veralgemening heeft hun klasse nog altijd minder dan ${k} records (of voldoet ze niet aan de l-diversiteit).`,
  lossNote: d => 'Verlies: het aandeel van de detail dat per cel verloren gaat, 0 = niets, 1 = alles; precisie: 1 = ' +
    `niets verloren. Onderscheidbaarheid (discernibility): ${d}.`,
  mappingIntro: k => `Elke oorspronkelijke waarde met minstens ${k} records (personen bij een persoonskolom), de klasse ` +
    `waaronder ze gepubliceerd wordt, en haar aantal in de invoer; de waarden met minder dan ${k} worden niet genoemd maar ` +
    `per klasse samen geteld. "weggelaten" duidt een aantal onder ${k} aan, en aantallen die mee weggelaten zijn zodat ` +
    'geen enkel door aftrekking gevonden kan worden.',
  withheld: 'weggelaten',
  unnamed: (k, unit) => `klassen van minder dan ${k} ${unit === 'persons' ? 'personen' : 'records'} (niet genoemd; onderdrukt)`,
  folded: (n, k, unit) => `${n} waarde${n === '1' ? '' : 'n'} met elk minder dan ${k} ${unit === 'persons' ? 'personen' : 'records'}`,
  unlisted: {
    suppressed: n => `Gepubliceerd als "*": de ${n} waarden worden niet opgesomd.`,
    identifier: n => `De kolom lijkt op een identificator (zie de waarschuwingen): haar ${n} waarden worden niet opgesomd, alleen haar klassen.`,
    many: n => `${n} verschillende waarden: per gepubliceerde klasse, met het aantal oorspronkelijke waarden in elke klasse.`,
  },
  mappingOf: (column, level) => `${column}: ${level}`,
  noAfter: 'Er is geen gecodeerd bestand om te meten.',
  noAlternatives: 'Geen: geen andere codering voldoet aan de drempels zonder dezelfde klassen te publiceren.',
  alternativesIntro: 'Andere coderingen die aan de drempels voldoen: eerst de beste zonder onderdrukking, dan de volgende.',
  methodIntro: 'Definities zoals riskcheck ze berekent (n records; J klassen; f_j records in klasse j; c_i klassen van ' +
    'grootte i; voor een gevoelige kolom heeft klasse E de aantallen r_1 >= r_2 >= ... >= r_m en aandelen q_s, en p_s ' +
    'is het aandeel van waarde s in het hele bestand).',
  definitions: [
    { name: 'k-anonimiteit', words: 'Records die op elke quasi-identificator overeenkomen, vormen een klasse. Het ' +
      'bestand is k-anoniem als elke klasse minstens k records telt.', formula: FORMULA.k, reference: REF.k },
    { name: 'Unieke records en records onder k', words: 'Records die alleen in hun klasse zitten, en records in ' +
      'klassen kleiner dan k.', formula: FORMULA.uniques, reference: REF.k },
    { name: 'Prosecutor-risico', words: 'De kans dat iemand die weet dat een persoon in het bestand zit, en diens ' +
      'quasi-identificatoren kent, het record van die persoon aanwijst. Het gemiddelde weegt elk record even zwaar ' +
      '(pycanon weegt de klassen, een ander getal).', formula: FORMULA.prosecutor, reference: REF.prosecutor },
    { name: 'l-diversiteit', words: 'Hoe verscheiden de gevoelige waarden binnen elke klasse zijn: als een klasse één ' +
      'waarde deelt, onthult het feit dat iemand erin zit die waarde. Entropie-l wordt niet naar beneden afgerond.',
      formula: FORMULA.l, reference: REF.l },
    { name: 't-closeness', words: 'Hoe ver de spreiding van een gevoelige waarde binnen een klasse kan afwijken van ' +
      'haar spreiding in het hele bestand (0: overal dezelfde).', formula: FORMULA.t, reference: REF.t },
    { name: 'Risico in de populatie', words: 'Voor een steekproef: hoeveel personen van de populatie uniek zijn op ' +
      'de quasi-identificatoren, geschat uit de klassegroottes en de steekproeffractie; de kans dat elk record ' +
      'geheridentificeerd wordt gegeven de steekproefgewichten, en hun som; en, met een tabel van populatieaantallen, de ' +
      'kans voor iemand die niet weet of een persoon in de steekproef zit.', formula: FORMULA.population, reference: REF.population },
    { name: 'Meerdere rijen per persoon', words: 'Met een persoonskolom telt een klasse de verschillende personen ' +
      'erin, en is een persoon zo blootgesteld als zijn meest blootgestelde rij.', formula: FORMULA.persons, reference: REF.persons },
    { name: 'Informatieverlies', words: 'Wat de codering kost: Verlies neemt, per kolom en dan over de kolommen, het ' +
      'gemiddelde aandeel van de oorspronkelijke detail dat elke cel verliest; precisie telt de beklommen niveaus; ' +
      'onderscheidbaarheid bestraft grote klassen en onderdrukking.', formula: FORMULA.loss, reference: REF.loss },
  ],
  limits: [
    'De cijfers beschouwen het bestand als de populatie: van iedereen erin wordt aangenomen dat bekend is dat hij erin ' +
      'zit (prosecutor-model). Voor een steekproef zijn de populatiecijfers (met --sampling-fraction, --weight of --population) schattingen uit modellen.',
    'Alleen de kolommen die als quasi-identificator benoemd zijn, tellen mee. Exacte datums en bedragen zijn ook ' +
      'quasi-identificatoren als ze gepubliceerd worden, net als elke kolom die een buitenstaander kan kennen.',
    'De voorkennis van een insider (een familielid, een zorgverlener, een collega) is niet gemodelleerd, noch een ' +
      'koppeling met andere bestanden op iets anders dan de quasi-identificatoren.',
    'Zonder persoonskolom (--person) worden rijen geteld, geen personen: als een persoon meerdere rijen heeft, zijn de ' +
      'klassen kleiner in personen dan in rijen.',
    'Waarden en aantallen onder k worden in dit rapport weggelaten; in de gegevens zelf niet.',
  ],
}

const fr: Strings = {
  title: 'Rapport sur le risque de réidentification',
  subtitle: (file, date) => `${file} - ${date}`,
  sections: {
    verdict: '1. Conclusion', analysed: '2. Ce qui a été analysé', before: '3. Risque avant le codage',
    coding: '4. Le codage proposé', after: '5. Risque après le codage', method: '6. Méthode',
  },
  revealNotice: k => `Ce rapport révèle de petites cellules : à la demande de l'utilisateur (--reveal-small-cells), il ` +
    `énumère des combinaisons de quasi-identifiants comptant moins de ${k} enregistrements, avec leur nombre exact. ` +
    'Ne le diffusez pas.',
  verdict: {
    met: () => 'Le fichier respecte tel quel les seuils demandés : aucun codage n’est nécessaire.',
    proposed: (_, after) => `Le fichier ne respecte pas les seuils demandés. Le codage proposé ci-dessous ` +
      `${after ? 'les respecte' : 'ne les respecte PAS'}, mesuré sur les enregistrements codés.`,
    impossible: () => 'Le fichier ne respecte pas les seuils demandés, et aucun codage dans la limite de suppression ne les respecte.',
    unsupported: () => 'Le fichier ne respecte pas les seuils demandés. Aucun codage n’a été recherché : la recherche ' +
      'ne juge que la l-diversité distincte.',
    'not-searched': () => 'Le fichier ne respecte pas les seuils demandés. Aucun codage n’a été recherché (mesure seulement).',
  },
  head: {
    criterion: 'Critère', asked: 'Demandé', before: 'Avant le codage', after: 'Après le codage',
    warnings: 'Avertissements', fact: 'Entrée', parameters: 'Paramètres', parameter: 'Paramètre', columns: 'Colonnes',
    column: 'Colonne', type: 'Type', role: 'Rôle', distinct: 'Valeurs distinctes', figure: 'Chiffre',
    classSizes: 'Taille des classes', classSize: 'Taille de classe', classes: 'Classes', records: 'Enregistrements',
    share: 'Part des enregistrements', lDiversity: 'Colonnes sensibles : l-diversité dans les classes',
    distinctL: 'l distincte', entropyL: 'l d’entropie', recursiveC: l => `c récursive (l = ${l})`,
    homogeneous: 'Classes à une seule valeur (enregistrements)', tCloseness: 't-proximité',
    equalDistance: 'Distance égale', orderedDistance: 'Distance ordonnée', hierarchicalDistance: 'Distance hiérarchique',
    judged: 't jugée (distance)', drivers: 'Ce qui détermine le risque',
    leftOut: 'Uniques sans cette colonne', coarsened: 'Uniques avec cette colonne un niveau plus grossière',
    smallClasses: 'Combinaisons de moins de k enregistrements', hierarchy: 'Hiérarchie', level: 'Niveau appliqué',
    loss: 'Perte', precision: 'Précision', assumptions: 'Hiérarchies supposées', notes: 'Remarques',
    mappings: 'Tables de correspondance', original: 'Valeur d’origine', published: 'Publiée comme',
    values: 'Valeurs d’origine', alternatives: 'Alternatives examinées', coding: 'Codage',
    suppressedRecords: 'Enregistrements supprimés', smallest: 'Plus petite classe', limits: 'Ce que les chiffres ne disent pas',
    persons: 'Personnes',
  },
  none: '-',
  met: (value, met) => `${value} (${met ? 'respecté' : 'NON respecté'})`,
  criterion: (c, column) => c === 'k-anonymity' ? `k-anonymat (plus petite classe${column ? `, en personnes (${column})` : ''})`
    : `${{ 'distinct l-diversity': 'l-diversité distincte', 'entropy l-diversity': 'l-diversité d’entropie',
      'recursive l-diversity': 'l-diversité récursive', 't-closeness': 't-proximité' }[c]} de ${column}`,
  fact: {
    file: 'Fichier', size: 'Taille', records: 'Enregistrements (lignes)', persons: 'Personnes', nulls: 'Valeurs manquantes',
    version: 'Produit par', command: 'Commande', generated: 'Produit le (UTC)',
  },
  pop: {
    title: 'Risque dans la population', fraction: 'Fraction de sondage', size: 'Population (enregistrements / fraction de sondage)',
    uniques: 'Uniques dans la population, estimés (Dankar et al.)', individual: 'Risque individuel (sdcMicro), maximum',
    expected: 'Réidentifications attendues (somme des risques individuels)', global: 'Risque global (réidentifications attendues / enregistrements)',
    marketer: 'Risque « marketer » (part attendue d’appariements corrects)', fromWeights: w => `enregistrements / somme de ${w}`,
    model: (e, pitman, snb) => e === 'none' ? 'aucun modèle nécessaire' : `${e}${e === 'zayatz' && pitman === false ? ', Pitman n’a pas convergé' : e === 'zayatz' && snb === false ? ', SNB n’a pas convergé' : ''}`,
    journalist: (t, c) => `Risque « journalist », maximum (${t} : ${c})`, atRisk: k => `Enregistrements à risque « journalist » au-dessus de 1/${k}`,
  },
  person: {
    title: column => `Compté en personnes (${column})`, persons: 'Personnes (distinctes)', smallest: 'Plus petite classe, en personnes',
    unique: 'Personnes seules dans une de leurs classes', belowK: k => `Personnes dans une classe de moins de ${k} personnes`,
    highest: 'Risque « prosecutor » d’une personne, maximum', average: 'Risque « prosecutor » d’une personne, moyenne sur les personnes',
    histories: 'Historiques (ensembles distincts de combinaisons d’une personne)', historyUnique: 'Personnes uniques par leur historique',
    historyBelowK: k => `Personnes dont moins de ${k} personnes partagent l’historique`,
  },
  bytes: n => `${n} octets`,
  countedIn: (n, c) => `${n} (une table de fréquences : chaque ligne une combinaison, ses enregistrements dans « ${c} »)`,
  nullsValue: 'une valeur manquante (null) est une valeur à part entière : deux nulls sont égaux, un null diffère de toute valeur',
  param: {
    quasiIdentifiers: 'Quasi-identifiants', sensitive: 'Colonnes sensibles', rolesFrom: 'Rôles tirés de',
    maxProsecutorRisk: 'Risque « prosecutor » maximal admis', lByColumn: 'l par colonne',
    maxSuppression: 'Limite de suppression', metric: 'Perte d’information minimisée', suppress: 'Les enregistrements supprimés sont',
  },
  rolesFrom: { options: 'la commande', metadata: 'les métadonnées du fichier', inferred: 'déduits (toutes les colonnes sauf les pseudonymes)' },
  suppressionLimit: (share, n) => `${share} (au plus ${n} enregistrements)`,
  suppressHow: { remove: 'retirés', mark: 'gardés, chaque quasi-identifiant mis à « * »' },
  role: (role, note) => ({ 'quasi-identifier': 'quasi-identifiant', sensitive: 'sensible', 'not used': 'non utilisée' }[role] ?? role) +
    (note ? ` (${note})` : ''),
  fig: {
    records: 'Enregistrements', classes: 'Classes d’équivalence (combinaisons distinctes)',
    smallest: 'Plus petite classe (le k du fichier)', largest: 'Plus grande classe',
    uniques: 'Enregistrements seuls dans leur classe (uniques)', belowK: k => `Enregistrements dans des classes de moins de ${k}`,
    highest: 'Risque « prosecutor », maximum (1 / plus petite classe)',
    average: 'Risque « prosecutor », moyenne sur les enregistrements', atRisk: k => `Enregistrements à risque (risque au-dessus de 1/${k})`,
  },
  chartTitle: 'Part des enregistrements selon la taille de leur classe',
  bucket: (from, to) => to === null ? `${from} ou plus` : from === to ? (from === 1 ? '1 (unique)' : String(from)) : `${from}-${to}`,
  noC: classes => `aucune : ${classes} classes ont moins de l valeurs`,
  classesRecords: (c, r) => `${c} (${r})`,
  noDrivers: 'Non calculé pour ce rapport.',
  driversIntro: n => `Le fichier compte ${n} enregistrements uniques. Pour chaque quasi-identifiant : le nombre ` +
    'd’uniques si on l’omettait seul, ou si on le rendait plus grossier d’un niveau de sa hiérarchie (« - » : son ' +
    'niveau suivant est « * », comme l’omettre).',
  topDriver: (column, drop) => `Omettre ${column} réduit le plus le nombre d’uniques : de ${drop}.`,
  msu: {
    title: 'Uniques minimaux', columns: 'Ensemble de quasi-identifiants', records: 'Enregistrements qu’il isole',
    size: 'Plus petit ensemble qui les isole',
    intro: m => `Pour chaque enregistrement unique, les plus petits ensembles d’au plus ${m} quasi-identifiants sur ` +
      'lesquels il est déjà seul (aucun sous-ensemble plus petit ne suffisant). Un enregistrement peut en avoir ' +
      'plusieurs : chacun le compte.',
    more: m => `plus de ${m} colonnes`, moreSets: n => `${n} ensembles de plus dans le rapport JSON.`,
  },
  smallClassesIntro: (k, n) => `Montré parce que --reveal-small-cells a été donné : les ${n} combinaisons de moins de ` +
    `${k} enregistrements (au plus 100, les plus petites d’abord).`,
  noProposal: {
    met: 'Aucun codage n’est proposé : le fichier respecte tel quel les seuils.',
    proposed: '',
    impossible: 'Aucune généralisation des quasi-identifiants ne respecte les seuils dans la limite de suppression.',
    unsupported: 'Aucun codage n’a été recherché : la recherche juge la l-diversité distincte, et un autre critère a été demandé.',
    'not-searched': 'Aucun codage n’a été recherché : le rapport a été produit à partir d’une mesure seulement.',
  },
  proposalIntro: (evaluated, nodes, tuples) => 'Le codage de moindre perte d’information qui respecte les seuils, ' +
    `trouvé en jugeant ${evaluated} des ${nodes} généralisations possibles sur ${tuples} combinaisons distinctes.`,
  assumed: h => `${h} (supposée)`,
  level: (level, top, name) => level === 0 ? 'inchangée' : top !== null && level === top ? 'supprimée (*)' : `niveau ${level} : ${name}`,
  allColumns: 'Toutes les colonnes (moyenne)',
  suppressed: (n, share, how, k) => n === '0' ? 'Aucun enregistrement n’est supprimé.'
    : `${n} enregistrements (${share}) sont ${how === 'mark' ? 'marqués (chaque quasi-identifiant « * »)' : 'retirés'} : ` +
      `après la généralisation, leur classe compte encore moins de ${k} enregistrements (ou ne respecte pas la l-diversité).`,
  lossNote: d => 'Perte : la part du détail perdue par cellule, 0 = rien, 1 = tout ; précision : 1 = rien de perdu. ' +
    `Discernabilité : ${d}.`,
  mappingIntro: k => `Chaque valeur d’origine d’au moins ${k} enregistrements (personnes avec une colonne de personne), ` +
    `la classe sous laquelle elle est publiée et son effectif dans l’entrée ; les valeurs de moins de ${k} ne sont pas ` +
    `nommées mais comptées ensemble par classe. « retenu » signale un effectif inférieur à ${k}, et les effectifs retenus ` +
    'avec lui pour qu’aucun ne puisse être retrouvé par soustraction.',
  withheld: 'retenu',
  unnamed: (k, unit) => `classes de moins de ${k} ${unit === 'persons' ? 'personnes' : 'enregistrements'} (non nommées ; supprimées)`,
  folded: (n, k, unit) => `${n} valeur${n === '1' ? '' : 's'} de moins de ${k} ${unit === 'persons' ? 'personnes' : 'enregistrements'} chacune`,
  unlisted: {
    suppressed: n => `Publiée comme « * » : ses ${n} valeurs ne sont pas énumérées.`,
    identifier: n => `La colonne ressemble à un identifiant (voir les avertissements) : ses ${n} valeurs ne sont pas énumérées, seulement ses classes.`,
    many: n => `${n} valeurs distinctes : par classe publiée, avec le nombre de valeurs d’origine de chacune.`,
  },
  mappingOf: (column, level) => `${column} : ${level}`,
  noAfter: 'Il n’y a pas de fichier codé à mesurer.',
  noAlternatives: 'Aucune : aucun autre codage ne respecte les seuils sans publier les mêmes classes.',
  alternativesIntro: 'Autres codages qui respectent les seuils : d’abord le meilleur sans suppression, puis les suivants.',
  methodIntro: 'Définitions telles que riskcheck les calcule (n enregistrements ; J classes ; f_j enregistrements dans ' +
    'la classe j ; c_i classes de taille i ; pour une colonne sensible, la classe E a les effectifs r_1 >= r_2 >= ... ' +
    '>= r_m et les parts q_s, et p_s est la part de la valeur s dans tout le fichier).',
  definitions: [
    { name: 'k-anonymat', words: 'Les enregistrements qui concordent sur chaque quasi-identifiant forment une classe. ' +
      'Le fichier est k-anonyme quand chaque classe compte au moins k enregistrements.', formula: FORMULA.k, reference: REF.k },
    { name: 'Uniques et enregistrements sous k', words: 'Les enregistrements seuls dans leur classe, et ceux des ' +
      'classes de moins de k.', formula: FORMULA.uniques, reference: REF.k },
    { name: 'Risque « prosecutor »', words: 'La probabilité que quelqu’un qui sait qu’une personne figure dans le ' +
      'fichier, et connaît ses quasi-identifiants, désigne son enregistrement. La moyenne pèse chaque enregistrement ' +
      'également (pycanon pèse les classes, un autre nombre).', formula: FORMULA.prosecutor, reference: REF.prosecutor },
    { name: 'l-diversité', words: 'La variété des valeurs sensibles dans chaque classe : quand une classe partage une ' +
      'seule valeur, savoir qu’une personne y figure révèle cette valeur. La l d’entropie n’est pas arrondie vers le bas.',
      formula: FORMULA.l, reference: REF.l },
    { name: 't-proximité', words: 'L’écart maximal entre la répartition d’une valeur sensible dans une classe et sa ' +
      'répartition dans tout le fichier (0 : partout la même).', formula: FORMULA.t, reference: REF.t },
    { name: 'Risque dans la population', words: 'Pour un échantillon : combien de personnes de la population sont ' +
      'uniques sur les quasi-identifiants, estimé à partir des tailles de classe et de la fraction de sondage ; la ' +
      'probabilité que chaque enregistrement soit réidentifié compte tenu des poids de sondage, et leur somme ; et, ' +
      'avec une table d’effectifs de population, la probabilité pour quelqu’un qui ne sait pas si une personne est ' +
      'dans l’échantillon.', formula: FORMULA.population, reference: REF.population },
    { name: 'Plusieurs lignes par personne', words: 'Avec une colonne de personne, une classe compte les personnes ' +
      'distinctes qu’elle contient, et une personne est aussi exposée que sa ligne la plus exposée.', formula: FORMULA.persons,
    reference: REF.persons },
    { name: 'Perte d’information', words: 'Ce que coûte le codage : la Perte fait la moyenne, par colonne puis sur les ' +
      'colonnes, de la part du détail d’origine que perd chaque cellule ; la précision compte les niveaux montés ; la ' +
      'discernabilité pénalise les grandes classes et la suppression.', formula: FORMULA.loss, reference: REF.loss },
  ],
  limits: [
    'Les chiffres considèrent le fichier comme la population : on suppose que toute personne qui y figure est connue ' +
      'pour y figurer (modèle « prosecutor »). Pour un échantillon, les chiffres de population (avec --sampling-fraction, --weight ou --population) sont des estimations tirées de modèles.',
    'Seules les colonnes désignées comme quasi-identifiants sont comptées. Les dates et montants exacts sont aussi des ' +
      'quasi-identifiants s’ils sont publiés, comme toute colonne qu’un tiers pourrait connaître.',
    'La connaissance préalable d’un initié (un proche, un soignant, un collègue) n’est pas modélisée, ni le couplage ' +
      'avec d’autres fichiers sur autre chose que les quasi-identifiants.',
    'Sans colonne de personne (--person), ce sont les lignes qui sont comptées, pas les personnes : quand une ' +
      'personne a plusieurs lignes, les classes sont plus petites en personnes qu’en lignes.',
    'Les valeurs et effectifs inférieurs à k sont retenus dans ce rapport ; ils ne le sont pas dans les données.',
  ],
}

export const strings: Record<Lang, Strings> = { en, nl, fr }

/** How numbers and dates are written in a language. */
export interface Formatters {
  int(n: number): string
  /** A threshold or figure: whole numbers as int, others with up to 4 decimals. */
  num(x: number): string
  dec(x: number, digits: number): string
  pct(share: number): string
  prob(x: number): string
  date(iso: string): string
}

export function formatters(lang: Lang): Formatters {
  const locale = lang === 'en' ? 'en-GB' : 'nl-BE'
  const cache = new Map<number, Intl.NumberFormat>()
  const fixed = (digits: number) => {
    let nf = cache.get(digits)
    if (!nf) {
      nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      cache.set(digits, nf)
    }
    return nf
  }
  const upTo4 = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
  return {
    int: n => fixed(0).format(n),
    num: x => Number.isInteger(x) ? fixed(0).format(x) : upTo4.format(x),
    dec: (x, digits) => fixed(digits).format(x),
    pct: share => `${fixed(1).format(100 * share)} %`,
    prob: x => fixed(4).format(x),
    date: iso => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'),
  }
}
