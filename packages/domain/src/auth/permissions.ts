/**
 * What each role may do, as data, so that the server's guards, the web app's menus and the docs read the same table.
 * Permissions say WHAT; the scope (scope.ts) says WHERE: a city official's enterprise.read covers their city only,
 * an enterprise user's covers their own enterprise only.
 */
import type { Role } from './roles.ts'

export const permissions = [
  'enterprise.read', 'enterprise.write', 'enterprise.import', 'enterprise.export',
  'user.read', 'user.write', 'audit.read', 'reference.read',
  'statistics.import', 'targets.write', 'dispatch.read', 'warnings.manage', 'enterprise.report', 'province.configure',
] as const
export type Permission = (typeof permissions)[number]

export const permissionLabels: Readonly<Record<Permission, { zh: string; en: string }>> = {
  'enterprise.read': { zh: '查看企业', en: 'View enterprises' },
  'enterprise.write': { zh: '编辑企业', en: 'Edit enterprises' },
  'enterprise.import': { zh: '导入企业数据', en: 'Import enterprise data' },
  'enterprise.export': { zh: '导出企业数据', en: 'Export enterprise data' },
  'user.read': { zh: '查看用户', en: 'View users' },
  'user.write': { zh: '管理用户', en: 'Manage users' },
  'audit.read': { zh: '查看审计日志', en: 'View the audit log' },
  'reference.read': { zh: '查看参考数据（区划、行业）', en: 'View reference data (divisions, industries)' },
  'statistics.import': { zh: '导入统计公布数和用电数据', en: 'Import official statistics and electricity data' },
  'targets.write': { zh: '设定年度目标', en: 'Set annual targets' },
  'dispatch.read': { zh: '查看月调度、排名和通报', en: 'View the monthly dispatch, rankings and bulletins' },
  'warnings.manage': { zh: '处置预警（确认、办结、指派）', en: 'Handle warnings (acknowledge, resolve, assign)' },
  'enterprise.report': { zh: '填报本企业月度数据', en: "Report the own enterprise's monthly figures" },
  'province.configure': { zh: '设定全省口径（预警规则、考核方案、数据发布）', en: 'Set province-wide rules (warning rules, scoring schemes, publication of periods)' },
}

const enterpriseDataEditor: readonly Permission[] = [
  'enterprise.read', 'enterprise.write', 'enterprise.import', 'enterprise.export', 'reference.read',
  'statistics.import', 'dispatch.read', 'warnings.manage',
]

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  provinceAdmin: permissions,
  // City and county departments manage their own area's enterprises and can see (not manage) their area's users.
  // A city sets its counties' targets; the province sets the cities' (targets.write within the scope).
  cityOfficial: [...enterpriseDataEditor, 'user.read', 'targets.write'],
  countyOfficial: [...enterpriseDataEditor, 'user.read'],
  // The department's handlers keep the province-wide rules: warning thresholds, scoring schemes, closing periods.
  handler: [...enterpriseDataEditor, 'targets.write', 'province.configure'],
  // Service officers visit enterprises; they read and export (for visit lists) but do not change master data.
  serviceOfficer: ['enterprise.read', 'enterprise.export', 'reference.read', 'dispatch.read', 'warnings.manage'],
  // Leaders are read-only on business data; the audit log is an administrator's tool, not a leader's.
  leader: ['enterprise.read', 'enterprise.export', 'reference.read', 'dispatch.read'],
  // Their own enterprise only (enforced by the enterprise scope): they file their own monthly figures.
  enterprise: ['enterprise.read', 'reference.read', 'enterprise.report'],
}

/** Also false for a role string that is not a Role (e.g. a stale value from the database). */
export function can(role: Role, permission: Permission): boolean {
  return Object.hasOwn(rolePermissions, role) && rolePermissions[role].includes(permission)
}

export function permissionsOf(role: Role): readonly Permission[] {
  return Object.hasOwn(rolePermissions, role) ? rolePermissions[role] : []
}
