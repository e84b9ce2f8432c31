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

  test('inferred roles refuse a column of a type riskcheck cannot encode: it might be a quasi-identifier', () => {
    const t = new Table({ sex: textVector(['F', 'F']), tags: vectorFromArray([[1], [2]]) })
    expect(() => analyse(t, { source: 'x.arrow' })).toThrow(expect.objectContaining({ code: 'E_TYPE',
      message: expect.stringMatching(/^column "tags" in x\.arrow has type List<.*>, which riskcheck cannot encode, and the roles are inferred/) }))
    const two = new Table({ sex: textVector(['F', 'F']), a: vectorFromArray([[1], [2]]), b: vectorFromArray([{ x: 1 }, { x: 2 }]) })
    expect(() => analyse(two)).toThrow(/^columns "a" \(List<.*>\), "b" \(Struct<.*>\) in the table have types riskcheck cannot encode/)
  })

  const withTags = new Table({ ...Object.fromEntries(withPid.schema.fields.map((f, i) => [f.name, withPid.getChildAt(i)!])),
    tags: vectorFromArray([[1], [2], [3]]) })

  test('with --qi, every column left out is listed, with its type when riskcheck cannot encode it', () => {
    const r = analyse(withTags, { qi: ['by', 'sex'], sensitive: ['decision'] })
    expect(r.roles.unused).toEqual([
      { column: 'pid', reason: 'not named in --qi/--sensitive' },
      { column: 'arr', reason: 'not named in --qi/--sensitive' },
      { column: 'tags', reason: expect.stringMatching(/^not named in --qi\/--sensitive; type List<.*> cannot be encoded$/) },
    ])
    // the only warning is the identifier lint's, on the pseudonym
    expect(r.identifiers.map(f => [f.column, f.kind])).toEqual([['pid', 'all-distinct']])
    expect(r.warnings).toEqual([expect.stringMatching(/^column "pid" looks like an identifier: its values are all distinct/)])
  })

  test('from metadata, a column without a role that cannot be encoded is listed and warned about', () => {
    const r = analyse(withRoles(withTags, { by: 'quasi-identifier', sex: 'quasi-identifier', pid: 'identifier' }),
      { source: 'x.arrow' })
    expect(r.roles.unused.map(u => u.column)).toEqual(['pid', 'arr', 'decision', 'tags'])
    expect(r.roles.unused[3].reason).toMatch(/^no riskcheck\.role in the file; type List<.*> cannot be encoded$/)
    expect(r.warnings).toHaveLength(2) // the identifier lint's on pid, then this one
    expect(r.warnings[1]).toMatch(/^column "tags" in x\.arrow has no riskcheck\.role and type List<.*>, which riskcheck cannot encode/)
  })
})
