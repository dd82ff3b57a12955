export {
  isValidDivisionCodeFormat,
  divisionLevel,
  parentCode,
  provinceCodeOf,
  scopePrefixOf,
  divisionCodeOfScopePrefix,
  isValidScopePrefix,
  isWithinScope,
  isStatisticsOnlyCode,
} from './divisionCode.ts'
export type { DivisionLevel } from './divisionCode.ts'
export { provinces, provinceByCode, MUNICIPALITY_CODES } from './provinces.ts'
export type { Province } from './provinces.ts'
export {
  normalizeDivisionRows,
  normalizeDivisionRowsWithReport,
  supersededCounties,
  COEXISTING_COUNTY_CODES,
  ABOLISHED_COUNTY_CODES,
} from './normalizeDivisionRows.ts'
export type {
  RawDivisionRow,
  DivisionSourceRows,
  DivisionRow,
  DroppedDivision,
  DroppedDivisionReason,
  DivisionNormalization,
} from './normalizeDivisionRows.ts'
export { peerGroups, peerGroupIds, peerGroupById, peerGroupsOf, peerGroupYears, isPeerGroupId } from './peerGroups.ts'
export type { PeerGroup, PeerGroupId, Confidence } from './peerGroups.ts'
