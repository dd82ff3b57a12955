import type { PeerGroup } from '@gongxin/domain'
import type { Locale } from '../../api/types.ts'

export const NATIONAL = 'national'

export interface PeerScope {
  /** 'national', or the peer group's id (what GET /rank takes as group) */
  id: string
  name: string
}

/** The scopes a province is compared in: the whole country first, then each group it belongs to. */
export function peerScopes(groups: readonly PeerGroup[], locale: Locale, nationalName: string): PeerScope[] {
  const seen = new Set<string>()
  const out: PeerScope[] = [{ id: NATIONAL, name: nationalName }]
  for (const g of groups) {
    if (seen.has(g.id)) continue
    seen.add(g.id)
    out.push({ id: g.id, name: locale === 'en-US' ? g.nameEn : g.nameZh })
  }
  return out
}
