/**
 * Peer groups of provinces for 对标 (peer comparison) and province rankings. Members are 6-digit province codes.
 * Groups that change from year to year (经济十强省) have one entry per year.
 */
import { provinceByCode } from './provinces.ts'

export const peerGroupIds = [
  'east', 'central', 'west', 'northeast', 'central6', 'yangtzeDelta', 'jingJinJi', 'greaterBay', 'top10Economies',
] as const
export type PeerGroupId = (typeof peerGroupIds)[number]

/** As in docs policy-rules: HIGH = official text or ≥2 sources agree; MED = one credible source or from memory of official data, to check before release. */
export type Confidence = 'HIGH' | 'MED' | 'UNVERIFIED'

export type PeerGroup = {
  readonly id: PeerGroupId
  readonly nameZh: string
  readonly nameEn: string
  /** Province codes; for ranked groups in rank order (first = largest). */
  readonly members: readonly string[]
  /** Set for groups defined per year. */
  readonly year?: number
  readonly source: string
  readonly confidence: Confidence
  readonly note?: string
  /** Members that belong only in part: province code → the prefecture codes that are in the group. */
  readonly partialMembers?: Readonly<Record<string, readonly string[]>>
}

const NBS_REGIONS = '国家统计局《东西中部和东北地区划分方法》（2011-06-13）'
const NBS_GDP = '国家统计局 / 各省统计局 年度地区生产总值（初步核算数，亿元，现价）'
const TOP10_NOTE =
  '按各省初步核算 GDP 排名。第10位与第11位差距很小（2021 上海 43215 vs 安徽 42959；2022 安徽 45045 vs 上海 44653；' +
  '2023 上海 47219 vs 安徽 47051；2024 湖南 53231 vs 安徽 50625），第五次全国经济普查后的修订数可能改变边界排名，上线前请核对国家统计局原始数据。'

// Province codes by short name, so that the member lists below read like the documents they come from.
const c = {
  北京: '110000', 天津: '120000', 河北: '130000', 山西: '140000', 内蒙古: '150000', 辽宁: '210000', 吉林: '220000',
  黑龙江: '230000', 上海: '310000', 江苏: '320000', 浙江: '330000', 安徽: '340000', 福建: '350000', 江西: '360000',
  山东: '370000', 河南: '410000', 湖北: '420000', 湖南: '430000', 广东: '440000', 广西: '450000', 海南: '460000',
  重庆: '500000', 四川: '510000', 贵州: '520000', 云南: '530000', 西藏: '540000', 陕西: '610000', 甘肃: '620000',
  青海: '630000', 宁夏: '640000', 新疆: '650000', 香港: '810000', 澳门: '820000',
} as const

const CENTRAL = [c.山西, c.安徽, c.江西, c.河南, c.湖北, c.湖南]

const top10 = (year: number, members: readonly string[]): PeerGroup => ({
  id: 'top10Economies', nameZh: '经济十强省', nameEn: 'Top 10 provincial economies', year, members,
  source: `${NBS_GDP}，${year}年`, confidence: 'MED', note: TOP10_NOTE,
})

export const peerGroups: readonly PeerGroup[] = [
  {
    id: 'east', nameZh: '东部地区', nameEn: 'Eastern region', source: NBS_REGIONS, confidence: 'HIGH',
    members: [c.北京, c.天津, c.河北, c.上海, c.江苏, c.浙江, c.福建, c.山东, c.广东, c.海南],
  },
  { id: 'central', nameZh: '中部地区', nameEn: 'Central region', source: NBS_REGIONS, confidence: 'HIGH', members: CENTRAL },
  {
    id: 'west', nameZh: '西部地区', nameEn: 'Western region', source: NBS_REGIONS, confidence: 'HIGH',
    members: [c.内蒙古, c.广西, c.重庆, c.四川, c.贵州, c.云南, c.西藏, c.陕西, c.甘肃, c.青海, c.宁夏, c.新疆],
  },
  { id: 'northeast', nameZh: '东北地区', nameEn: 'Northeast region', source: NBS_REGIONS, confidence: 'HIGH', members: [c.辽宁, c.吉林, c.黑龙江] },
  {
    id: 'central6', nameZh: '中部六省', nameEn: 'Six central provinces', members: CENTRAL, confidence: 'HIGH',
    source: `${NBS_REGIONS}；中共中央 国务院《关于促进中部地区崛起的若干意见》（2006）`,
    note: '成员与“中部地区”相同；“中部六省”是各省对标时的习惯称呼',
  },
  {
    id: 'yangtzeDelta', nameZh: '长三角', nameEn: 'Yangtze River Delta', members: [c.上海, c.江苏, c.浙江, c.安徽], confidence: 'HIGH',
    source: '中共中央 国务院《长江三角洲区域一体化发展规划纲要》（2019-12），规划范围为沪苏浙皖全域',
  },
  {
    id: 'jingJinJi', nameZh: '京津冀', nameEn: 'Beijing-Tianjin-Hebei', members: [c.北京, c.天津, c.河北], confidence: 'HIGH',
    source: '中共中央政治局《京津冀协同发展规划纲要》（2015-04）',
  },
  {
    id: 'greaterBay', nameZh: '粤港澳大湾区', nameEn: 'Guangdong-Hong Kong-Macao Greater Bay Area', confidence: 'HIGH',
    members: [c.广东, c.香港, c.澳门],
    source: '中共中央 国务院《粤港澳大湾区发展规划纲要》（2019-02）',
    note: '广东仅珠三角九市在内；香港、澳门的统计口径与内地不同，对标时须单独说明',
    partialMembers: {
      [c.广东]: ['440100', '440300', '440400', '440600', '441300', '441900', '442000', '440700', '441200'],
    },
  },
  top10(2021, [c.广东, c.江苏, c.山东, c.浙江, c.河南, c.四川, c.湖北, c.福建, c.湖南, c.上海]),
  top10(2022, [c.广东, c.江苏, c.山东, c.浙江, c.河南, c.四川, c.湖北, c.福建, c.湖南, c.安徽]),
  top10(2023, [c.广东, c.江苏, c.山东, c.浙江, c.四川, c.河南, c.湖北, c.福建, c.湖南, c.上海]),
  top10(2024, [c.广东, c.江苏, c.山东, c.浙江, c.四川, c.河南, c.湖北, c.福建, c.上海, c.湖南]),
]

/** Chinese names and common short forms people type into a search box or a bulletin template. */
const aliases: Readonly<Record<string, PeerGroupId>> = {
  东部: 'east', 东部地区: 'east',
  中部: 'central', 中部地区: 'central',
  中部六省: 'central6',
  西部: 'west', 西部地区: 'west', 西部十二省: 'west',
  东北: 'northeast', 东北地区: 'northeast', 东北三省: 'northeast',
  长三角: 'yangtzeDelta', 长江三角洲: 'yangtzeDelta', 长三角地区: 'yangtzeDelta',
  京津冀: 'jingJinJi',
  粤港澳大湾区: 'greaterBay', 大湾区: 'greaterBay',
  经济十强省: 'top10Economies', 十强省: 'top10Economies', 经济十强: 'top10Economies', GDP十强省: 'top10Economies',
}

export function isPeerGroupId(value: string): value is PeerGroupId {
  return (peerGroupIds as readonly string[]).includes(value)
}

function resolveId(idOrName: string): PeerGroupId | null {
  const key = idOrName.trim()
  if (isPeerGroupId(key)) return key
  return Object.hasOwn(aliases, key) ? (aliases[key] ?? null) : null
}

/** Years for which a yearly group is defined, ascending; [] for groups that do not change by year. */
export function peerGroupYears(id: PeerGroupId): number[] {
  return peerGroups.flatMap((g) => (g.id === id && g.year !== undefined ? [g.year] : [])).sort((a, b) => a - b)
}

/**
 * A group by id or Chinese name. For a yearly group, the entry for `year`, or the latest year before it when that
 * year is not yet in the data (a 2025 bulletin compares with the 2024 list); the latest when no year is given; null
 * when `year` is before the first year. The returned group's `year` says which list was used.
 */
export function peerGroupById(idOrName: string, year?: number): PeerGroup | null {
  const id = resolveId(idOrName)
  if (id === null) return null
  const entries = peerGroups.filter((g) => g.id === id)
  const yearly = entries.filter((g) => g.year !== undefined)
  if (yearly.length === 0) return entries[0] ?? null
  const usable = yearly.filter((g) => year === undefined || (g.year ?? 0) <= year)
  return usable.reduce<PeerGroup | null>((best, g) => (best === null || (g.year ?? 0) > (best.year ?? 0) ? g : best), null)
}

/** The groups a province belongs to (accepts '43' or '430000'), using each yearly group's list for `year` as in peerGroupById. */
export function peerGroupsOf(provinceCode: string, year?: number): PeerGroup[] {
  const province = provinceByCode(provinceCode)
  if (province === null) return []
  return peerGroupIds.flatMap((id) => {
    const g = peerGroupById(id, year)
    return g !== null && g.members.includes(province.code) ? [g] : []
  })
}
