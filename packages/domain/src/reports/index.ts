export {
  parsePeriod, periodKey, periodLabel, comparePeriods, currentPeriod, isFuturePeriod, firstPeriodMonth, periodsOfYear,
  MIN_PERIOD_YEAR, MAX_PERIOD_YEAR, parseMonth, monthLabel, previousMonth, nextMonth,
} from './period.ts'
export type { Period, PeriodResult, PeriodOptions } from './period.ts'
export {
  monthlyValueFields, requiredMonthlyFields, monthlyFieldLabel, decimalText, currentMonthValue, checkMonthlyReport,
} from './figures.ts'
export type {
  MonthlyValueField, MonthlyFigures, MonthlyNumbers, FigureIssue, MonthlyCheck, MonthlyCheckOptions, PreviousReport,
} from './figures.ts'
