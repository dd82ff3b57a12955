import type { LocalizedText } from '../../api/types.ts'

/**
 * The monthly dispatch (月调度) as the server sends it (GET /api/v1/dispatch; the payload of
 * packages/server/src/modules/dispatch/compute.ts). Money in 万元 and electricity in 万千瓦时, as decimal strings.
 */

export const DISPATCH_INDICATORS = ['grossOutput', 'revenue', 'profit', 'electricity'] as const
export type DispatchIndicator = (typeof DISPATCH_INDICATORS)[number]
export const RANKED_INDICATORS = ['grossOutput', 'revenue', 'profit'] as const
export type RankedIndicator = (typeof RANKED_INDICATORS)[number]

export interface IndicatorFigures {
  cum: string
  priorCum: string
  growthPct: number | null
  enterprises: number
  withoutBase: number
  cumAll: string
}

export interface ProfitFigures extends IndicatorFigures {
  change?: { text: LocalizedText }
}

export interface RegionIndicators {
  grossOutput: IndicatorFigures
  revenue: IndicatorFigures
  profit: ProfitFigures
  electricity: IndicatorFigures
}

export interface TargetRow {
  indicator: string
  name: LocalizedText
  unit: string
  kind: 'growth' | 'level'
  target: number
  actual: number | null
  gapPts?: number | null
  pacePct?: number | null
  elapsedPct?: number | null
  aheadPts?: number | null
  text: LocalizedText
  actualSource: 'official' | 'computed' | null
}

export interface OfficialRow {
  indicator: string
  name: LocalizedText
  unit: string
  value: number
  previous: number | null
  computed: number | null
  differencePts: number | null
}

export interface LossFigures {
  lossMaking: number
  lossRatioPct: number | null
  lossAmount: string
  lossAmountPrior?: string
  lossAmountGrowthPct: number | null
}

export interface SubRegionRow extends LossFigures {
  region: string
  name: string
  indicators: RegionIndicators
  rank: Partial<Record<RankedIndicator, number>>
  rankChange: Partial<Record<RankedIndicator, number | null>>
  reporting: number
  expected: number
  pullPct: number | null
}

export interface ParkRow extends LossFigures {
  id: number
  name: string
  countyCode: string
  indicators: RegionIndicators
  rank: Partial<Record<RankedIndicator, number>>
  reporting: number
}

export interface IndustryRow {
  code: string
  name: string
  section?: string | null
  division?: string
  growthPct: number | null
  pullPct: number | null
  contributionPct: number | null
  enterprises: number
  withoutBase: number
  cum: string
  priorCum: string
  revenueGrowthPct: number | null
  profitGrowthPct: number | null
  lossMaking: number
}

export type WarningStatus = 'new' | 'acknowledged' | 'resolved'
export type WarningSeverity = 'high' | 'medium' | 'low'

export interface WarningRow {
  id: number
  period: string
  rule: string
  severity: WarningSeverity
  subjectKind: 'enterprise' | 'region'
  uscc: string | null
  region: string
  enterpriseName: string | null
  regionName: string | null
  figures: Record<string, number | null>
  threshold: number | null
  reason: LocalizedText
  status: WarningStatus
  active: boolean
  owner: { id: number; username: string; displayName: string } | null
  note: string | null
  updatedAt: string
  version: number
}

export interface Dispatch extends LossFigures {
  period: string
  region: string
  name: string
  level: number
  parent: string | null
  indicators: RegionIndicators
  currentMonth: { grossOutput: string | null; enterprises: number }
  reporting: number
  expected: number
  targets: TargetRow[]
  official: OfficialRow[]
  subRegions: SubRegionRow[]
  parks: ParkRow[]
  industries: IndustryRow[]
  sections: IndustryRow[]
  groups: IndustryRow[]
  /** absent when asked with warnings=none */
  warnings?: WarningRow[]
  asOf: string
  factVersion: number
}

export interface DispatchPeriods {
  periods: string[]
  latest: string | null
}

export interface RankItem {
  region: string
  name: string
  value: number | null
  rank: number | null
  rankChange: number | null
  source: 'official' | 'computed' | null
}

export interface RankResult {
  indicator: string
  name: LocalizedText
  unit: string
  precision: number
  direction: 'higherIsBetter' | 'lowerIsBetter'
  period: string
  level: 'province' | 'city' | 'county'
  group: { id: string; name: LocalizedText; year: number | null } | null
  items: RankItem[]
  unranked: RankItem[]
}

export interface WarningQuery {
  period: string
  region?: string | undefined
  rule?: string | undefined
  status?: WarningStatus | undefined
  severity?: WarningSeverity | undefined
  ownerId?: number | undefined
  active?: boolean | undefined
}

export interface WarningChange {
  status?: WarningStatus
  ownerUserId?: number | null
  note?: string | null
  version: number
}

export interface WarningRuleRow {
  id: string
  enabled: boolean
  threshold: number | null
  severity: WarningSeverity
}

export interface Assignee {
  id: number
  username: string
  displayName: string
  role: string
  scopePrefix: string | null
}

export type ExportCell = string | number | null

export interface TableExport {
  title: string
  source?: string
  columns: { title: string; width?: number }[]
  rows: ExportCell[][]
}
