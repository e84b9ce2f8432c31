// Belgian arrondissements -> province -> region, generated from ../shared/reference/be-arrondissements.csv
// (rows with status "current", plus the abolished 54000). Codes are REFNIS/NIS codes, as text.
// Brussels-Capital (21000) belongs to no province: it is its own province-level class, "21000".

/** One arrondissement: NIS code, Dutch and French names, province NIS code, region (ISO 3166-2:BE without "BE-"). */
export type Arrondissement = readonly [nis: string, nameNl: string, nameFr: string, province: string, region: Region]

/** The three regions: Flemish, Walloon, Brussels-Capital. */
export type Region = 'VLG' | 'WAL' | 'BRU'

/** The 43 current arrondissements (status "current" in the reference CSV). */
export const ARRONDISSEMENTS: readonly Arrondissement[] = [
  ['11000', 'Antwerpen', 'Anvers', '10000', 'VLG'],
  ['12000', 'Mechelen', 'Malines', '10000', 'VLG'],
  ['13000', 'Turnhout', 'Turnhout', '10000', 'VLG'],
  ['21000', 'Brussel-Hoofdstad', 'Bruxelles-Capitale', '21000', 'BRU'],
  ['23000', 'Halle-Vilvoorde', 'Hal-Vilvorde', '20001', 'VLG'],
  ['24000', 'Leuven', 'Louvain', '20001', 'VLG'],
  ['25000', 'Nijvel', 'Nivelles', '20002', 'WAL'],
  ['31000', 'Brugge', 'Bruges', '30000', 'VLG'],
  ['32000', 'Diksmuide', 'Dixmude', '30000', 'VLG'],
  ['33000', 'Ieper', 'Ypres', '30000', 'VLG'],
  ['34000', 'Kortrijk', 'Courtrai', '30000', 'VLG'],
  ['35000', 'Oostende', 'Ostende', '30000', 'VLG'],
  ['36000', 'Roeselare', 'Roulers', '30000', 'VLG'],
  ['37000', 'Tielt', 'Tielt', '30000', 'VLG'],
  ['38000', 'Veurne', 'Furnes', '30000', 'VLG'],
  ['41000', 'Aalst', 'Alost', '40000', 'VLG'],
  ['42000', 'Dendermonde', 'Termonde', '40000', 'VLG'],
  ['43000', 'Eeklo', 'Eeklo', '40000', 'VLG'],
  ['44000', 'Gent', 'Gand', '40000', 'VLG'],
  ['45000', 'Oudenaarde', 'Audenarde', '40000', 'VLG'],
  ['46000', 'Sint-Niklaas', 'Saint-Nicolas', '40000', 'VLG'],
  ['51000', 'Aat', 'Ath', '50000', 'WAL'],
  ['52000', 'Charleroi', 'Charleroi', '50000', 'WAL'],
  ['53000', 'Bergen', 'Mons', '50000', 'WAL'],
  ['55000', 'Zinnik', 'Soignies', '50000', 'WAL'],
  ['56000', 'Thuin', 'Thuin', '50000', 'WAL'],
  ['57000', 'Doornik-Moeskroen', 'Tournai-Mouscron', '50000', 'WAL'],
  ['58000', 'La Louvière', 'La Louvière', '50000', 'WAL'],
  ['61000', 'Hoei', 'Huy', '60000', 'WAL'],
  ['62000', 'Luik', 'Liège', '60000', 'WAL'],
  ['63000', 'Verviers', 'Verviers', '60000', 'WAL'],
  ['64000', 'Borgworm', 'Waremme', '60000', 'WAL'],
  ['71000', 'Hasselt', 'Hasselt', '70000', 'VLG'],
  ['72000', 'Maaseik', 'Maaseik', '70000', 'VLG'],
  ['73000', 'Tongeren', 'Tongres', '70000', 'VLG'],
  ['81000', 'Aarlen', 'Arlon', '80000', 'WAL'],
  ['82000', 'Bastenaken', 'Bastogne', '80000', 'WAL'],
  ['83000', 'Marche-en-Famenne', 'Marche-en-Famenne', '80000', 'WAL'],
  ['84000', 'Neufchâteau', 'Neufchâteau', '80000', 'WAL'],
  ['85000', 'Virton', 'Virton', '80000', 'WAL'],
  ['91000', 'Dinant', 'Dinant', '90000', 'WAL'],
  ['92000', 'Namen', 'Namur', '90000', 'WAL'],
  ['93000', 'Philippeville', 'Philippeville', '90000', 'WAL'],
]

/** Mouscron/Moeskroen, abolished on 2019-01-01 and merged whole into 57000 Tournai-Mouscron. */
export const ABOLISHED_54000: Arrondissement = ['54000', 'Moeskroen', 'Mouscron', '50000', 'WAL']

/** Hainaut arrondissements whose territory changed on 2019-01-01 (same code, other communes). */
export const CHANGED_2019 = ['51000', '52000', '55000', '56000'] as const

/** Province-level classes: the 10 provinces and Brussels-Capital (21000), with their Dutch and French names. */
export const PROVINCES: Readonly<Record<string, readonly [nameNl: string, nameFr: string]>> = {
  10000: ['Antwerpen', 'Anvers'],
  20001: ['Vlaams-Brabant', 'Brabant flamand'],
  30000: ['West-Vlaanderen', 'Flandre occidentale'],
  40000: ['Oost-Vlaanderen', 'Flandre orientale'],
  70000: ['Limburg', 'Limbourg'],
  20002: ['Waals-Brabant', 'Brabant wallon'],
  50000: ['Henegouwen', 'Hainaut'],
  60000: ['Luik', 'Liège'],
  80000: ['Luxemburg', 'Luxembourg'],
  90000: ['Namen', 'Namur'],
  21000: ['Brussel-Hoofdstad', 'Bruxelles-Capitale'],
}
