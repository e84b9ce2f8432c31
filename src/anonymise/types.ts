// The shapes of anonymise(): what it is asked (Policy) and what it returns (Coding, AnonymiseResult).
import type { Table } from 'apache-arrow'
import type { AnalyseOptions } from '../analyse.js'
import type { HierarchySpec } from '../hierarchy/index.js'
import type { InformationLoss, Metric } from '../lattice/metrics.js'
import type { RiskResult } from '../types.js'
import type { Progress } from '../progress.js'
import type { ColumnMapping } from './mapping.js'

/** What anonymise() is asked: the thresholds and roles of analyse(), and how it may generalise. */
export interface Policy extends AnalyseOptions {
  /** Share of the records that may be suppressed (removed), 0 to 1 (default 0). */
  maxSuppression?: number
  /** The information-loss metric to minimise (default 'loss'). */
  metric?: Metric
  /** Hierarchy spec per quasi-identifier; the others get defaults (see defaultSpec()). A sensitive column's
   * hierarchy gives its t-closeness the hierarchical distance (see AnalyseOptions). */
  hierarchies?: Record<string, HierarchySpec>
  /** Where to report the progress of a long search (default: nowhere). */
  progress?: Progress
  /** How many alternatives to propose besides the best (default 3). */
  alternatives?: number
  /** What happens to the records of classes that still fail: removed (default), or kept with every
   * quasi-identifier set to "*" ('mark'; they then form one class of their own). */
  suppress?: 'remove' | 'mark'
}

/** How one quasi-identifier is coded. */
export interface ColumnCoding {
  column: string
  /** What the hierarchy is, and whether riskcheck chose it (no hierarchy given). */
  hierarchy: string
  assumed: boolean
  /** The names of the hierarchy's levels, the original first and "*" (suppressed) last. */
  levelNames: string[]
  /** The level applied (0 = unchanged) and its name. */
  level: number
  levelName: string
  /** The published value of most records at that level, to show what a level of a file or map looks like. */
  example: string | null
  /** This column's information loss (LM) and precision. */
  loss: number
  precision: number
}

/** One generalisation that meets the thresholds: the level of each column and what it costs. */
export interface Coding {
  columns: ColumnCoding[]
  /** Level per quasi-identifier, by name. */
  levels: Record<string, number>
  /** Records removed because their class still fails a threshold, and their share of the rows. */
  suppressed: number
  suppressedShare: number
  /** The metric minimised, and all three metrics of this coding. */
  informationLoss: InformationLoss & { metric: Metric }
  /** Classes, smallest class and average prosecutor risk of the records kept. */
  classes: number
  minClassSize: number
  averageProsecutor: number
}

/** What anonymise() returns. */
export interface AnonymiseResult {
  /** The risk of the table as it is. */
  before: RiskResult
  /** The coding proposed; null when the thresholds are already met or when no generalisation meets them. */
  transformation: Coding | null
  /** The risk of the coded table (measured on its rows), or null with no transformation. */
  after: RiskResult | null
  /** Other codings that meet the thresholds: the best without suppression, then the runners-up. */
  alternatives: Coding[]
  /** Per quasi-identifier, each original value and the class the transformation publishes it as, or null. */
  mappings: ColumnMapping[] | null
  /** The coded table (transformation applied, suppressed records removed or marked), or null. */
  table: Table | null
  /** Why transformation is null: 'met' (nothing to do), 'impossible' (not even "*" everywhere meets them),
   * 'unsupported' (entropy or recursive l-diversity asked: the search judges distinct l only). */
  reason: 'met' | 'impossible' | 'unsupported' | null
  search: {
    metric: Metric
    maxSuppression: number
    /** Most records the limit allows: floor(maxSuppression x rows). */
    suppressionLimit: number
    /** Nodes in the lattice; nodes judged (by both searches), of which rolled up from a finer node's classes;
     * nodes the first search skipped as known to fail. */
    nodes: number
    evaluated: number
    rolledUp: number
    pruned: number
    distinctTuples: number
    /** Time of the search alone (not the reading, the frequency table, the coding or the analysis after). */
    milliseconds: number
  }
  /** Hierarchies riskcheck chose itself, in words. */
  assumptions: string[]
  /** What a reader of the coding should know about the values (e.g. arrondissement codes changed in 2019). */
  notes: string[]
}

