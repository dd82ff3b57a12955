// Monthly dispatch (月调度): the definitions of docs/methodology.md as pure functions.
export { toFen, fenText, roundHalfUp, DecimalTextError } from './money.ts'
export type { FieldProblem } from './problems.ts'
export { emptyAggregate, addTo, merge, growthPct, pullPct, contributionPct, currentMonth } from './growth.ts'
export type { Aggregate } from './growth.ts'
export { profitChange, describeProfitChange } from './profit.ts'
export type { ProfitChange } from './profit.ts'
export { targetStatus } from './targets.ts'
export type { TargetKind, TargetStatus } from './targets.ts'
export { rank, rankChange, validateCompositeScheme, compositeScores } from './ranking.ts'
export type { RankInput, Ranked, RankDirection, CompositeItem, CompositeScheme } from './ranking.ts'
export {
  warningRuleIds, defaultWarningRules, warningRuleInfo, validateWarningRule, enterpriseWarnings, regionWarnings,
} from './warnings.ts'
export type {
  WarningRuleId, WarningSeverity, WarningRule, WarningRuleInfo, EnterpriseFacts, RegionFacts, WarningHit,
} from './warnings.ts'
export {
  fitNowcast, predictNowcast, backtestNowcast, studentTCdf, studentTQuantile, NOWCAST_MIN_POINTS,
} from './nowcast.ts'
export type { NowcastPoint, NowcastModel } from './nowcast.ts'
