// Every word of the report template in Dutch.
import type { Strings } from '../i18n.js'
import { FORMULA, REF } from './formulas.js'

export const nl: Strings = {
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
