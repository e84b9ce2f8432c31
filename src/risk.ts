// Kernel figures -> the risk measures of risk-definitions.md, and the verdict.
import type { Check, KernelOutput, LDiversity, RiskResult } from './types.js'

/** Tolerance for comparing entropy l with an integer l (exp(ln 3) is not exactly 3). */
const ENTROPY_TOLERANCE = 1e-9

/** The thresholds a table is judged against (documented on RiskResult). */
export type Thresholds = Pick<RiskResult, 'k' | 'maxProsecutorRisk' | 'l' | 'lByColumn' | 'lCriterion' | 'c' | 't'>

/** Tolerance for comparing a t-closeness with its threshold (sums of shares in floating point). */
export const T_TOLERANCE = 1e-9

type Measures = Pick<RiskResult, 'classes' | 'minClassSize' | 'maxClassSize' | 'sampleUniques' | 'recordsBelowK' |
  'classSizes' | 'prosecutor' | 'lDiversity' | 'checks' | 'meetsThreshold'>

/** Risk measures and verdict from the kernel output of a table of `rows` records; with `persons` (the person
 * column and the smallest class in distinct persons), k-anonymity counts persons. */
export function assessRisk(out: KernelOutput, rows: number, sensitive: string[], t: Thresholds,
  persons: { column: string; minClassPersons: number } | null = null, closeness: RiskResult['tCloseness'] = null): Measures {
  const lDiversity: Record<string, LDiversity> = {}
  sensitive.forEach((column, s) => {
    const d = out.diversity[s]
    lDiversity[column] = {
      distinct: d.distinct,
      entropy: Math.exp(d.entropyH),
      recursiveC: d.classesBelowL > 0 ? null : d.maxRatio,
      recursiveL: t.l ?? 2,
      classesBelowL: d.classesBelowL,
      recordsBelowL: d.recordsBelowL,
      homogeneousClasses: d.homogeneousClasses,
      homogeneousRecords: d.homogeneousRecords,
    }
  })
  const checks = verdict(persons?.minClassPersons ?? out.minClassSize, persons?.column ?? null, lDiversity, t)
  if (t.t !== null) {
    for (const [column, tc] of Object.entries(closeness ?? {})) {
      checks.push({ criterion: 't-closeness', column, threshold: t.t, value: tc.t, met: tc.t <= t.t + T_TOLERANCE })
    }
  }
  return {
    classes: out.classes,
    minClassSize: out.minClassSize,
    maxClassSize: out.maxClassSize,
    sampleUniques: out.sampleUniques,
    recordsBelowK: out.recordsBelowK,
    classSizes: out.histogram.map(([size, classes]) => ({ size, classes, records: size * classes })),
    prosecutor: {
      highest: 1 / out.minClassSize,
      average: out.classes / rows,
      lowest: 1 / out.maxClassSize,
      recordsAtRisk: out.recordsBelowK / rows,
    },
    lDiversity,
    checks,
    meetsThreshold: checks.every(c => c.met),
  }
}

function verdict(minClassSize: number, person: string | null, lDiversity: Record<string, LDiversity>, t: Thresholds): Check[] {
  const checks: Check[] = [
    { criterion: 'k-anonymity', column: person, threshold: t.k, value: minClassSize, met: minClassSize >= t.k },
  ]
  for (const [column, d] of Object.entries(lDiversity)) {
    const l = lOf(t, column)
    if (l !== null) checks.push(lCheck(column, d, { ...t, l }))
  }
  return checks
}

/** The l a sensitive column must reach (null: not checked). */
export function lOf(t: Pick<Thresholds, 'l' | 'lByColumn'>, column: string): number | null {
  return t.lByColumn?.[column] ?? t.l
}

function lCheck(column: string, d: LDiversity, t: Thresholds & { l: number }): Check {
  const criterion = `${t.lCriterion} l-diversity` as const
  switch (t.lCriterion) {
    case 'distinct': return { criterion, column, threshold: t.l, value: d.distinct, met: d.distinct >= t.l }
    case 'entropy': return { criterion, column, threshold: t.l, value: d.entropy, met: d.entropy >= t.l - ENTROPY_TOLERANCE }
    case 'recursive': {
      const c = t.c as number
      return { criterion, column, threshold: c, value: d.recursiveC, met: d.recursiveC !== null && d.recursiveC < c }
    }
  }
}
