/**
 * 登记管理部门代码 (position 1) and 机构类别代码 (position 2) of GB 32100-2015, table as in
 * uscc-utils v0.7.0 `USCC_CATEGORY_MAP` (see docs policy-rules §5, confidence HIGH).
 */

export type UsccCategory = { readonly name: string; readonly nameEn: string }

export type UsccDepartment = {
  readonly code: string
  readonly name: string
  readonly nameEn: string
  /** Keyed by the position-2 character. */
  readonly categories: Readonly<Record<string, UsccCategory>>
}

const other: UsccCategory = { name: '其他', nameEn: 'Other' }

export const usccDepartments: Readonly<Record<string, UsccDepartment>> = {
  '1': {
    code: '1', name: '机构编制', nameEn: 'Institutional establishment',
    categories: {
      '1': { name: '机关', nameEn: 'Government organ' },
      '2': { name: '事业单位', nameEn: 'Public institution' },
      '3': { name: '编办直接管理机构编制的群众团体', nameEn: 'Mass organisation under the establishment office' },
      '9': other,
    },
  },
  '2': {
    code: '2', name: '外交', nameEn: 'Foreign affairs',
    categories: { '1': { name: '外国常驻新闻机构', nameEn: 'Resident foreign news agency' }, '9': other },
  },
  '3': {
    code: '3', name: '司法行政', nameEn: 'Judicial administration',
    categories: {
      '1': { name: '律师执业机构', nameEn: 'Law firm' },
      '2': { name: '公证处', nameEn: 'Notary office' },
      '3': { name: '基层法律服务所', nameEn: 'Grassroots legal service office' },
      '4': { name: '司法鉴定机构', nameEn: 'Judicial expertise institution' },
      '5': { name: '仲裁委员会', nameEn: 'Arbitration commission' },
      '9': other,
    },
  },
  '4': {
    code: '4', name: '文化', nameEn: 'Culture',
    categories: { '1': { name: '外国在华文化中心', nameEn: 'Foreign cultural centre in China' }, '9': other },
  },
  '5': {
    code: '5', name: '民政', nameEn: 'Civil affairs',
    categories: {
      '1': { name: '社会团体', nameEn: 'Social organisation' },
      '2': { name: '民办非企业单位', nameEn: 'Private non-enterprise unit' },
      '3': { name: '基金会', nameEn: 'Foundation' },
      '9': other,
    },
  },
  '6': {
    code: '6', name: '旅游', nameEn: 'Tourism',
    categories: {
      '1': { name: '外国旅游部门常驻代表机构', nameEn: 'Representative office of a foreign tourism authority' },
      '2': { name: '港澳台地区旅游部门常驻内地（大陆）代表机构', nameEn: 'Representative office of a Hong Kong, Macao or Taiwan tourism authority' },
      '9': other,
    },
  },
  '7': {
    code: '7', name: '宗教', nameEn: 'Religious affairs',
    categories: {
      '1': { name: '宗教活动场所', nameEn: 'Place of religious activity' },
      '2': { name: '宗教院校', nameEn: 'Religious school' },
      '9': other,
    },
  },
  '8': {
    code: '8', name: '工会', nameEn: 'Trade union',
    categories: { '1': { name: '基层工会', nameEn: 'Grassroots trade union' }, '9': other },
  },
  '9': {
    code: '9', name: '工商', nameEn: 'Market regulation (industry and commerce)',
    categories: {
      '1': { name: '企业', nameEn: 'Enterprise' },
      '2': { name: '个体工商户', nameEn: 'Individual business' },
      '3': { name: '农民专业合作社', nameEn: "Farmers' specialised cooperative" },
    },
  },
  A: {
    code: 'A', name: '中央军委改革和编制办公室', nameEn: 'CMC Reform and Organisation Office',
    categories: { '1': { name: '军队事业单位', nameEn: 'Military public institution' }, '9': other },
  },
  N: {
    code: 'N', name: '农业', nameEn: 'Agriculture',
    categories: {
      '1': { name: '组级集体经济组织', nameEn: 'Group-level collective economic organisation' },
      '2': { name: '村级集体经济组织', nameEn: 'Village-level collective economic organisation' },
      '3': { name: '乡镇级集体经济组织', nameEn: 'Township-level collective economic organisation' },
      '9': other,
    },
  },
  // The standard defines no 机构类别 for Y. Rejecting every Y code would reject legally issued codes, so we accept
  // the position-2 characters the standard's own pattern allows ([1-59]) and name them all 其他.
  Y: {
    code: 'Y', name: '其他', nameEn: 'Other registering department',
    categories: { '1': other, '2': other, '3': other, '4': other, '5': other, '9': other },
  },
}

export function usccDepartmentOf(code: string): UsccDepartment | null {
  return Object.hasOwn(usccDepartments, code) ? (usccDepartments[code] ?? null) : null
}

export function usccCategoryOf(department: string, category: string): UsccCategory | null {
  const dept = usccDepartmentOf(department)
  if (dept === null || !Object.hasOwn(dept.categories, category)) return null
  return dept.categories[category] ?? null
}
