import { FEATURES, type BuiltFeature, type ComingFeature, type FeatureKey } from '../catalog.ts'
import type { Permission } from '../../api/types.ts'

/** What a URL path shows in the tab workspace. Pure: the tab manager and its tests rely on it. */
export type PageRoute =
  | { kind: 'feature'; feature: BuiltFeature }
  | { kind: 'enterprise'; id: number }
  /** the monthly dispatch of one region (`/dispatch/430100`); `/dispatch` is the user's own area */
  | { kind: 'dispatchRegion'; region: string }
  | { kind: 'coming'; feature: ComingFeature }
  | { kind: 'notFound'; path: string }

/** `/enterprises/` and `/enterprises` are the same page (and the same tab). */
export function normalizePath(path: string): string {
  const p = path.split(/[?#]/)[0] ?? ''
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p
  return trimmed === '' ? '/' : trimmed
}

export function matchRoute(path: string): PageRoute {
  const p = normalizePath(path)
  const detail = /^\/enterprises\/(\d{1,9})$/.exec(p)
  if (detail?.[1]) return { kind: 'enterprise', id: Number(detail[1]) }
  const dispatchRegion = /^\/dispatch\/(\d{6})$/.exec(p)
  if (dispatchRegion?.[1]) return { kind: 'dispatchRegion', region: dispatchRegion[1] }
  const f = FEATURES.find((x) => x.path === p)
  if (!f) return { kind: 'notFound', path: p }
  if (f.status === 'coming') return { kind: 'coming', feature: f.key as ComingFeature }
  return { kind: 'feature', feature: f.key as BuiltFeature }
}

/** The side-menu entry to highlight for a page (a detail page highlights its list). */
export function menuKeyOf(route: PageRoute): FeatureKey | null {
  switch (route.kind) {
    case 'feature':
    case 'coming':
      return route.feature
    case 'enterprise':
      return 'enterprises'
    case 'dispatchRegion':
      return 'dispatch'
    case 'notFound':
      return null
  }
}

/** The permission a page needs (null: anyone logged in). */
export function permissionOf(route: PageRoute): Permission | null {
  if (route.kind === 'enterprise') return 'enterprise.read'
  if (route.kind === 'dispatchRegion') return 'dispatch.read'
  if (route.kind === 'feature') return FEATURES.find((f) => f.key === route.feature)?.permission ?? null
  return null
}

export function enterprisePath(id: number): string {
  return `/enterprises/${id}`
}

export function dispatchRegionPath(region: string): string {
  return `/dispatch/${region}`
}
