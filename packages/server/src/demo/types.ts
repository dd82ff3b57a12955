import type { Tx } from '../db/index.ts'
import type { Rng } from './rng.ts'

/** What to generate. Same options (and an empty database) ⇒ the same content, row for row. */
export interface DemoOptions {
  /** 2-digit GB/T 2260 province code, e.g. '43' (湖南) */
  province: string
  /** number of enterprises to generate */
  enterprises: number
  /** seed of every random stream (an unsigned 32-bit integer) */
  seed: number
  /** the latest complete statistical year: histories end with it */
  year: number
}

/** A county-level division (or a prefecture without counties, which then stands for itself). */
export interface DemoCounty {
  code: string
  name: string
  /** the name as used in company and park names: 浏阳市 → 浏阳, 城步苗族自治县 → 城步, 道县 stays 道县 */
  shortName: string
  kind: 'district' | 'countyCity' | 'county' | 'other'
  cityCode: string
  /** share of its city's enterprises (Σ over a city's counties = 1) */
  weight: number
}

export interface DemoCity {
  code: string
  name: string
  shortName: string
  /** share of the province's enterprises (Σ over cities = 1) */
  weight: number
  counties: DemoCounty[]
}

export interface DemoGeography {
  province: { code: string; prefix: string; name: string; shortName: string }
  /** ordered by weight, heaviest first */
  cities: DemoCity[]
  countyByCode: ReadonlyMap<string, DemoCounty>
  cityByCode: ReadonlyMap<string, DemoCity>
}

/** The GB/T 4754 codes the generator may use: divisions of sections B, C, D and their finer codes in the catalogue. */
export interface DemoIndustryCatalog {
  divisions: { code: string; name: string; section: 'B' | 'C' | 'D' }[]
  /** division → finer codes (groups, classes) present in the catalogue */
  finer: ReadonlyMap<string, readonly string[]>
}

export interface DemoPark {
  id: number
  name: string
  countyCode: string
  cityCode: string
  level: 'national' | 'provincial' | 'other'
  kind: string
}

export interface DemoEnterprise {
  id: number
  uscc: string
  name: string
  countyCode: string
  cityCode: string
  parkId: number | null
  industryCode: string
  industryDivision: string
  section: 'B' | 'C' | 'D'
  foundedOn: string
  ownership: string
  tags: string[]
  /** revenue (万元) of options.year − 2, − 1 and options.year, oldest first; null before the enterprise existed */
  revenueByYear: (number | null)[]
  /** revenue (万元) of options.year − HISTORY_YEARS … options.year (model/enterprises.ts), oldest first; null before the enterprise existed */
  revenueHistory: (number | null)[]
  /** above-scale status of each year from options.year − HISTORY_YEARS + 1 to options.year, oldest first, as written to enterprise_scale_status (years before the founding are absent) */
  scaleHistory: DemoScaleStatus[]
  /** the latest year's values, as stored on the enterprise row */
  revenue: number
  employees: number
  aboveScale: boolean
}

export interface DemoScaleStatus {
  year: number
  aboveScale: boolean
  /** 入规 | 退规 | 新建投产 | 保持; null for a new enterprise below the line */
  reason: string | null
}

export interface DemoUser {
  id: number
  username: string
  displayName: string
  role: 'provinceAdmin' | 'cityOfficial' | 'countyOfficial' | 'handler' | 'serviceOfficer' | 'leader' | 'enterprise'
  scopePrefix: string | null
  enterpriseUscc: string | null
  /** what the user sees: a division's name, or the enterprise's name */
  scopeName: string
}

/**
 * What steps publish for later steps. A later feature adds its own field here (or augments the interface
 * from its module: `declare module '../demo/types.ts' { interface DemoState { monthly?: … } }`), publishes it
 * in its step and reads earlier ones with `need(ctx, 'enterprises')`.
 */
export interface DemoState {
  geography?: DemoGeography
  industries?: DemoIndustryCatalog
  parks?: DemoPark[]
  enterprises?: DemoEnterprise[]
  users?: DemoUser[]
  /** the monthly reports written: their first and last period (year, last month of the cumulation) and count */
  monthlyReports?: { first: { year: number; month: number }; last: { year: number; month: number }; rows: number }
}

export interface DemoContext {
  tx: Tx
  /** this step's own random stream (see rngFor) */
  rng: Rng
  options: Readonly<DemoOptions>
  state: DemoState
  /** true when the database held enterprises before this run (only with `force`): steps must avoid existing names and codes */
  addingToExistingData: boolean
  log(message: string): void
  /** reports this step's progress; `total` may be given once and omitted afterwards */
  progress(done: number, total?: number): void
}

/** Counts a step reports (e.g. { parks: 45 }): shown in the CLI summary and kept in the audit entry. */
export type DemoStepSummary = Record<string, number>

export interface DemoStep {
  /** stable id: also seeds the step's random stream, so renaming it changes its output */
  id: string
  title: string
  /** ids of steps that must have run before (they must come earlier in the registry) */
  dependsOn?: readonly string[]
  run(ctx: DemoContext): Promise<DemoStepSummary | void>
}

export interface DemoProgressEvent {
  stepId: string
  title: string
  /** 0-based index of the step and the number of steps */
  index: number
  steps: number
  done: number
  /** 0 until the step knows how much work it has */
  total: number
}

/** A field of the state that an earlier step must have published; throws a message naming the missing dependency. */
export function need<K extends keyof DemoState>(ctx: Pick<DemoContext, 'state'>, key: K): NonNullable<DemoState[K]> {
  const v = ctx.state[key]
  if (v === undefined || v === null) {
    throw new Error(`demo state "${String(key)}" is missing: the step that publishes it must run first (check dependsOn and the registry order)`)
  }
  return v as NonNullable<DemoState[K]>
}
