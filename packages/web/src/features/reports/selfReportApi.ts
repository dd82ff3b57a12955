import { api } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'

/** The key enterprise's own form (企业自主填报): its endpoints and the figures it sends. */

export const SELF_REPORT_FIELDS = ['grossOutputCum', 'grossOutputPriorCum', 'revenueCum', 'revenuePriorCum', 'profitCum', 'profitPriorCum', 'electricityCum', 'employees'] as const
export type SelfReportField = (typeof SELF_REPORT_FIELDS)[number]

export type SelfReportInput = { period: string; revisionReason?: string } & Partial<Record<SelfReportField, number | null>>

export interface SelfReportResult {
  outcome: 'created' | 'revised' | 'unchanged'
  batchId: number | null
  year: number
  month: number
  warnings: FieldError[]
}

/** One revision of the enterprise's own report; amounts are decimal text in 万元 (electricity 万千瓦时). */
export interface OwnReport {
  year: number
  month: number
  revision: number
  /** import | selfReport */
  source: string
  grossOutputCum: string | null
  grossOutputPriorCum: string | null
  revenueCum: string | null
  revenuePriorCum: string | null
  profitCum: string | null
  profitPriorCum: string | null
  electricityCum: string | null
  employees: number | null
  batchId: number | null
  recordedAt: string
  supersededAt: string | null
  revisionReason: string | null
}

export const selfReportApi = {
  submit: (input: SelfReportInput) => api<SelfReportResult>('/reports/self', { method: 'POST', json: input }),
  own: () => api<{ uscc: string; name: string; items: OwnReport[] }>('/reports/self'),
}

/** The form's values from a report (to correct it), numbers as the inputs hold them. */
export function formValuesOf(r: OwnReport): Partial<Record<SelfReportField, number | null>> {
  const out: Partial<Record<SelfReportField, number | null>> = {}
  for (const f of SELF_REPORT_FIELDS) {
    const v = r[f]
    out[f] = v === null ? null : Number(v)
  }
  return out
}
