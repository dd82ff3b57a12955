/**
 * Who may read and write official figures and targets of which region. Permissions (auth/permissions.ts) say
 * what a role may do; these say where, given the user's Scope. The server's repositories apply the same rules
 * in SQL (officialStatsVisibleSql, targetsScopeSql); the tests of both read the tables below.
 */
import type { Scope } from '../auth/scope.ts'
import { divisionLevel, isValidScopePrefix } from '../regions/divisionCode.ts'

/**
 * Reading official figures: every province's own figure is public (peer comparison), and so is every figure of
 * another province (published statistics); inside the user's own province, figures below the province level
 * are read within the user's region only. An enterprise user reads the province-level figures only.
 */
export function officialStatVisible(scope: Scope, regionCode: string): boolean {
  const level = divisionLevel(regionCode)
  if (level === null) return false
  if (level === 1) return true
  if (scope.kind !== 'region') return false
  const own = scope.prefix.slice(0, 2)
  return own === '' || !regionCode.startsWith(own) || regionCode.startsWith(scope.prefix)
}

/**
 * Importing official figures: regions inside the user's scope; a province-level (or national) user also imports
 * other provinces' province-level figures, the peers it compares itself with.
 */
export function mayWriteOfficialStat(scope: Scope, regionCode: string): boolean {
  if (scope.kind !== 'region' || !isValidScopePrefix(scope.prefix)) return false
  const level = divisionLevel(regionCode)
  if (level === null) return false
  if (regionCode.startsWith(scope.prefix)) return true
  return level === 1 && scope.prefix.length <= 2
}

/** Reading targets: regions inside the user's scope (the province's own target for a province user). */
export function targetVisible(scope: Scope, regionCode: string): boolean {
  return scope.kind === 'region' && divisionLevel(regionCode) !== null && regionCode.startsWith(scope.prefix)
}

/**
 * Setting targets: the level above sets them. A province-level (or national) user sets the province's own and
 * every city's and county's inside it; a city official sets its counties' (not the city's own, which the
 * province sets); a county-level user sets none.
 */
export function mayWriteTarget(scope: Scope, regionCode: string): boolean {
  if (scope.kind !== 'region' || !isValidScopePrefix(scope.prefix)) return false
  if (divisionLevel(regionCode) === null || !regionCode.startsWith(scope.prefix)) return false
  if (scope.prefix.length <= 2) return true
  return regionCode !== scope.prefix.padEnd(6, '0')
}
