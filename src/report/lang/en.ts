// Every word of the report template in English.
import type { Strings } from '../i18n.js'
import { FORMULA, REF } from './formulas.js'

export const en: Strings = {
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
