import { describe, expect, it } from 'vitest'
import {
  can,
  checkPasswordPolicy,
  isRole,
  narrowerScope,
  permissions,
  permissionsOf,
  roleLabels,
  rolePermissions,
  roles,
  scopeContains,
  scopeCoversDivision,
  scopeCoversEnterprise,
  scopeForUser,
  validateUserScope,
  type Permission,
  type Role,
  type Scope,
} from './index.ts'

const codes = (msgs: readonly { code: string }[]) => msgs.map((m) => m.code)
const USCC = '91430100MA4T00019U'

describe('roles', () => {
  it.each([
    ['provinceAdmin', '省级管理员'],
    ['cityOfficial', '市级工信部门'],
    ['countyOfficial', '县级工信部门'],
    ['handler', '业务处室经办人'],
    ['serviceOfficer', '服务专员'],
    ['leader', '领导（只读）'],
    ['enterprise', '企业用户'],
  ])('%s is labelled %s', (role, zh) => {
    expect(isRole(role)).toBe(true)
    if (isRole(role)) expect(roleLabels[role].zh).toBe(zh)
  })
  it('has exactly these 7 roles', () => {
    expect(roles).toHaveLength(7)
    expect(isRole('admin')).toBe(false)
  })
})

describe('permission matrix', () => {
  // One row per role, one column per permission, in the order of `permissions`:
  //                          e.read e.write e.import e.export u.read u.write audit  ref
  const matrix: Record<Role, readonly number[]> = {
    provinceAdmin: /*     */ [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    cityOfficial: /*      */ [1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0],
    countyOfficial: /*    */ [1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0],
    handler: /*           */ [1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1],
    serviceOfficer: /*    */ [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0],
    leader: /*            */ [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0],
    enterprise: /*        */ [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
  }
  const cases = roles.flatMap((role) => permissions.map((p, i): [Role, Permission, boolean] => [role, p, matrix[role][i] === 1]))

  it('lists the permissions in the order the matrix assumes', () => {
    expect(permissions).toEqual(['enterprise.read', 'enterprise.write', 'enterprise.import', 'enterprise.export',
      'user.read', 'user.write', 'audit.read', 'reference.read',
      'statistics.import', 'targets.write', 'dispatch.read', 'warnings.manage', 'enterprise.report', 'province.configure'])
  })
  it.each(cases)('can(%s, %s) → %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed)
    expect(permissionsOf(role).includes(permission)).toBe(allowed)
  })
  it('every permission of every role is a known permission', () => {
    for (const role of roles) for (const p of rolePermissions[role]) expect(permissions).toContain(p)
  })
  it('refuses an unknown role read from the database', () => {
    const stale = 'superuser' as Role // simulating bad data: the cast is the point of the test
    expect(can(stale, 'enterprise.read')).toBe(false)
    expect(permissionsOf(stale)).toEqual([])
  })
})

describe('scopeForUser / validateUserScope', () => {
  it.each<[string, Parameters<typeof scopeForUser>[0], Scope | null, string[]]>([
    ['province admin of Hunan', { role: 'provinceAdmin', scopePrefix: '43' }, { kind: 'region', prefix: '43' }, []],
    ['national admin', { role: 'provinceAdmin', scopePrefix: '' }, { kind: 'region', prefix: '' }, []],
    ['national admin, null prefix', { role: 'provinceAdmin', scopePrefix: null }, { kind: 'region', prefix: '' }, []],
    ['city official', { role: 'cityOfficial', scopePrefix: '4301' }, { kind: 'region', prefix: '4301' }, []],
    ['county official', { role: 'countyOfficial', scopePrefix: '430102' }, { kind: 'region', prefix: '430102' }, []],
    ['handler at province', { role: 'handler', scopePrefix: '43' }, { kind: 'region', prefix: '43' }, []],
    ['service officer in a county', { role: 'serviceOfficer', scopePrefix: '430121' }, { kind: 'region', prefix: '430121' }, []],
    ['leader of a city', { role: 'leader', scopePrefix: '4301' }, { kind: 'region', prefix: '4301' }, []],
    ['enterprise', { role: 'enterprise', enterpriseUscc: USCC }, { kind: 'enterprise', uscc: USCC }, []],
    ['enterprise, lower case uscc', { role: 'enterprise', enterpriseUscc: USCC.toLowerCase() }, { kind: 'enterprise', uscc: USCC }, []],
    ['city official with a province prefix', { role: 'cityOfficial', scopePrefix: '43' }, null, ['scopeLevelMismatch']],
    ['city official with a county prefix', { role: 'cityOfficial', scopePrefix: '430102' }, null, ['scopeLevelMismatch']],
    ['county official with a city prefix', { role: 'countyOfficial', scopePrefix: '4301' }, null, ['scopeLevelMismatch']],
    ['province admin with a city prefix', { role: 'provinceAdmin', scopePrefix: '4301' }, null, ['scopeLevelMismatch']],
    ['leader of the whole country', { role: 'leader', scopePrefix: '' }, null, ['scopeLevelMismatch']],
    ['handler without a scope', { role: 'handler' }, null, ['scopeLevelMismatch']],
    ['non-canonical prefix', { role: 'cityOfficial', scopePrefix: '430100' }, null, ['invalidScopePrefix']],
    ['unknown province', { role: 'provinceAdmin', scopePrefix: '99' }, null, ['invalidScopePrefix']],
    ['official linked to an enterprise', { role: 'cityOfficial', scopePrefix: '4301', enterpriseUscc: USCC }, null, ['unexpectedEnterprise']],
    ['enterprise without uscc', { role: 'enterprise' }, null, ['missingEnterprise']],
    ['enterprise with a bad uscc', { role: 'enterprise', enterpriseUscc: `${USCC.slice(0, 17)}0` }, null, ['checkCharacter']],
    ['enterprise with a region', { role: 'enterprise', scopePrefix: '43', enterpriseUscc: USCC }, null, ['unexpectedScopePrefix']],
  ])('%s', (_label, user, scope, errors) => {
    expect(scopeForUser(user)).toEqual(scope)
    expect(codes(validateUserScope(user))).toEqual(errors)
  })
})

describe('scope coverage', () => {
  const hunan: Scope = { kind: 'region', prefix: '43' }
  const changsha: Scope = { kind: 'region', prefix: '4301' }
  const furong: Scope = { kind: 'region', prefix: '430102' }
  const country: Scope = { kind: 'region', prefix: '' }
  const firm: Scope = { kind: 'enterprise', uscc: USCC }

  it.each<[Scope, string, boolean]>([
    [country, '430102', true],
    [hunan, '430102', true],
    [hunan, '420100', false],
    [changsha, '430121', true],
    [changsha, '430202', false],
    [changsha, '430000', false],
    [furong, '430102', true],
    [furong, '430103', false],
    [firm, '430100', false],
  ])('scopeCoversDivision(%j, %s) → %s', (scope, code, ok) => {
    expect(scopeCoversDivision(scope, code)).toBe(ok)
  })

  it.each<[Scope, { uscc: string; divisionCode: string }, boolean]>([
    [changsha, { uscc: USCC, divisionCode: '430121' }, true],
    // registered in 长沙 (USCC 430100) but now located in 株洲: the current division decides
    [changsha, { uscc: USCC, divisionCode: '430202' }, false],
    [firm, { uscc: USCC, divisionCode: '430202' }, true],
    [firm, { uscc: '91110108551385082Q', divisionCode: '430121' }, false],
  ])('scopeCoversEnterprise(%j, %j) → %s', (scope, enterprise, ok) => {
    expect(scopeCoversEnterprise(scope, enterprise)).toBe(ok)
  })

  it.each<[Scope, Scope, string | undefined, boolean]>([
    [hunan, changsha, undefined, true],
    [changsha, hunan, undefined, false],
    [country, hunan, undefined, true],
    [changsha, changsha, undefined, true],
    [changsha, { kind: 'region', prefix: '4302' }, undefined, false],
    [changsha, { kind: 'region', prefix: '430100' }, undefined, false], // non-canonical prefix
    [changsha, firm, '430121', true],
    [changsha, firm, '430202', false],
    [changsha, firm, undefined, false],
    [firm, firm, undefined, true],
    [firm, changsha, undefined, false],
  ])('scopeContains(%j, %j, %s) → %s', (outer, inner, division, ok) => {
    expect(scopeContains(outer, inner, division)).toBe(ok)
  })

  it.each<[Scope, Scope, string | undefined, Scope | null]>([
    [hunan, changsha, undefined, changsha],
    [changsha, hunan, undefined, changsha],
    [changsha, furong, undefined, furong],
    [changsha, { kind: 'region', prefix: '4302' }, undefined, null],
    [changsha, firm, '430121', firm],
    [firm, changsha, '430121', firm],
    [firm, hunan, undefined, null],
  ])('narrowerScope(%j, %j, %s) → %j', (a, b, division, expected) => {
    expect(narrowerScope(a, b, division)).toEqual(expected)
  })
})

describe('checkPasswordPolicy', () => {
  it.each<[string, string, string[]]>([
    ['Xiang-Jiang7Bridge', 'zhangsan', []],
    ['湘江大桥Bridge2024', 'zhangsan', []], // Chinese characters count as the symbol class
    ['correct horse battery staple', 'zhangsan', ['tooFewClasses']],
    ['Short1!', 'zhangsan', ['tooShort']],
    ['Abcdefghi1', 'zhangsan', []], // exactly 10
    ['Abcdefgh1', 'zhangsan', ['tooShort']], // 9
    ['abcdefghijkl', 'zhangsan', ['tooFewClasses']],
    ['abcdefghij12', 'zhangsan', ['tooFewClasses']],
    ['abcdefghij1!', 'zhangsan', []],
    ['ABCDEFGHIJ1!', 'zhangsan', []],
    ['Zhangsan#2024x', 'zhangsan', ['containsUsername']],
    ['my-ZHANGSAN-pw9', 'ZhangSan', ['containsUsername']],
    ['Li#Bridge2024x', 'li', []], // usernames shorter than 3 are not checked
    ['P@ssw0rd123', 'zhangsan', ['commonPassword']],
    ['Password123!', 'zhangsan', ['commonPassword']],
    ['Admin@123456', 'zhangsan', ['commonPassword']],
    ['Gongxin@2024', 'zhangsan', ['commonPassword']],
    ['Aa123456789!', 'zhangsan', ['commonPassword']],
    ['1qaz@WSX', 'zhangsan', ['tooShort', 'commonPassword']],
    ['123456', 'zhangsan', ['tooShort', 'tooFewClasses', 'commonPassword']],
    ['', 'zhangsan', ['tooShort', 'tooFewClasses']],
    [`Aa1!${'x'.repeat(125)}`, 'zhangsan', ['tooLong']],
  ])('%j (user %s) → %j', (password, username, expected) => {
    const errors = checkPasswordPolicy(password, username)
    expect(codes(errors)).toEqual(expected)
    for (const e of errors) expect(e.zh.length > 0 && e.en.length > 0).toBe(true)
  })

  it('says how long the password is', () => {
    expect(checkPasswordPolicy('Ab1!', 'x')[0]?.zh).toBe('密码至少需要10个字符，当前为4个')
  })
})
