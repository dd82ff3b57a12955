import type { Permission } from '../api/types.ts'

/**
 * Every feature of the product, built or coming, in menu order. The side menu, the routes and the tab
 * titles are all derived from this list, so a feature is added in one place.
 * Keys are the glossary's identifiers; paths are the feature's folder names (architecture.md).
 */
export type MenuGroup = 'data' | 'monitoring' | 'services' | 'development' | 'system'

export type BuiltFeature = 'enterprises' | 'reports' | 'selfReport' | 'dispatch' | 'warnings' | 'peerComparison' | 'landEfficiency' | 'users' | 'audit'
export type ComingFeature =
  | 'tiers'
  | 'policies'
  | 'projects'
  | 'requests'
  | 'service'
  | 'chains'
  | 'clusters'
export type FeatureKey = BuiltFeature | ComingFeature

export interface FeatureEntry {
  key: FeatureKey
  path: string
  group: MenuGroup
  status: 'built' | 'coming'
  /** the permission needed to see a built feature */
  permission?: Permission
}

export const MENU_GROUPS: readonly MenuGroup[] = ['data', 'monitoring', 'services', 'development', 'system']

export const FEATURES: readonly FeatureEntry[] = [
  { key: 'enterprises', path: '/enterprises', group: 'data', status: 'built', permission: 'enterprise.read' },
  { key: 'reports', path: '/reports', group: 'data', status: 'built', permission: 'enterprise.read' },
  { key: 'selfReport', path: '/self-report', group: 'data', status: 'built', permission: 'enterprise.report' },
  { key: 'dispatch', path: '/dispatch', group: 'monitoring', status: 'built', permission: 'dispatch.read' },
  { key: 'warnings', path: '/warnings', group: 'monitoring', status: 'built', permission: 'dispatch.read' },
  { key: 'peerComparison', path: '/peer-comparison', group: 'monitoring', status: 'built', permission: 'dispatch.read' },
  { key: 'tiers', path: '/tiers', group: 'services', status: 'coming' },
  { key: 'policies', path: '/policies', group: 'services', status: 'coming' },
  { key: 'requests', path: '/requests', group: 'services', status: 'coming' },
  { key: 'service', path: '/service', group: 'services', status: 'coming' },
  { key: 'landEfficiency', path: '/land-efficiency', group: 'development', status: 'built', permission: 'dispatch.read' },
  { key: 'projects', path: '/projects', group: 'development', status: 'coming' },
  { key: 'chains', path: '/chains', group: 'development', status: 'coming' },
  { key: 'clusters', path: '/clusters', group: 'development', status: 'coming' },
  { key: 'users', path: '/users', group: 'system', status: 'built', permission: 'user.read' },
  { key: 'audit', path: '/audit', group: 'system', status: 'built', permission: 'audit.read' },
]

/** Built features the user may not open are left out of the menu; coming ones are shown to everyone. */
export function visibleFeatures(permissions: readonly Permission[]): FeatureEntry[] {
  return FEATURES.filter((f) => f.status === 'coming' || (f.permission !== undefined && permissions.includes(f.permission)))
}

/** The page a user lands on: the first built feature they may open, else the first coming one. */
export function homePath(permissions: readonly Permission[]): string {
  const built = FEATURES.find((f) => f.status === 'built' && f.permission !== undefined && permissions.includes(f.permission))
  return (built ?? FEATURES.find((f) => f.status === 'coming') ?? FEATURES[0])?.path ?? '/enterprises'
}
