import { monthlyValueFields, periodKey, type MonthlyValueField } from '@gongxin/domain'
import type { Db } from '../../db/index.ts'
import type { Actor } from '../../http/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { commitRows, reconcileRows, rowOf, RowsRefused } from './import.ts'

/** A key enterprise's own monthly figures, as its web form sends them. */
export interface SelfReportInput {
  /** as the form sends it: 2025-11 (1—11月), 2025-02 (1—2月); any form parsePeriod reads */
  period: string
  /** year-to-date figures in 万元 (electricity 万千瓦时); null or absent for an empty field */
  figures: Partial<Record<MonthlyValueField | 'employees', number | null>>
  /** required to change a period closed for publication */
  revisionReason?: string | undefined
}

export interface SelfReportResult {
  outcome: 'created' | 'revised' | 'unchanged'
  /** the batch (kind monthly, one row) the revision traces to; null when nothing changed */
  batchId: number | null
  year: number
  month: number
  warnings: FieldError[]
}

// a form has no rows or columns: an error names its field
const formError = ({ row: _row, column: _column, ...e }: FieldError): FieldError => e

function refused(errors: FieldError[]): AppError {
  const listed = errors.map(formError)
  return new AppError('VALIDATION', { summary: { zh: listed.map((e) => e.message.zh).join('；'), en: listed.map((e) => e.message.en).join('; ') } }, listed)
}

/**
 * Files an enterprise user's own monthly report: checked exactly like a row of the monthly statistics import (the
 * same row check, the same lookups, the same closed-period rule), then written as a revision with source
 * 'selfReport' under a batch of kind 'monthly' with one row, audited as reports.selfReport. Submitting the same
 * figures again changes nothing; different figures for the same period write revision + 1.
 */
/** An official (a region scope) has no enterprise of their own to report for. */
export const noOwnEnterprise = () =>
  new AppError('NOT_FOUND', { what: { zh: '您所属的企业（自主填报仅供企业用户填报本企业数据）', en: 'your enterprise (self-reports are filed by enterprise users for their own enterprise)' } })

export async function submitSelfReport(db: Db, actor: Actor, input: SelfReportInput, now = new Date()): Promise<SelfReportResult> {
  if (actor.scope.kind !== 'enterprise') throw noOwnEnterprise()
  const reason = input.revisionReason?.trim() || undefined
  const values: Record<string, number | null> = {}
  for (const f of [...monthlyValueFields, 'employees'] as const) values[f] = input.figures[f] ?? null
  const row = rowOf({ rowNumber: 1, cellRefs: {}, errors: [], failed: new Set(), uscc: actor.scope.uscc, period: input.period.trim() || null, periodText: input.period, values }, {}, now)
  if (!row.errors.length) await reconcileRows(db, actor, [row], {}, reason)
  if (row.errors.length || !row.period) throw refused(row.errors)
  const { year, month } = row.period
  const warnings = row.warnings.map(formError)
  if (row.outcome === 'unchanged') return { outcome: 'unchanged', batchId: null, year, month, warnings }
  const submitted = { uscc: actor.scope.uscc, period: periodKey(row.period), figures: row.figures, ...(reason ? { revisionReason: reason } : {}) }
  try {
    const { batchId } = await commitRows(db, actor, [row], {
      batch: { kind: 'monthly', fileName: `自主填报 ${actor.scope.uscc} ${periodKey(row.period)}.json`, data: Buffer.from(JSON.stringify(submitted)), source: actor.source },
      reason, source: 'selfReport', auditAction: 'reports.selfReport',
    })
    return { outcome: row.outcome === 'revised' ? 'revised' : 'created', batchId, year, month, warnings: row.warnings.map(formError) }
  } catch (e) {
    if (e instanceof RowsRefused) throw refused(row.errors)
    throw e
  }
}
