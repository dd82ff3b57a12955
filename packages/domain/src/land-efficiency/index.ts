export {
  landDataFields, landDataFieldLabels, landIndicatorDefs, landIndicatorIds, landClasses, validateScheme,
} from './scheme.ts'
export type {
  LandDataField, LandIndicatorId, LandClass, EvaluationUnit, Benchmark, Normalization, IndicatorSpec, AdjustmentSpec, VetoSpec, RankBand,
  ScoreLine, ClassRule, ClassPolicy, LandScope, SchemeSource, LandScheme, SchemeIssue,
} from './scheme.ts'
export { evaluateLandEfficiency, unitKeyOf, listKeyOf, specsOf, landTReason, rebuildLandResult } from './evaluate.ts'
export type {
  LandEnterpriseData, PreviousClass, EvaluateInput, TReason, MissingKind, BenchmarkBasis, TraceStep, PolicyEffect, LandResult, LandSummary, LandEvaluation, IndicatorParams, StoredLandResult,
} from './evaluate.ts'
export { explainLandResult } from './explain.ts'
export { landLeaders, parkEfficiency, classChanges } from './aggregate.ts'
export type { ParkEfficiency } from './aggregate.ts'
export { landSchemePresets, landPreset, huangyan2022, huaian2024, anhuiMinmax, shandong2019, bandsFromWidths } from './presets.ts'
