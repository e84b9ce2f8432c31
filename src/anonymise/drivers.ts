// What drives the risk: for each quasi-identifier, the sample uniques if it were left out, and if it were
// coarsened one level of its hierarchy, the other quasi-identifiers as they are; and the minimal sets of
// quasi-identifiers on which records are unique.
import type { Table } from 'apache-arrow'
import { analyse } from '../analyse.js'
import { encodeColumn } from '../input/encode.js'
import { loadKernels } from '../kernels/wasm/index.js'
import { DEFAULT_MAX_SIZE, minimalUniques } from '../minimal-uniques.js'
import { countsOf, recordsOf } from '../records.js'
import type { MinimalUniques } from '../minimal-uniques.js'
import type { CodeColumn, RiskResult } from '../types.js'
import { concatCodes } from './coded.js'
import { chooseHierarchy } from './hierarchies.js'
import type { Policy } from './types.js'

/** One quasi-identifier's part in the uniqueness of the records. */
export interface RiskDriver {
  column: string
  /** Sample uniques with the column left out. */
  withoutIt: number
  /** Sample uniques with the column one level coarser (its hierarchy's level 1), or null when level 1 is "*". */
  coarsened: { levelName: string; hierarchy: string; sampleUniques: number } | null
}

/** The sample uniques of the table as it is, and each quasi-identifier's part in them. */
export interface RiskDrivers {
  sampleUniques: number
  columns: RiskDriver[]
  /** The smallest sets of quasi-identifiers (up to maxSize columns) on which records are already unique. */
  minimalUniques: MinimalUniques
}

/**
 * For each quasi-identifier of `table` under `policy`: the sample uniques without it, and with it one level
 * coarser (the hierarchy the policy gives it, or its default). `before`: analyse(table, policy), when known.
 * @example riskDrivers(readArrow('extract.arrow'), { qi: ['birth_year', 'sex', 'arr_residence'] })
 */
export function riskDrivers(table: Table, policy: Policy = {}, before: RiskResult = analyse(table, policy),
  maxSetSize = DEFAULT_MAX_SIZE): RiskDrivers {
  const source = policy.source ?? 'the table'
  const qi = before.quasiIdentifiers.map(name => encodeColumn(table, name, source))
  const records = recordsOf(table, countsOf(table, policy), policy.kernels ?? loadKernels(), source)
  const uniques = (columns: CodeColumn[]) =>
    records.frequencies({ quasiIdentifiers: columns, sensitive: [], k: before.k, l: 2 }).sampleUniques
  const columns = qi.map((column, j): RiskDriver => {
    const others = qi.filter((_, i) => i !== j)
    const chosen = chooseHierarchy(column, policy.hierarchies?.[column.name], { baseDir: policy.baseDir })
    const { maps, labels, levelNames } = chosen.hierarchy
    const coarser = levelNames[1] === '*' ? null : { radix: Math.max(1, labels[1].length), chunks: [concatCodes(column, maps[1])] }
    return {
      column: column.name,
      withoutIt: uniques(others),
      coarsened: coarser && { levelName: levelNames[1], hierarchy: chosen.source, sampleUniques: uniques([...others, coarser]) },
    }
  })
  const freq = records.tuples(qi)
  return {
    sampleUniques: before.sampleUniques, columns,
    minimalUniques: minimalUniques(freq, qi.map(c => c.name), qi.map(c => c.radix), maxSetSize),
  }
}
