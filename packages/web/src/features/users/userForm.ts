import type { Role, UserCreate, UserRow, UserUpdate } from '../../api/types.ts'
import { codeOfPrefix, levelOfCode, prefixOfCode } from '../regions/regionCodes.ts'

/** The user form's values and their conversion: a scope is chosen as a region and sent as its prefix. */
export interface UserFormValues {
  username: string
  displayName: string
  role: Role
  region?: string
  enterpriseUscc?: string
  password?: string
  active: boolean
}

export type ScopeProblem = 'required' | 'city' | 'county' | null

/** City and county officials are bound to a city or a county; an enterprise user to an enterprise. */
export function scopeProblem(role: Role | undefined, region: string | undefined): ScopeProblem {
  if (!role || role === 'enterprise') return null
  if (!region) return 'required'
  if (role === 'cityOfficial' && levelOfCode(region) !== 2) return 'city'
  if (role === 'countyOfficial' && levelOfCode(region) !== 3) return 'county'
  return null
}

export function formFromUser(u: UserRow): UserFormValues {
  const region = codeOfPrefix(u.scopePrefix)
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    ...(region ? { region } : {}),
    ...(u.enterpriseUscc ? { enterpriseUscc: u.enterpriseUscc } : {}),
  }
}

function scopeOf(v: UserFormValues): Pick<UserCreate, 'scopePrefix' | 'enterpriseUscc'> {
  if (v.role === 'enterprise') return { scopePrefix: null, enterpriseUscc: v.enterpriseUscc?.trim().toUpperCase() ?? null }
  return { scopePrefix: v.region ? prefixOfCode(v.region) : null, enterpriseUscc: null }
}

export function toCreate(v: UserFormValues): UserCreate {
  return { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, password: v.password ?? '', ...scopeOf(v) }
}

export function toUpdate(v: UserFormValues): UserUpdate {
  return { displayName: v.displayName.trim(), role: v.role, active: v.active, ...scopeOf(v) }
}

/** The body that changes only `active` of an existing user (deactivate / activate). */
export function withActive(u: UserRow, active: boolean): UserUpdate {
  return { displayName: u.displayName, role: u.role, scopePrefix: u.scopePrefix, enterpriseUscc: u.enterpriseUscc, active }
}

export function isLocked(u: Pick<UserRow, 'lockedUntil'>, now: Date): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > now.getTime()
}
