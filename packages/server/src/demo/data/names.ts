/**
 * Fictional but plausible company and place names. Brand words are composed from neutral characters of
 * the kind Chinese companies favour; pairs that are (or read as) famous real brands are avoided, so that
 * the demo never seems to speak about a real company.
 */

/** Characters brand words are composed from. */
export const BRAND_CHARS = [...'湘华宏鑫远达泰恒盛博汇创科新兴源联晟瑞丰信德安力通益嘉润顺昌隆辰启鼎卓航铭峰宇永金成佳']

/** Real, well-known brands (in 湖南 or nationally) that the composition could otherwise produce. */
export const AVOIDED_BRANDS: ReadonlySet<string> = new Set([
  '三一', '中联', '华菱', '蓝思', '远大', '山河', '楚天', '威胜', '湘电', '华曙', '华天', '恒大', '华润', '信达',
  '恒瑞', '华新', '新华', '顺丰', '恒源', '永达', '金科', '新兴', '联创', '科达', '宏源', '华联', '新安', '德力',
  '安泰', '力源', '华信', '华宇', '宇通', '华昌', '恒信', '华远', '泰达', '通达', '兴业', '永安', '金龙', '华安',
  '安信', '鑫源', '隆鑫', '金达', '华峰', '润丰', '信义', '永新', '华泰', '鼎盛', '创维', '宏图', '金安', '华达',
])

/** All admissible two-character brand words, in a fixed order. */
export const BRANDS: readonly string[] = BRAND_CHARS.flatMap((a) => BRAND_CHARS.filter((b) => b !== a).map((b) => a + b)).filter(
  (w) => !AVOIDED_BRANDS.has(w),
)

/**
 * Ethnic names that precede 自治州 / 自治县 / 自治旗 in division names (longest first, so that 土家族 wins over
 * 土族), stripped to get the place name: 湘西土家族苗族自治州 → 湘西, 城步苗族自治县 → 城步.
 */
const ETHNIC = [
  '柯尔克孜族', '柯尔克孜', '哈萨克族', '哈萨克', '维吾尔族', '达斡尔族', '鄂温克族', '鄂伦春族', '塔吉克族', '布依族',
  '仡佬族', '纳西族', '傈僳族', '景颇族', '拉祜族', '哈尼族', '土家族', '朝鲜族', '蒙古族', '毛南族', '仫佬族', '撒拉族',
  '保安族', '东乡族', '裕固族', '锡伯族', '普米族', '独龙族', '阿昌族', '蒙古', '苗族', '侗族', '瑶族', '壮族', '回族',
  '彝族', '藏族', '白族', '傣族', '满族', '黎族', '畲族', '羌族', '水族', '佤族', '土族', '怒族', '京族', '各族', '回',
]
const AUTONOMOUS = new RegExp(`(?:${ETHNIC.join('|')})+自治(?:州|县|旗)$`)

/** The name used inside company and park names: 长沙市 → 长沙, 浏阳市 → 浏阳; one-character stems keep their suffix (道县). */
export function shortDivisionName(name: string): string {
  const autonomous = name.replace(AUTONOMOUS, '')
  if (autonomous !== name && autonomous.length >= 2) return autonomous
  const stem = name.replace(/(?:地区|林区|特区|市|县|区|旗|盟|州)$/, '')
  return stem.length >= 2 ? stem : name
}

/** The 简称 of a province-level name: 湖南省 → 湖南, 广西壮族自治区 → 广西, 北京市 → 北京. */
export function shortProvinceName(name: string): string {
  const m = /^(.+?)(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$/.exec(name)
  return m?.[1] ?? name
}

/** 登记注册类型 → the legal-form suffix of the company name, given its size. */
export function legalForm(ownership: string, revenueWan: number, u: number): string {
  const group = revenueWan >= 500_000 || (revenueWan >= 100_000 && u < 0.4)
  if (ownership === '股份有限公司') return group && u < 0.5 ? '集团股份有限公司' : '股份有限公司'
  if (group) return '集团有限公司'
  if (ownership === '国有企业') return '有限责任公司'
  if (ownership === '集体企业') return u < 0.6 ? '厂' : '有限公司'
  if (ownership === '有限责任公司') return u < 0.25 ? '有限责任公司' : '有限公司'
  return '有限公司'
}

const CHINESE_ORDINALS = ['二', '三', '四', '五', '六', '七', '八', '九', '十']

/** '第二', '第三' … '第十', then '第11' … : the last resort of name deduplication. */
export function ordinal(n: number): string {
  return `第${CHINESE_ORDINALS[n - 2] ?? String(n)}`
}
