/**
 * GB/T 4754-2017 门类 (sections). Each section covers a consecutive range of 大类 (divisions), which is how a
 * division's section is derived. Names: docs policy-rules §7 for B, C, D; the others from the standard's table.
 */

export const sectionLetters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const
export type SectionLetter = (typeof sectionLetters)[number]

export type Section = {
  readonly code: SectionLetter
  readonly name: string
  readonly nameEn: string
  /** First and last division, inclusive, as numbers. */
  readonly divisions: readonly [number, number]
}

const s = (code: SectionLetter, name: string, nameEn: string, from: number, to: number): Section =>
  ({ code, name, nameEn, divisions: [from, to] })

export const sections: readonly Section[] = [
  s('A', '农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery', 1, 5),
  s('B', '采矿业', 'Mining', 6, 12),
  s('C', '制造业', 'Manufacturing', 13, 43),
  s('D', '电力、热力、燃气及水生产和供应业', 'Production and supply of electricity, heat, gas and water', 44, 46),
  s('E', '建筑业', 'Construction', 47, 50),
  s('F', '批发和零售业', 'Wholesale and retail trade', 51, 52),
  s('G', '交通运输、仓储和邮政业', 'Transport, storage and postal services', 53, 60),
  s('H', '住宿和餐饮业', 'Accommodation and catering', 61, 62),
  s('I', '信息传输、软件和信息技术服务业', 'Information transmission, software and information technology services', 63, 65),
  s('J', '金融业', 'Finance', 66, 69),
  s('K', '房地产业', 'Real estate', 70, 70),
  s('L', '租赁和商务服务业', 'Leasing and business services', 71, 72),
  s('M', '科学研究和技术服务业', 'Scientific research and technical services', 73, 75),
  s('N', '水利、环境和公共设施管理业', 'Water conservancy, environment and public facilities management', 76, 79),
  s('O', '居民服务、修理和其他服务业', 'Resident services, repair and other services', 80, 82),
  s('P', '教育', 'Education', 83, 83),
  s('Q', '卫生和社会工作', 'Health and social work', 84, 85),
  s('R', '文化、体育和娱乐业', 'Culture, sports and entertainment', 86, 90),
  s('S', '公共管理、社会保障和社会组织', 'Public administration, social security and social organisations', 91, 96),
  s('T', '国际组织', 'International organisations', 97, 97),
]

export function isSectionLetter(value: string): value is SectionLetter {
  return (sectionLetters as readonly string[]).includes(value)
}

/** The section of a division number 1–97; null outside that range. */
export function sectionOfDivision(division: number): SectionLetter | null {
  return sections.find((x) => division >= x.divisions[0] && division <= x.divisions[1])?.code ?? null
}
