/**
 * Who uses the platform. The department's hierarchy (province → city → county) gets one role per level so that a
 * user's level and the size of their scope prefix can be checked against each other (see scope.ts).
 */
export const roles = ['provinceAdmin', 'cityOfficial', 'countyOfficial', 'handler', 'serviceOfficer', 'leader', 'enterprise'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Readonly<Record<Role, { zh: string; en: string }>> = {
  provinceAdmin: { zh: '省级管理员', en: 'Provincial administrator' },
  cityOfficial: { zh: '市级工信部门', en: 'City industry department' },
  countyOfficial: { zh: '县级工信部门', en: 'County industry department' },
  handler: { zh: '业务处室经办人', en: 'Division case handler' },
  serviceOfficer: { zh: '服务专员', en: 'Enterprise service officer' },
  leader: { zh: '领导（只读）', en: 'Leader (read-only)' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}
