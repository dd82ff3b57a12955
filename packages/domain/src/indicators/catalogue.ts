/**
 * The indicator catalogue (指标目录): every figure the platform takes in from statistics departments, sets
 * targets for, ranks and warns on, as data. The server seeds its `indicators` table from this list (the
 * foreign key of official figures and targets), the import reads indicator names against it, and the
 * dispatch reads unit, precision, direction and thresholds from it.
 *
 * Units are the units of the published figure: '%' for growth rates (增速, 变化率: a change against the same
 * period of the previous year, in per cent), '家' for a count of enterprises. A growth of −3.2 is stored as
 * −3.2, never as 0.968 or −0.032.
 */

export const indicatorIds = [
  'valueAddedGrowth',
  'industrialInvestmentGrowth',
  'renovationInvestmentGrowth',
  'manufacturingInvestmentGrowth',
  'digitalEconomyGrowth',
  'energyPerValueAddedChange',
  'grossOutputGrowth',
  'revenueGrowth',
  'profitGrowth',
  'newAboveScaleEnterprises',
] as const
export type IndicatorId = (typeof indicatorIds)[number]

/** growth: a per cent change against the same period of the previous year; level: an amount (a count, a sum). */
export type IndicatorKind = 'growth' | 'level'
/** How often the statistics department publishes it; the period of an annual figure is its year's December. */
export type IndicatorFrequency = 'monthly' | 'quarterly' | 'annual'
export type IndicatorDirection = 'higherIsBetter' | 'lowerIsBetter'
export type IndicatorUnit = '%' | '家'

/**
 * What the alarm and excellence thresholds are compared with:
 * - value: the figure itself (a growth of 1.5 % against an alarm at 2 %);
 * - schedulePace: for a level with an annual target, the year-to-date share of the target minus the share of
 *   the year elapsed, in percentage points (时序进度: 30 % of the target done by June is −20 points).
 */
export type ThresholdBasis = 'value' | 'schedulePace'

export interface Indicator {
  id: IndicatorId
  nameZh: string
  nameEn: string
  /** other names statistics tables and bulletins use, accepted by the import (指标 column) */
  aliases: readonly string[]
  unit: IndicatorUnit
  kind: IndicatorKind
  frequency: IndicatorFrequency
  /** year-to-date (1—本月累计, the statistics system's usual form) rather than the month or quarter alone */
  cumulative: boolean
  /** the department that publishes the official figure */
  source: { zh: string; en: string }
  /** decimals of the published figure: values are compared, ranked and shown at this precision */
  precision: number
  direction: IndicatorDirection
  /**
   * Alarm (预警) and excellence (优秀) thresholds, in the unit of `thresholdBasis`. With higherIsBetter a value
   * below `alarm` is alarming and one at or above `excellence` excellent; with lowerIsBetter a value above
   * `alarm` is alarming and one at or below `excellence` excellent. Default policy values: the dispatch may
   * let a province change them.
   */
  thresholds: { basis: ThresholdBasis; alarm: number; excellence: number }
  /**
   * The platform computes this indicator itself, same-scope (同口径), from the enterprises' monthly reports.
   * Official figures of it may still be imported: for peer provinces (whose enterprises the platform does not
   * hold) and to set the published value beside the computed one; which of the two a dispatch shows is the
   * dispatch's rule.
   */
  computed: boolean
  /** values outside [min, max] cannot be (a fall of more than 100 %, a negative count): the import refuses them */
  hardRange: { min: number | null; max: number | null }
  /** values outside this range are possible but rare: the import warns, so that a misplaced decimal is caught */
  plausibleRange: { min: number; max: number }
  /** what a reader needs to read the figure right */
  note?: { zh: string; en: string }
}

const NBS = { zh: '统计局（工业统计）', en: 'Statistics bureau (industrial statistics)' }
const NBS_INVESTMENT = { zh: '统计局（固定资产投资统计）', en: 'Statistics bureau (fixed-asset investment statistics)' }
const NBS_ENERGY = { zh: '统计局（能源统计）', en: 'Statistics bureau (energy statistics)' }
const MIIT = { zh: '工信部门', en: 'Industry and information technology department' }
const DIGITAL = { zh: '工信部门 / 统计局（数字经济核算）', en: 'Industry department / statistics bureau (digital economy accounts)' }
const ENTERPRISE_REPORTS = { zh: '统计局公布；平台由规上企业月报同口径计算', en: 'Published by the statistics bureau; the platform computes it same-scope from the monthly enterprise reports' }

const growthRange = { min: -100, max: null }

export const indicatorCatalog: readonly Indicator[] = [
  {
    id: 'valueAddedGrowth', nameZh: '规模以上工业增加值增速', nameEn: 'Value added of above-scale industry, growth',
    aliases: ['规上工业增加值增速', '规模以上工业增加值累计增速', '规上工业增加值累计增速', '工业增加值增速', '规模以上工业增加值增长'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: NBS, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: 8 }, computed: false,
    hardRange: growthRange, plausibleRange: { min: -30, max: 40 },
    note: { zh: '按可比价格计算，1—本月累计，比上年同期增长', en: 'At comparable prices, year to date, against the same period of the previous year' },
  },
  {
    id: 'industrialInvestmentGrowth', nameZh: '工业投资增速', nameEn: 'Industrial investment, growth',
    aliases: ['工业投资增长', '工业固定资产投资增速', '工业投资累计增速'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: NBS_INVESTMENT, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: 12 }, computed: false,
    hardRange: growthRange, plausibleRange: { min: -60, max: 150 },
  },
  {
    id: 'renovationInvestmentGrowth', nameZh: '技改投资增速', nameEn: 'Technical renovation investment, growth',
    aliases: ['工业技改投资增速', '技术改造投资增速', '技改投资增长'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: NBS_INVESTMENT, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: 15 }, computed: false,
    hardRange: growthRange, plausibleRange: { min: -60, max: 150 },
  },
  {
    id: 'manufacturingInvestmentGrowth', nameZh: '制造业投资增速', nameEn: 'Manufacturing investment, growth',
    aliases: ['制造业投资增长', '制造业固定资产投资增速'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: NBS_INVESTMENT, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: 12 }, computed: false,
    hardRange: growthRange, plausibleRange: { min: -60, max: 150 },
  },
  {
    id: 'digitalEconomyGrowth', nameZh: '数字经济增加值增速', nameEn: 'Value added of the digital economy, growth',
    aliases: ['数字经济增速', '数字经济核心产业增加值增速'],
    unit: '%', kind: 'growth', frequency: 'quarterly', cumulative: true, source: DIGITAL, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 5, excellence: 12 }, computed: false,
    hardRange: growthRange, plausibleRange: { min: -30, max: 60 },
    note: { zh: '按季度公布（1—3 月、1—6 月、1—9 月、1—12 月）', en: 'Published quarterly, year to date (Q1, H1, Q1–3, the year)' },
  },
  {
    id: 'energyPerValueAddedChange', nameZh: '单位工业增加值能耗变化', nameEn: 'Energy use per unit of industrial value added, change',
    // not 下降率 / 降低率: those publish a fall as a positive number, the opposite sign of this change
    aliases: ['规上工业单位增加值能耗变化', '单位工业增加值能耗变化率', '单位工业增加值能耗增速'],
    unit: '%', kind: 'growth', frequency: 'quarterly', cumulative: true, source: NBS_ENERGY, precision: 1, direction: 'lowerIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: -4 }, computed: false,
    hardRange: growthRange, plausibleRange: { min: -30, max: 30 },
    note: {
      zh: '比上年同期的变化率，负数为下降（“下降 3.2%”填 -3.2）；越低越好（下降越多越好），排名按从低到高',
      en: 'Change against the same period of the previous year, negative = a fall (a fall of 3.2 % is -3.2); lower is better (ranked lowest first)',
    },
  },
  {
    id: 'grossOutputGrowth', nameZh: '规上工业总产值增速', nameEn: 'Gross output of above-scale industry, growth',
    aliases: ['规模以上工业总产值增速', '工业总产值增速'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: ENTERPRISE_REPORTS, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: 10 }, computed: true,
    hardRange: growthRange, plausibleRange: { min: -40, max: 60 },
    note: { zh: '现价，1—本月累计', en: 'At current prices, year to date' },
  },
  {
    id: 'revenueGrowth', nameZh: '营业收入增速', nameEn: 'Operating revenue, growth',
    aliases: ['规上工业营业收入增速', '规模以上工业企业营业收入增速', '营业收入增长'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: ENTERPRISE_REPORTS, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: 0, excellence: 10 }, computed: true,
    hardRange: growthRange, plausibleRange: { min: -40, max: 60 },
  },
  {
    id: 'profitGrowth', nameZh: '利润总额增速', nameEn: 'Total profit, growth',
    aliases: ['规上工业利润总额增速', '规模以上工业企业利润总额增速', '利润总额增长', '利润增速'],
    unit: '%', kind: 'growth', frequency: 'monthly', cumulative: true, source: ENTERPRISE_REPORTS, precision: 1, direction: 'higherIsBetter',
    thresholds: { basis: 'value', alarm: -10, excellence: 10 }, computed: true,
    // a profit can turn into a loss: a fall of more than 100 % is a real figure
    hardRange: { min: null, max: null }, plausibleRange: { min: -200, max: 500 },
  },
  {
    id: 'newAboveScaleEnterprises', nameZh: '新增规上工业企业', nameEn: 'New above-scale industrial enterprises',
    aliases: ['新增规模以上工业企业', '新增规上企业', '新入规企业', '新增入规企业', '小升规企业数'],
    unit: '家', kind: 'level', frequency: 'annual', cumulative: true, source: MIIT, precision: 0, direction: 'higherIsBetter',
    thresholds: { basis: 'schedulePace', alarm: -10, excellence: 5 }, computed: false,
    hardRange: { min: 0, max: null }, plausibleRange: { min: 0, max: 20_000 },
    note: { zh: '年度目标的完成数按年内累计；阈值按时序进度（百分点）', en: 'Counted over the year against the annual target; thresholds are on schedule pace (points)' },
  },
]

const byId = new Map<string, Indicator>(indicatorCatalog.map((i) => [i.id, i]))

export function isIndicatorId(value: string): value is IndicatorId {
  return byId.has(value)
}

export function indicatorById(id: string): Indicator | null {
  return byId.get(id) ?? null
}

/**
 * The key a name is looked up by: full-width forms folded (NFKC), spaces gone, a trailing unit in brackets
 * dropped (规上工业增加值增速（%）), and 规模以上 read as 规上.
 */
export function indicatorNameKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]$/, '')
    .replace(/规模以上/g, '规上')
    .toLowerCase()
}

const byName = new Map<string, Indicator>()
for (const i of indicatorCatalog) {
  for (const n of [i.id, i.nameZh, ...i.aliases]) {
    const k = indicatorNameKey(n)
    const seen = byName.get(k)
    if (seen && seen !== i) throw new Error(`indicator name "${n}" is given to both ${seen.id} and ${i.id}`)
    byName.set(k, i)
  }
}

/** An indicator by its id (valueAddedGrowth), Chinese name or one of its aliases; null when none matches. */
export function findIndicator(text: string): Indicator | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  return byId.get(trimmed) ?? byName.get(indicatorNameKey(trimmed)) ?? null
}
