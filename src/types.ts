// Shapes shared across riskcheck: encoded columns, kernel input and output, the risk result.
import type { TCloseness } from './closeness.js'
import type { PersonRisk } from './persons.js'
import type { PopulationRisk } from './population-risk.js'

/** Dense integer codes of one column, chunk by chunk; every code is below the column's radix. */
export type CodeChunk = Uint8Array | Uint16Array | Uint32Array

/** A column as the kernels see it: codes 0..radix-1 split in chunks that together hold every row. */
export interface CodeColumn {
  radix: number
  chunks: CodeChunk[]
}

/** A column encoded for the kernels, with what a person needs to read its codes back. */
export interface EncodedColumn extends CodeColumn {
  name: string
  /** Arrow type, as Arrow prints it (Int16, Dictionary<Int8, Utf8>, Timestamp<MILLISECOND>, ...). */
  type: string
  /** labels[code]: the value as text; null for the null value. */
  labels: (string | null)[]
  /** Number of distinct values present (null counts as one value). */
  distinct: number
  /** Number of null cells. */
  nulls: number
}

/** What the frequency-table kernel is given. */
export interface KernelInput {
  rows: number
  quasiIdentifiers: CodeColumn[]
  sensitive: CodeColumn[]
  /** Threshold for records below k. */
  k: number
  /** The l of recursive (c,l)-diversity (r1 compared with r_l + ... + r_m). */
  l: number
  /** The records of each row, at least 1 (a frequency table's counts); default: one each. */
  weights?: Uint32Array
}

/** l-diversity figures of one sensitive column. */
export interface DiversityFigures {
  /** Smallest number of distinct sensitive values in a class. */
  distinct: number
  /** Smallest class entropy H = -sum q ln q (natural log). */
  entropyH: number
  /** Largest r1 / (r_l + ... + r_m) over the classes with at least l distinct values. */
  maxRatio: number
  /** Classes with fewer than l distinct values, and their records. */
  classesBelowL: number
  recordsBelowL: number
  /** Classes in which every record has the same sensitive value, and their records. */
  homogeneousClasses: number
  homogeneousRecords: number
}

/** What the frequency-table kernel returns. */
export interface KernelOutput {
  classes: number
  minClassSize: number
  maxClassSize: number
  recordsBelowK: number
  sampleUniques: number
  /** [class size, number of classes of that size], ascending by size, sizes with no class left out. */
  histogram: [number, number][]
  /** One entry per sensitive column, in input order. */
  diversity: DiversityFigures[]
}

/** Distinct tuples of some code columns with their record counts: what the generalisation search works on. */
export interface FrequencyTable {
  rows: number
  /** codes[j][t]: the code of column j in tuple t. */
  codes: Uint32Array[]
  /** counts[t]: records with tuple t. */
  counts: Uint32Array
}

/** How the evaluator generalises and judges the tuples of a frequency table. */
export interface EvaluatorSpec {
  /** Per quasi-identifier: its column in the table, and per level the code map (maps[0] the identity), the
   * number of classes of that level, and the information-loss cost of each generalised code (loss metric). */
  quasiIdentifiers: { column: number; maps: Uint32Array[]; radices: number[]; costs: Float64Array[] }[]
  /** Sensitive columns of the table, with their radix (for distinct l-diversity). */
  sensitive: { column: number; radix: number }[]
}

/** What one generalisation (one level per quasi-identifier) gives on the frequency table. */
export interface NodeFigures {
  /** Classes after generalisation, and how many of them fail the criteria (to be suppressed). */
  classes: number
  failingClasses: number
  /** Records in failing classes. */
  suppressed: number
  /** Sum of squared sizes of the classes kept. */
  keptSquares: number
  /** Per quasi-identifier: sum over kept records of the cost of their generalised value. */
  keptCost: number[]
  /** Smallest class kept (0 when every class fails). */
  minKeptClassSize: number
}

/** What a class must meet: at least k records and, per sensitive column of the spec (in order), at least
 * l[i] distinct values (columns past the end of l are not checked). */
export interface NodeCriteria {
  k: number
  l: number[]
}

/** Judges the nodes of a lattice on one frequency table. */
export interface Evaluator {
  evaluate(levels: number[], criteria: NodeCriteria): NodeFigures
  /** The distinct tuples at `levels`: each quasi-identifier's code at its level, then the sensitive codes,
   * with their record counts (the table a coarser node can be judged on). */
  classTable(levels: number[]): FrequencyTable
}

/** The kernels, implemented in WebAssembly (kernels/wasm/) and in plain TypeScript (kernels/reference.ts). */
export interface Kernels {
  /** Risk figures of a table of code columns. */
  frequencies(input: KernelInput): KernelOutput
  /**
   * The distinct tuples of the columns (in an order of the implementation's), with their counts: the rows of each,
   * or with `weights` the sum of its rows' weights (each at least 1; the table's `rows` is then their sum).
   */
  frequencyTable(columns: CodeColumn[], rows: number, weights?: Uint32Array): FrequencyTable
  /** 1 for each row whose class (by `columns`) meets the criteria (k rows; l[i] distinct values of
   * sensitive[i]), 0 for the others; null when every row meets them. */
  keptRows(columns: CodeColumn[], sensitive: CodeColumn[], rows: number, criteria: NodeCriteria): Uint8Array | null
  /** An evaluator of generalisations of `table`. */
  evaluator(table: FrequencyTable, spec: EvaluatorSpec): Evaluator
}

/** How l-diversity joins the verdict. */
export type LCriterion = 'distinct' | 'entropy' | 'recursive'

/** l-diversity of one sensitive column (Machanavajjhala et al. 2007). */
export interface LDiversity {
  /** Distinct l: smallest number of distinct values in a class. */
  distinct: number
  /** Entropy l: exp of the smallest class entropy (natural log), a real number, not floored. */
  entropy: number
  /** Recursive (c,l): largest r1 / (r_l + ... + r_m) over the classes; the table satisfies recursive
   * (c,l)-diversity for every c above it. Null when some class has fewer than l distinct values. */
  recursiveC: number | null
  /** The l that recursiveC was computed for. */
  recursiveL: number
  /** Classes with fewer than recursiveL distinct values (why recursiveC is null), and their records. */
  classesBelowL: number
  recordsBelowL: number
  /** Classes whose records all share one value (the value is disclosed for them), and their records. */
  homogeneousClasses: number
  homogeneousRecords: number
}

/** One criterion of the verdict. */
export interface Check {
  criterion: 'k-anonymity' | `${LCriterion} l-diversity` | 't-closeness'
  /** The sensitive column, for l-diversity; for k-anonymity, the person column when classes count persons. */
  column: string | null
  /** The threshold asked (k, l, or c for recursive). */
  threshold: number
  /** The figure compared with it (smallest class, in records or persons; distinct l, entropy l or recursiveC). */
  value: number | null
  met: boolean
}

/** How a coded table was made (schema metadata key riskcheck.coding), as anonymise() wrote it. */
export interface CodingRecord {
  riskcheck: string
  source: string | null
  rows: number
  k: number
  maxProsecutorRisk: number | null
  l: number | null
  lByColumn: Record<string, number> | null
  maxSuppression: number
  metric: string
  suppress: 'remove' | 'mark'
  suppressed: number
  columns: { column: string; hierarchy: string; level: number; levelName: string }[]
}

/** A column that looks like an identifier (src/lint/identifiers.ts), and why; the values are never named. */
export interface IdentifierFinding {
  column: string
  kind: 'national-number' | 'hash' | 'all-distinct' | 'exact-date' | 'free-text'
  reason: string
}

/** Everything riskcheck measured on one table: what `--json` prints and what analyse() returns. */
export interface RiskResult {
  riskcheck: string
  /** The file or table analysed (as named by the caller), or null. */
  source: string | null
  /** Number of records: rows, or the sum of the counts of a frequency table. */
  rows: number
  /** The count column when the table is a frequency table (each row a combination with its records), else null. */
  counts: string | null
  quasiIdentifiers: string[]
  sensitive: string[]
  roles: { source: 'options' | 'metadata' | 'inferred'; unused: { column: string; reason: string }[] }
  /** What the user should know beyond the figures (e.g. a column left out that riskcheck cannot encode). */
warnings: string[]
  /** When the table was coded by riskcheck (--out): the record of that coding from the schema metadata key
   * riskcheck.coding (version, source, k, l, suppression, metric, each column's hierarchy and level); else null. */
  coding: CodingRecord | null
  /** With the tCloseness option or a t threshold: per sensitive column, t with each distance that applies, and
   * the distance and t a threshold is judged with; else null. */
  tCloseness: Record<string, TCloseness> | null
  /** Columns that look like identifiers (identifier lint), with why; their values are never shown. */
  identifiers: IdentifierFinding[]
  /** With a person column (--person): class sizes in distinct persons, and the k-anonymity check counts them;
   * else null. */
  persons: PersonRisk | null
  /** With a sampling fraction, weights or a population table: the risk in the population; else null. */
  population: PopulationRisk | null
  columns: { name: string; type: string; role: string; distinct: number; nulls: number }[]
  /** How nulls are treated: "value" (a null is a value of its own, equal to every other null). */
  nulls: 'value'
  /** The k judged: the k asked, or ceil(1 / maxProsecutorRisk) when that is larger. */
  k: number
  /** The largest prosecutor risk asked (a policy's maxProsecutorRisk), or null. */
  maxProsecutorRisk: number | null
  l: number | null
  /** The l asked of some sensitive columns, over `l` for them (from a policy); null when none. */
  lByColumn: Record<string, number> | null
  lCriterion: LCriterion
  c: number | null
  /** The largest t-closeness asked of every sensitive column, or null. */
  t: number | null
  classes: number
  minClassSize: number
  maxClassSize: number
  sampleUniques: number
  recordsBelowK: number
  classSizes: { size: number; classes: number; records: number }[]
  prosecutor: { highest: number; average: number; lowest: number; recordsAtRisk: number }
  lDiversity: Record<string, LDiversity>
  checks: Check[]
  meetsThreshold: boolean
}
