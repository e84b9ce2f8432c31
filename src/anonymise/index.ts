// anonymise(table, policy): measure, search the lattice of generalisations for the one with the least
// information loss that meets the thresholds within the suppression limit, code the table, measure again.
import type { Table } from 'apache-arrow'
import { analyse, CODING_KEY } from '../analyse.js'
import { arrondissementNotes } from '../hierarchy/index.js'
import { encodeColumn } from '../input/encode.js'
import { searchLattice } from '../lattice/search.js'
import type { Candidate } from '../lattice/search.js'
import { ROLE_KEY } from '../roles.js'
import { loadKernels } from '../kernels/wasm/index.js'
import type { CodeColumn, Kernels, RiskResult } from '../types.js'
import { codeTable, concatCodes } from './coded.js'
import { columnMapping } from './mapping.js'
import { checkAgreement, coding, codingRecord } from './coding.js'
import { chooseHierarchy } from './hierarchies.js'
import type { ChosenHierarchy } from './hierarchies.js'
import { checkHierarchyColumns, checkPolicy, generalisationLattice } from './lattice.js'
import type { Judged } from './lattice.js'
import type { AnonymiseResult, Coding, Policy } from './types.js'
import { silentProgress } from '../progress.js'
import type { Progress } from '../progress.js'

export { generalisationLattice } from './lattice.js'
export type { Judged } from './lattice.js'
export type { AnonymiseResult, Coding, ColumnCoding, Policy } from './types.js'
export type { ColumnMapping, ValueMapping } from './mapping.js'

/**
 * Propose the generalisation of least information loss that meets the thresholds of `policy`.
 * @example const { transformation, table } = anonymise(readArrow('extract.arrow'), { k: 5, maxSuppression: 0.01 })
 */
export function anonymise(table: Table, policy: Policy = {}): AnonymiseResult {
  const maxSuppression = checkPolicy(policy, policy.metric ?? 'loss')
  const before = analyse(table, policy)
  // the evaluator judges distinct l-diversity only; entropy and recursive l are measured, not searched for
  const unsupported = (before.l !== null || before.lByColumn !== null) && before.lCriterion !== 'distinct'
  if (before.meetsThreshold || unsupported) return nothingToSearch(table, policy, before, maxSuppression, unsupported)
  const lattice = generalisationLattice(table, policy, before)
  const kernels = policy.kernels ?? loadKernels()
  // what each original value holds: records, or with a person column distinct persons (k counts persons);
  // a value holding fewer than k is named nowhere (notes, mappings)
  const person = policy.person === undefined ? null : encodeColumn(table, policy.person, before.source ?? 'the table')
  const held = lattice.qi.map((c, j) => person ? personsPer(kernels, c, person) : lattice.records[j])
  const suppress = policy.suppress ?? 'remove'
  const started = performance.now()
  const search = searcher(lattice, suppress, policy.progress ?? silentProgress)
  const found = search.run(lattice.suppressionLimit, 1 + (policy.alternatives ?? 3))
  const summary = (c: Candidate<Judged>) => coding(c, lattice.chosen, lattice.metric, lattice.n, lattice.records,
    person ? null : lattice.criteria.k)
  const [best, ...runnersUp] = found.ranked
  const transformation = best ? summary(best) : null
  const alternatives = best && transformation ? alternativesOf(transformation, runnersUp.map(summary),
    best.figures.figures.suppressed > 0 ? search.run(0, 1).ranked.map(summary) : [], policy.alternatives ?? 3) : []
  const searchMs = Math.round(performance.now() - started)
  policy.progress?.end()
  const done = (r: Omit<AnonymiseResult, 'search' | 'assumptions' | 'before' | 'notes'>): AnonymiseResult => ({
    before, ...r, assumptions: assumptionsOf(lattice.chosen), notes: notesOf(table, lattice, held, lattice.criteria.k),
    search: {
      metric: lattice.metric, maxSuppression, suppressionLimit: lattice.suppressionLimit, nodes: found.nodes,
      evaluated: search.judged(), rolledUp: lattice.rollUp.rolled, pruned: found.pruned,
      distinctTuples: lattice.distinctTuples, milliseconds: searchMs,
    },
  })
  if (!best || !transformation) {
    return done({ transformation: null, after: null, alternatives: [], table: null, reason: 'impossible', mappings: null })
  }
  const coded = codeTable(table, {
    qi: lattice.qi, sensitive: lattice.sensitive, hierarchies: lattice.chosen.map(c => c.hierarchy), levels: best.levels,
    criteria: lattice.criteria, keptClasses: lattice.keptClasses(best.levels), suppress, sensitiveNames: before.sensitive,
    metadata: { [CODING_KEY]: JSON.stringify(codingRecord(transformation, before, maxSuppression, suppress)) }, kernels,
  })
  // measured as a later `riskcheck coded.arrow` will: roles from the coded table's metadata
  const after = analyse(coded, { ...policy, qi: undefined, sensitive: undefined, source: undefined })
  checkAgreement(transformation, after, lattice.n, suppress)
  const mappings = lattice.qi.map((c, j) => {
    const map = lattice.chosen[j].hierarchy.maps[best.levels[j]]
    const radix = Math.max(1, lattice.chosen[j].hierarchy.labels[best.levels[j]].length)
    const classPersons = person ? personsPer(kernels, { radix, chunks: [concatCodes(c, map)] }, person)
      : undefined
    return columnMapping(c, lattice.chosen[j], best.levels[j], held[j], person ? 'persons' : 'records', classPersons)
  })
  return done({ transformation, after, alternatives, table: coded, reason: null, mappings })
}

type Lattice = ReturnType<typeof generalisationLattice>

/**
 * The searches of one lattice, sharing the nodes they judge (the search without suppression, for an
 * alternative, meets many nodes of the first).
 */
function searcher(lattice: Lattice, suppress: 'remove' | 'mark', progress: Progress) {
  const judgedNodes = new Map<string, Judged>()
  const nodes = lattice.heights.reduce((a, h) => a * h, 1)
  const judge = (levels: number[]) => {
    const key = levels.join(',')
    let judged = judgedNodes.get(key)
    if (!judged) {
      judged = lattice.judge(levels)
      judgedNodes.set(key, judged)
      progress.update(judgedNodes.size, nodes, 'generalisations judged', true)
    }
    return judged
  }
  return {
    judged: () => judgedNodes.size,
    run: (limit: number, keep: number) => searchLattice({
      heights: lattice.heights,
      bound: lattice.bound,
      evaluate: levels => {
        const judged = judge(levels)
        const s = judged.figures.suppressed
        // everything suppressed leaves no table; marked records form one class, which must itself reach k;
        // feasible (monotone) on k and l alone, acceptable with t too
        const feasible = judged.kl.suppressed <= limit && judged.kl.suppressed < lattice.n
        const acceptable = feasible && s <= limit && s < lattice.n && (suppress === 'remove' || s === 0 || s >= lattice.criteria.k)
        return { feasible, acceptable, loss: judged.objective, tie: s, figures: judged }
      },
    }, keep),
  }
}

/**
 * The alternatives to `best`: the best coding without suppression first, then the runners-up; none twice,
 * and none that publishes the same classes as the best (a level that merges nothing more).
 */
function alternativesOf(best: Coding, runnersUp: Coding[], unsuppressed: Coding[], keep: number): Coding[] {
  const sameLevels = (a: Coding, b: Coding) => a.columns.every((col, j) => col.level === b.columns[j].level)
  const sameClasses = (a: Coding) => a.suppressed === best.suppressed && a.classes === best.classes &&
    a.informationLoss.loss === best.informationLoss.loss && a.minClassSize === best.minClassSize
  return [...unsuppressed, ...runnersUp.filter(r => !unsuppressed.some(u => sameLevels(u, r)))]
    .filter(a => !sameLevels(a, best) && !sameClasses(a)).slice(0, keep)
}

/** The result when there is nothing to search; a hierarchy that is given must still fit the data. */
function nothingToSearch(table: Table, policy: Policy, before: RiskResult, maxSuppression: number,
  unsupported: boolean): AnonymiseResult {
  checkHierarchyColumns(policy.hierarchies ?? {}, before, table)
  for (const [column, spec] of Object.entries(policy.hierarchies ?? {})) {
    chooseHierarchy(encodeColumn(table, column, before.source ?? 'the table'), spec, { baseDir: policy.baseDir })
  }
  return {
    before, transformation: null, after: null, alternatives: [], table: null, reason: unsupported ? 'unsupported' : 'met',
    mappings: null, assumptions: [], notes: [],
    search: {
      metric: policy.metric ?? 'loss', maxSuppression, suppressionLimit: Math.floor(maxSuppression * before.rows),
      nodes: 0, evaluated: 0, rolledUp: 0, pruned: 0, distinctTuples: before.classes, milliseconds: 0,
    },
  }
}

/** The distinct persons with each code of `column` (its radix long). */
function personsPer(kernels: Kernels, column: CodeColumn, person: CodeColumn): Float64Array {
  const pairs = kernels.frequencyTable([column, person], person.chunks.reduce((a, c) => a + c.length, 0))
  const persons = new Float64Array(column.radix)
  for (const code of pairs.codes[0]) persons[code]++
  return persons
}

/** The hierarchies riskcheck chose itself, in words. */
function assumptionsOf(chosen: ChosenHierarchy[]): string[] {
  return chosen.flatMap(c => c.assumed ? [`${c.hierarchy.column}: ${c.source} (${c.hierarchy.levelNames.join(' > ')})`] : [])
}

/**
 * What a reader of the coding should know: arrondissement codes whose meaning changed (those held by k records
 * or persons: a note names its codes), identifiers kept.
 */
function notesOf(table: Table, lattice: Lattice, held: Float64Array[], k: number): string[] {
  return [
    ...lattice.chosen.flatMap((c, j) => c.source === 'preset "be-arrondissement"'
      ? arrondissementNotes(lattice.qi[j].labels.filter((_, code) => held[j][code] >= k)).map(note => `${c.hierarchy.column}: ${note}`)
      : []),
    ...table.schema.fields.filter(f => f.metadata.get(ROLE_KEY) === 'identifier').map(f => `${f.name}: an identifier ` +
      '(riskcheck.role), kept unchanged in the coded table; a pseudonym still links records to other data: leave it ' +
      'out with --drop if the recipients do not need it'),
  ]
}
