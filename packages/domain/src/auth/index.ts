export { roles, roleLabels, isRole } from './roles.ts'
export type { Role } from './roles.ts'
export { permissions, permissionLabels, rolePermissions, can, permissionsOf } from './permissions.ts'
export type { Permission } from './permissions.ts'
export {
  validateUserScope,
  scopeForUser,
  scopeCoversDivision,
  scopeCoversEnterprise,
  scopeContains,
  narrowerScope,
} from './scope.ts'
export type { Scope, UserScopeInput } from './scope.ts'
export { checkPasswordPolicy, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, COMMON_PASSWORDS } from './password.ts'
