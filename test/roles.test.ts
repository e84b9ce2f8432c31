// Roles: from the options, from the riskcheck.role field metadata, or inferred.
import { Table, Utf8, vectorFromArray } from 'apache-arrow'
import { describe, expect, test } from 'vitest'
import { analyse } from '../src/analyse.js'
import { textTable, textVector, withRoles } from './helpers.js'

const base = textTable(['by', 'sex', 'arr', 'decision'], [
  ['1930', 'F', '11000', 'G1'], ['1930', 'F', '11000', 'G2'], ['1931', 'M', '21000', 'G1'],
])
const withPid = new Table({ pid: vectorFromArray(['a1', 'b2', 'c3'], new Utf8()), ...Object.fromEntries(
  base.schema.fields.map(f => [f.name, base.getChild(f.name)!])) })

describe('roles', () => {
  test('inferred: every column but the all-distinct ones and the sensitive ones', () => {
    const r = analyse(withPid, { sensitive: ['decision'] })
    expect(r.roles.source).toBe('inferred')
    expect(r.quasiIdentifiers).toEqual(['by', 'sex', 'arr'])
    expect(r.roles.unused).toEqual([{ column: 'pid', reason: 'all 3 values are distinct: a pseudonym or identifier' }])
  })

  test('from metadata: identifier and ignore are left out, columns without a role too', () => {
    const t = withRoles(withPid, { pid: 'identifier', by: 'quasi-identifier', sex: 'quasi-identifier', decision: 'sensitive' })
    const r = analyse(t)
    expect(r.roles.source).toBe('metadata')
    expect(r.quasiIdentifiers).toEqual(['by', 'sex'])
    expect(r.sensitive).toEqual(['decision'])
    expect(r.roles.unused).toEqual([
      { column: 'pid', reason: 'riskcheck.role is identifier' },
      { column: 'arr', reason: 'no riskcheck.role in the file' },
    ])
  })

  test('--qi overrides the metadata; sensitive columns still come from it unless --sensitive is given', () => {
    const t = withRoles(base, { by: 'quasi-identifier', decision: 'sensitive' })
    expect(analyse(t, { qi: ['arr'] })).toMatchObject({ quasiIdentifiers: ['arr'], sensitive: ['decision'] })
    expect(analyse(t, { qi: ['arr'], sensitive: [] })).toMatchObject({ sensitive: [] })
  })

  test('an unknown role in the metadata is an error naming the column and the value', () => {
    expect(() => analyse(withRoles(base, { sex: 'qi' }), { source: 'x.arrow' })).toThrow(
      'column "sex" in x.arrow has riskcheck.role "qi", which is not a role (roles: quasi-identifier, sensitive, identifier, ignore)')
  })

  test('a column both quasi-identifier and sensitive, a column named twice, no quasi-identifier at all', () => {
    expect(() => analyse(base, { qi: ['sex'], sensitive: ['sex'] })).toThrow('column "sex" is both a quasi-identifier and sensitive')
    expect(() => analyse(base, { qi: ['sex', 'sex'] })).toThrow('column "sex" is named twice in --qi')
    const onlyIds = new Table({ id: textVector(['a', 'b']) })
    expect(() => analyse(onlyIds, { source: 'ids.arrow' })).toThrow('no quasi-identifier columns in ids.arrow (columns: id)')
  })

  test('inference skips columns of a type riskcheck cannot encode, and says why', () => {
    const t = new Table({ sex: textVector(['F', 'F']), tags: vectorFromArray([[1], [2]]) })
    const r = analyse(t)
    expect(r.quasiIdentifiers).toEqual(['sex'])
    expect(r.roles.unused[0].reason).toMatch(/^its type List<.*> cannot be used$/)
  })
})
