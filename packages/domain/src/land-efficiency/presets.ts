import type { ClassPolicy, IndicatorSpec, LandScheme, RankBand } from './scheme.ts'

/*
 * The shipped schemes, each citing its source as ../shared/reference/policy-rules.md §4 gives it. What the source
 * does not say (class cut-offs of 黄岩, weights of the Anhui and Shandong formulas, surcharge rates) is the
 * platform's stated assumption, marked as such in `source.note`; an operator copies a preset and sets their own.
 */

const fixed = (id: IndicatorSpec['id'], weight: number, value: number, extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({
  id, weight, normalization: { kind: 'ratio', benchmark: { kind: 'fixed', value } }, ...extra,
})
const minmax = (id: IndicatorSpec['id'], weight: number): IndicatorSpec => ({ id, weight, normalization: { kind: 'minmax', floor: 20 } })

/** Cumulative rank bands from the widths of A, B, C, D in per cent (淮安 20/40/35/5 → 0–20, 20–60, 60–95, 95–100). */
export function bandsFromWidths(a: number, b: number, c: number, d: number): RankBand[] {
  return [
    { class: 'A', from: 0, to: a },
    { class: 'B', from: a, to: a + b },
    { class: 'C', from: a + b, to: a + b + c },
    { class: 'D', from: a + b + c, to: a + b + c + d },
  ]
}

/** Example differentiated policies (rates UNVERIFIED: counties set them, e.g. 慈亩均办〔2024〕40号). */
const examplePolicies: ClassPolicy[] = [
  {
    id: 'electricitySurcharge', kind: 'perUnit', basis: 'electricity', rates: { C: 0.05, D: 0.1 }, rateUnit: '元/千瓦时',
    label: { zh: '差别化电价加价（示例费率，以县区文件为准）', en: 'differentiated electricity surcharge (example rates; the county document governs)' },
  },
  {
    id: 'landSupply', kind: 'measure', label: { zh: '用地保障', en: 'land supply' },
    measures: {
      A: { zh: '优先保障新增用地', en: 'first call on new land' },
      B: { zh: '正常保障', en: 'normal supply' },
      C: { zh: '从严控制新增用地', en: 'new land restricted' },
      D: { zh: '原则上不新增用地，倒逼整治', en: 'no new land; remediation' },
    },
  },
  {
    id: 'awards', kind: 'measure', label: { zh: '评优评先与财政奖补', en: 'awards and subsidies' },
    measures: { A: { zh: '优先推荐', en: 'recommended first' }, D: { zh: '不得申报', en: 'not eligible' } },
  },
]

const vetoes: LandScheme['vetoes'] = [
  { flag: 'majorSafetyAccident', label: { zh: '发生重大安全生产事故', en: 'a major work-safety accident' } },
  { flag: 'majorEnvironmentalAccident', label: { zh: '发生重大环境污染事件', en: 'a major environmental accident' } },
]

const utilities = ['44', '45', '46']

export const huangyan2022: LandScheme = {
  id: 'huangyan2022',
  name: { zh: '台州黄岩 2022 年度工业企业亩均效益评价', en: 'Huangyan (Taizhou) 2022-year land-efficiency evaluation' },
  region: '',
  year: 2022,
  source: {
    document: '台州市黄岩区 2022 年度工业企业亩均效益综合评价（计分公式及基准值）；浙政发〔2018〕5号',
    date: '2023',
    confidence: 'HIGH',
    note: {
      zh: '计分公式、权重 30/20/20/10/10/10 与基准值为原文（chacewang.com news430850、news169062）；原文未给出 A/B/C/D 分档，此处按 20/40/35/5 排位分档为本平台假设；规下企业 3 亩以上参评（台州各县取 3 亩或 5 亩）。',
      en: 'Formula, weights 30/20/20/10/10/10 and benchmarks verbatim (chacewang.com news430850, news169062); the source gives no class cut-offs: the 20/40/35/5 rank bands are this platform\'s assumption; below-scale firms from 3 mu (Taizhou counties use 3 or 5).',
    },
  },
  scope: { aboveScale: true, belowScaleMinMu: 3, excludeDivisions: [], minYearsInProduction: null },
  indicators: [
    fixed('taxPerMu', 30, 24.097),
    fixed('valueAddedPerMu', 20, 136.16),
    fixed('valueAddedPerEnergy', 20, 2.694),
    // a firm with no emission data gets the average above-scale points for the item (the source says so)
    fixed('valueAddedPerEmission', 10, 4929.81, { whenMissing: 'unitAverage' }),
    fixed('laborProductivity', 10, 18.14),
    fixed('rdIntensity', 10, 0.0302),
  ],
  belowScaleIndicators: [fixed('taxPerMu', 50, 11.5932), fixed('taxPerElectricity', 50, 0.2352)],
  unit: 'county',
  classes: { kind: 'rankBands', bands: bandsFromWidths(20, 40, 35, 5) },
  bonuses: [],
  penalties: [],
  vetoes,
  policies: examplePolicies,
}

export const huaian2024: LandScheme = {
  id: 'huaian2024',
  name: { zh: '淮安 2024 年度工业企业亩均效益评价', en: 'Huai\'an 2024 land-efficiency evaluation' },
  region: '',
  year: 2024,
  source: {
    document: '淮安市工业企业资源集约利用综合评价（2024）',
    date: '2024',
    confidence: 'MED',
    note: {
      zh: '得分 = Σ(企业值/基准值)×权重 ± 加减分；亩均税收 45、亩均销售收入 35、绿色（单位能耗税收）20；基准值约为本县区上年平均值的 2 倍；县内排位 A 前 20%、B 20–60%、C 60–95%、D 后 5%，公用事业及投产不足 2 年企业列 T 类（field-practice.md，单一二手来源）。',
      en: 'Score = Σ(value / benchmark) × weight ± items; tax per mu 45, sales per mu 35, green (tax per tce) 20; benchmark ≈ 2 × the county\'s previous-year average; rank bands within the county 20/40/35/5; utilities and firms in production under 2 years are class T (field-practice.md, one secondary source).',
    },
  },
  scope: { aboveScale: true, belowScaleMinMu: null, excludeDivisions: utilities, minYearsInProduction: 2 },
  indicators: [
    { id: 'taxPerMu', weight: 45, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 2, of: 'unit' } } },
    { id: 'revenuePerMu', weight: 35, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 2, of: 'unit' } } },
    { id: 'taxPerEnergy', weight: 20, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 2, of: 'unit' } } },
  ],
  unit: 'county',
  classes: { kind: 'rankBands', bands: bandsFromWidths(20, 40, 35, 5) },
  bonuses: [
    { flag: 'highTech', points: 2, label: { zh: '高新技术企业', en: 'high-tech enterprise' } },
    { flag: 'littleGiant', points: 3, label: { zh: '专精特新“小巨人”企业', en: 'little giant' } },
  ],
  penalties: [{ flag: 'environmentalPenalty', points: -3, label: { zh: '受到环保行政处罚', en: 'an environmental administrative penalty' } }],
  vetoes,
  policies: examplePolicies,
}

export const anhuiMinmax: LandScheme = {
  id: 'anhuiMinmax',
  name: { zh: '安徽县区亩均效益评价（极差法，20 分保底；铜陵分档）', en: 'Anhui county evaluation (min-max with a 20-point floor; Tongling bands)' },
  region: '',
  year: 2021,
  source: {
    document: '皖经信运行〔2021〕108号《关于推广亩均效益评价工作的意见》；旌德县计分办法；铜陵 2021 分档',
    date: '2021',
    confidence: 'MED',
    note: {
      zh: '单项得分 = 权重 × [20 + 80 × (企业值 − 最小值)/(最大值 − 最小值)] / 100（旌德，原文）；7 项指标为原文，原文未给出各项权重，此处 30/20/15/10/5/10/10 为本平台假设；分档 A 20%、B 45%、C 30%、D 5%（铜陵 2021）；规下 5 亩以上参评，只计亩均税收。',
      en: 'Item = weight × [20 + 80 × (value − min)/(max − min)] / 100 (旌德, verbatim); the 7 indicators are from the source, which gives no weights: 30/20/15/10/5/10/10 is this platform\'s assumption; bands 20/45/30/5 (铜陵 2021); below-scale firms from 5 mu, on tax per mu only.',
    },
  },
  scope: { aboveScale: true, belowScaleMinMu: 5, excludeDivisions: [], minYearsInProduction: null },
  indicators: [
    minmax('taxPerMu', 30), minmax('revenuePerMu', 20), minmax('renovationPerMu', 15), minmax('laborProductivity', 10),
    minmax('revenuePerEmission', 5), minmax('rdToRevenue', 10), minmax('revenuePerEnergy', 10),
  ],
  belowScaleIndicators: [minmax('taxPerMu', 100)],
  unit: 'county',
  classes: { kind: 'rankBands', bands: bandsFromWidths(20, 45, 30, 5) },
  bonuses: [],
  penalties: [],
  vetoes,
  policies: examplePolicies,
}

export const shandong2019: LandScheme = {
  id: 'shandong2019',
  name: { zh: '山东规上工业企业亩均效益评价（鲁政字〔2019〕235号）', en: 'Shandong above-scale evaluation (鲁政字〔2019〕235号)' },
  region: '',
  year: 2019,
  source: {
    document: '鲁政字〔2019〕235号',
    date: '2019',
    confidence: 'HIGH',
    note: {
      zh: '指标（单位用地税收、单位能耗销售收入、单位污染物排放销售收入、研发经费投入强度、全员劳动生产率）、排除电力热力燃气及水生产和供应业、A 类不超过 20%、D 类不少于 5% 为原文；权重 30/20/15/15/20、以上年县区平均值为基准（封顶 2 倍）及 B/C 分界为本平台假设（未核实）。',
      en: 'Indicators, the exclusion of section D, A ≤ 20 % and D ≥ 5 % are from the source; the weights 30/20/15/15/20, the previous-year county average as benchmark (capped at 2×) and the B/C split are this platform\'s assumptions (unverified).',
    },
  },
  scope: { aboveScale: true, belowScaleMinMu: null, excludeDivisions: utilities, minYearsInProduction: null },
  indicators: [
    { id: 'taxPerMu', weight: 30, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 1, of: 'unit' }, cap: 2 } },
    { id: 'revenuePerEnergy', weight: 20, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 1, of: 'unit' }, cap: 2 } },
    { id: 'revenuePerEmission', weight: 15, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 1, of: 'unit' }, cap: 2 }, whenMissing: 'unitAverage' },
    { id: 'rdToRevenue', weight: 15, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 1, of: 'unit' }, cap: 2 } },
    { id: 'laborProductivity', weight: 20, normalization: { kind: 'ratio', benchmark: { kind: 'previousAverage', multiple: 1, of: 'unit' }, cap: 2 } },
  ],
  unit: 'county',
  classes: { kind: 'rankBands', bands: bandsFromWidths(20, 40, 35, 5) },
  bonuses: [],
  penalties: [],
  vetoes,
  policies: examplePolicies,
}

export const landSchemePresets: readonly LandScheme[] = [huangyan2022, huaian2024, anhuiMinmax, shandong2019]

export function landPreset(id: string): LandScheme | undefined {
  return landSchemePresets.find((p) => p.id === id)
}
