export { indicatorIds, indicatorCatalog, indicatorById, isIndicatorId, findIndicator, indicatorNameKey } from './catalogue.ts'
export type {
  Indicator, IndicatorId, IndicatorKind, IndicatorFrequency, IndicatorDirection, IndicatorUnit, ThresholdBasis,
} from './catalogue.ts'
export {
  parseUnit, checkUnit, checkIndicatorValue, checkIndicatorPeriod, publicationMonths, roundPublished, valueText,
  formatIndicatorValue, assessIndicator, parseTargetYear, VALUE_SCALE,
} from './values.ts'
export type { ValueCheck, Assessment, AssessmentResult } from './values.ts'
export { createRegionResolver, regionNameKey } from './regionNames.ts'
export type { RegionRow, RegionResolution, RegionResolver } from './regionNames.ts'
export { officialStatVisible, mayWriteOfficialStat, targetVisible, mayWriteTarget } from './access.ts'
