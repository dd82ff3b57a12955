/**
 * The 34 province-level divisions of GB/T 2260 (31 on the mainland, plus 台湾 71, 香港 81, 澳门 82). Kept in the
 * domain so peer groups and scopes can be shown and checked without a database round-trip; the full division table
 * (prefectures, counties) lives in the server's database.
 */

export type Province = {
  /** 6-digit GB/T 2260 code, e.g. '430000'. */
  readonly code: string
  readonly name: string
  /** 简称 as used in rankings and charts (湖南, 内蒙古, 广西). */
  readonly shortName: string
  readonly nameEn: string
  /** Kind, which decides the name of a synthesised 直辖县级 prefecture (省 vs 自治区) and the municipality rules. */
  readonly kind: 'province' | 'autonomousRegion' | 'municipality' | 'sar'
}

const p = (code: string, name: string, shortName: string, nameEn: string, kind: Province['kind']): Province =>
  ({ code, name, shortName, nameEn, kind })

export const provinces: readonly Province[] = [
  p('110000', '北京市', '北京', 'Beijing', 'municipality'),
  p('120000', '天津市', '天津', 'Tianjin', 'municipality'),
  p('130000', '河北省', '河北', 'Hebei', 'province'),
  p('140000', '山西省', '山西', 'Shanxi', 'province'),
  p('150000', '内蒙古自治区', '内蒙古', 'Inner Mongolia', 'autonomousRegion'),
  p('210000', '辽宁省', '辽宁', 'Liaoning', 'province'),
  p('220000', '吉林省', '吉林', 'Jilin', 'province'),
  p('230000', '黑龙江省', '黑龙江', 'Heilongjiang', 'province'),
  p('310000', '上海市', '上海', 'Shanghai', 'municipality'),
  p('320000', '江苏省', '江苏', 'Jiangsu', 'province'),
  p('330000', '浙江省', '浙江', 'Zhejiang', 'province'),
  p('340000', '安徽省', '安徽', 'Anhui', 'province'),
  p('350000', '福建省', '福建', 'Fujian', 'province'),
  p('360000', '江西省', '江西', 'Jiangxi', 'province'),
  p('370000', '山东省', '山东', 'Shandong', 'province'),
  p('410000', '河南省', '河南', 'Henan', 'province'),
  p('420000', '湖北省', '湖北', 'Hubei', 'province'),
  p('430000', '湖南省', '湖南', 'Hunan', 'province'),
  p('440000', '广东省', '广东', 'Guangdong', 'province'),
  p('450000', '广西壮族自治区', '广西', 'Guangxi', 'autonomousRegion'),
  p('460000', '海南省', '海南', 'Hainan', 'province'),
  p('500000', '重庆市', '重庆', 'Chongqing', 'municipality'),
  p('510000', '四川省', '四川', 'Sichuan', 'province'),
  p('520000', '贵州省', '贵州', 'Guizhou', 'province'),
  p('530000', '云南省', '云南', 'Yunnan', 'province'),
  p('540000', '西藏自治区', '西藏', 'Xizang (Tibet)', 'autonomousRegion'),
  p('610000', '陕西省', '陕西', 'Shaanxi', 'province'),
  p('620000', '甘肃省', '甘肃', 'Gansu', 'province'),
  p('630000', '青海省', '青海', 'Qinghai', 'province'),
  p('640000', '宁夏回族自治区', '宁夏', 'Ningxia', 'autonomousRegion'),
  p('650000', '新疆维吾尔自治区', '新疆', 'Xinjiang', 'autonomousRegion'),
  p('710000', '台湾省', '台湾', 'Taiwan', 'province'),
  p('810000', '香港特别行政区', '香港', 'Hong Kong', 'sar'),
  p('820000', '澳门特别行政区', '澳门', 'Macao', 'sar'),
]

const byCode = new Map(provinces.map((pr) => [pr.code, pr]))

/** Accepts '43' or '430000'. */
export function provinceByCode(code: string): Province | null {
  const full = /^\d{2}$/.test(code) ? `${code}0000` : code
  return byCode.get(full) ?? null
}

export const MUNICIPALITY_CODES: readonly string[] = provinces.filter((pr) => pr.kind === 'municipality').map((pr) => pr.code)
