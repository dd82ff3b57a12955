/**
 * Where a user may act. Officials see a region, written as a division-code prefix ('' whole country, '43' Hunan,
 * '4301' 长沙, '430102' 芙蓉区); an enterprise user sees one enterprise, by its USCC.
 * An enterprise's region is its CURRENT registered division, never USCC positions 3–8 (the registering authority
 * at issue, which does not follow the enterprise when it moves).
 */
import { msg, type Msg } from '../msg.ts'
import { isValidScopePrefix, isWithinScope } from '../regions/divisionCode.ts'
import { validateUscc } from '../uscc/validate.ts'
import { roleLabels, type Role } from './roles.ts'

export type Scope = { kind: 'region'; prefix: string } | { kind: 'enterprise'; uscc: string }

export type UserScopeInput = {
  role: Role
  scopePrefix?: string | null
  enterpriseUscc?: string | null
}

/** Allowed prefix lengths per role: the level of the user's department. '' (whole country) is only for a national deployment's administrator. */
const PREFIX_LENGTHS: Readonly<Record<Exclude<Role, 'enterprise'>, readonly number[]>> = {
  provinceAdmin: [0, 2],
  cityOfficial: [4],
  countyOfficial: [6],
  // These work in a department at any level.
  handler: [2, 4, 6],
  serviceOfficer: [2, 4, 6],
  leader: [2, 4, 6],
}

const LEVEL_TEXT: Readonly<Record<number, { zh: string; en: string }>> = {
  0: { zh: '全国（空）', en: 'the whole country (empty)' },
  2: { zh: '2位（省）', en: '2 digits (province)' },
  4: { zh: '4位（市）', en: '4 digits (city)' },
  6: { zh: '6位（县）', en: '6 digits (county)' },
}

/** Errors in a user's scope fields for their role; [] if consistent. */
export function validateUserScope(user: UserScopeInput): Msg[] {
  const prefix = user.scopePrefix ?? ''
  const uscc = user.enterpriseUscc ?? ''
  const label = roleLabels[user.role]
  if (user.role === 'enterprise') {
    const errors: Msg[] = []
    if (prefix !== '') {
      errors.push(msg('unexpectedScopePrefix', '企业用户不设区域范围', 'An enterprise user has no region scope', { scopePrefix: prefix }))
    }
    if (uscc === '') {
      errors.push(msg('missingEnterprise', '企业用户必须关联统一社会信用代码', 'An enterprise user must be linked to a USCC'))
    } else {
      for (const e of validateUscc(uscc).errors) errors.push(e)
    }
    return errors
  }
  const errors: Msg[] = []
  if (uscc !== '') {
    errors.push(msg('unexpectedEnterprise', `${label.zh}不关联企业`, `A ${label.en} is not linked to an enterprise`))
  }
  const lengths = PREFIX_LENGTHS[user.role]
  if (!isValidScopePrefix(prefix)) {
    errors.push(msg('invalidScopePrefix', `区域范围“${prefix}”不是有效的行政区划代码前缀`,
      `Scope "${prefix}" is not a valid division-code prefix`, { scopePrefix: prefix }))
  } else if (!lengths.includes(prefix.length)) {
    const allowedZh = lengths.map((n) => LEVEL_TEXT[n]?.zh).join('或')
    const allowedEn = lengths.map((n) => LEVEL_TEXT[n]?.en).join(' or ')
    errors.push(msg('scopeLevelMismatch', `${label.zh}的区域范围应为${allowedZh}，实际为“${prefix}”`,
      `The scope of a ${label.en} must be ${allowedEn}, found "${prefix}"`, { scopePrefix: prefix, role: user.role }))
  }
  return errors
}

/** The user's scope, or null if the scope fields do not fit the role (see validateUserScope for why). */
export function scopeForUser(user: UserScopeInput): Scope | null {
  if (validateUserScope(user).length > 0) return null
  if (user.role === 'enterprise') return { kind: 'enterprise', uscc: validateUscc(user.enterpriseUscc ?? '').code }
  return { kind: 'region', prefix: user.scopePrefix ?? '' }
}

/** Whether a scope covers a division (its data, its totals). An enterprise scope covers no division. */
export function scopeCoversDivision(scope: Scope, divisionCode: string): boolean {
  return scope.kind === 'region' && isWithinScope(scope.prefix, divisionCode)
}

/** Whether a scope covers an enterprise, located by its current division code. */
export function scopeCoversEnterprise(scope: Scope, enterprise: { uscc: string; divisionCode: string }): boolean {
  if (scope.kind === 'enterprise') return scope.uscc === enterprise.uscc
  return isWithinScope(scope.prefix, enterprise.divisionCode)
}

/**
 * Whether `inner` lies within `outer`, e.g. whether an official may grant `inner` to a user they create.
 * A region contains an enterprise scope only when the enterprise's current division is given and lies inside it.
 */
export function scopeContains(outer: Scope, inner: Scope, innerEnterpriseDivision?: string): boolean {
  if (outer.kind === 'enterprise') return inner.kind === 'enterprise' && inner.uscc === outer.uscc
  if (inner.kind === 'region') return isValidScopePrefix(inner.prefix) && inner.prefix.startsWith(outer.prefix)
  return innerEnterpriseDivision !== undefined && isWithinScope(outer.prefix, innerEnterpriseDivision)
}

/**
 * The intersection of two scopes when one contains the other (a user's scope and a requested filter), else null:
 * regions don't partially overlap, so "no intersection" means the request is outside the user's scope.
 */
export function narrowerScope(a: Scope, b: Scope, enterpriseDivision?: string): Scope | null {
  if (scopeContains(a, b, enterpriseDivision)) return b
  if (scopeContains(b, a, enterpriseDivision)) return a
  return null
}
