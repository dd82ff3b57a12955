export { sections, sectionLetters, isSectionLetter, sectionOfDivision } from './sections.ts'
export type { Section, SectionLetter } from './sections.ts'
export { divisions } from './divisions.ts'
export type { Division } from './divisions.ts'
export { groups, GROUP_DIVISIONS } from './groups.ts'
export type { Group } from './groups.ts'
export {
  industries,
  industryCatalog,
  industryIndex,
  isValidIndustryCodeFormat,
  sectionOf,
  divisionOf,
  isIndustrial,
  industryCodeInfo,
} from './industryCode.ts'
export type { IndustryLevel, IndustryEntry, IndustryCodeInfo } from './industryCode.ts'
