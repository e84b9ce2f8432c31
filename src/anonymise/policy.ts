// The policy file (JSON): roles, thresholds, suppression limit, metric and hierarchies in one place, so that
// a committee's conditions are written down once and applied the same way every time.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { RiskcheckError } from '../errors.js'
import { parseHierarchySpec } from '../hierarchy/index.js'
import type { HierarchySpec } from '../hierarchy/index.js'
import { METRICS } from '../lattice/metrics.js'
import type { Policy } from './types.js'

const FIELDS = ['qi', 'sensitive', 'k', 'l', 'maxProsecutorRisk', 'maxSuppression', 'metric', 'hierarchies', 'person', 'history', 't', 'samplingFraction', 'weight']

/**
 * Read a policy file. Hierarchy files in it are relative to the policy's folder.
 * @example readPolicy('policy.json') // { k: 5, maxSuppression: 0.01, hierarchies: { ... }, baseDir: '.' }
 */
export function readPolicy(path: string): Policy {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new RiskcheckError('E_FILE', `cannot read the policy ${path}: ${code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'it is a directory' : code ?? (e as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new RiskcheckError('E_POLICY', `the policy ${path} is not valid JSON: ${(e as Error).message}`)
  }
  return { ...parsePolicy(json, path), baseDir: dirname(resolve(path)) }
}

/** Check a policy object (from JSON); `where` names it in messages. */
export function parsePolicy(json: unknown, where: string): Policy {
  const fail = (message: string, hint?: string) => new RiskcheckError('E_POLICY', `the policy ${where}: ${message}`, hint)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('must be a JSON object')
  const o = json as Record<string, unknown>
  const unknown = Object.keys(o).filter(key => !FIELDS.includes(key))
  if (unknown.length) throw fail(`unknown field ${JSON.stringify(unknown[0])}`, `the fields are ${FIELDS.join(', ')}`)
  const names = (key: string) => {
    const v = o[key]
    if (v === undefined) return undefined
    if (!Array.isArray(v) || !v.every(s => typeof s === 'string')) throw fail(`"${key}" must be a list of column names`)
    return v as string[]
  }
  const whole = (key: string) => {
    const v = o[key]
    if (v === undefined) return undefined
    if (!Number.isInteger(v) || (v as number) < 1) throw fail(`"${key}" must be a whole number of at least 1, got ${JSON.stringify(v)}`)
    return v as number
  }
  const perColumn = typeof o.l === 'object' && o.l !== null && !Array.isArray(o.l)
  const policy: Policy = { qi: names('qi'), sensitive: names('sensitive'), k: whole('k'), l: perColumn ? undefined : whole('l') }
  if (perColumn) {
    policy.lByColumn = Object.fromEntries(Object.entries(o.l as Record<string, unknown>).map(([column, v]) => {
      if (!Number.isInteger(v) || (v as number) < 1) {
        throw fail(`"l" of ${JSON.stringify(column)} must be a whole number of at least 1, got ${JSON.stringify(v)}`)
      }
      return [column, v as number]
    }))
  }
  if (o.maxProsecutorRisk !== undefined) {
    const r = o.maxProsecutorRisk
    if (typeof r !== 'number' || !(r > 0 && r <= 1)) throw fail(`"maxProsecutorRisk" must be a number above 0 and at most 1, got ${JSON.stringify(r)}`)
    policy.maxProsecutorRisk = r
  }
  if (o.t !== undefined) {
    if (typeof o.t !== 'number' || !(o.t >= 0 && o.t <= 1)) throw fail(`"t" must be a number from 0 to 1, got ${JSON.stringify(o.t)}`)
    policy.t = o.t
  }
  if (o.samplingFraction !== undefined) {
    const pi = parseShare(o.samplingFraction, `${where}: "samplingFraction"`)
    if (pi === 0) throw fail('"samplingFraction" must be above 0')
    policy.samplingFraction = pi
  }
  if (o.weight !== undefined) {
    if (typeof o.weight !== 'string' || o.weight === '') throw fail('"weight" must be a column name')
    policy.weight = o.weight
  }
  if (o.person !== undefined) {
    if (typeof o.person !== 'string' || o.person === '') throw fail('"person" must be a column name')
    policy.person = o.person
  }
  if (o.history !== undefined) {
    if (typeof o.history !== 'boolean') throw fail(`"history" must be true or false, got ${JSON.stringify(o.history)}`)
    policy.history = o.history
  }
  if (o.maxSuppression !== undefined) policy.maxSuppression = parseShare(o.maxSuppression, `${where}: "maxSuppression"`)
  if (o.metric !== undefined) {
    if (!METRICS.includes(o.metric as never)) throw fail(`"metric" must be one of ${METRICS.join(', ')}, got ${JSON.stringify(o.metric)}`)
    policy.metric = o.metric as Policy['metric']
  }
  if (o.hierarchies !== undefined) {
    if (typeof o.hierarchies !== 'object' || o.hierarchies === null || Array.isArray(o.hierarchies)) {
      throw fail('"hierarchies" must be an object: column name to hierarchy')
    }
    policy.hierarchies = Object.fromEntries(Object.entries(o.hierarchies)
      .map(([column, spec]): [string, HierarchySpec] => [column, parseHierarchySpec(spec, column)]))
  }
  return Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined)) as Policy
}

/** A share written as a number from 0 to 1 or as a percentage ("1%", "0.5 %"). */
export function parseShare(value: unknown, what: string): number {
  const text = String(value).trim()
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text)
  const share = percent ? Number(percent[1]) / 100 : typeof value === 'number' || /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN
  if (!(share >= 0 && share <= 1)) {
    throw new RiskcheckError('E_OPTION', `${what} must be a share from 0 to 1 or a percentage such as 1%, got ${JSON.stringify(value)}`)
  }
  return share
}
