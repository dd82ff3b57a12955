import type { WarningSeverity, WarningStatus } from './types.ts'

/** Tag colours of warnings, shared by the dashboard and the warning centre. */
export const SEVERITY_COLOR: Record<WarningSeverity, string> = { high: 'red', medium: 'orange', low: 'blue' }
export const STATUS_COLOR: Record<WarningStatus, string> = { new: 'volcano', acknowledged: 'gold', resolved: 'green' }
