// Every word of the report template in French.
import type { Strings } from '../i18n.js'
import { FORMULA, REF } from './formulas.js'

export const fr: Strings = {
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
