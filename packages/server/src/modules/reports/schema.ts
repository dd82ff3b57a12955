import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { enterprises } from '../enterprises/schema.ts'
import { importBatches } from '../imports/schema.ts'

const money = (name: string) => numeric(name, { precision: 16, scale: 2 })

/**
 * Monthly enterprise statistics (规上工业企业月度主要指标), one row per revision: a correction supersedes the
 * row in force (superseded_at) and adds revision + 1, so any figure as it stood at any moment can be read back,
 * and traced to the batch and source row it came from. Values are year-to-date (1—本月累计) in 万元 (electricity
 * 万千瓦时). A null 上年同期 means the file had none: readers fall back to the enterprise's own report of the
 * same period of the previous year, and without one the enterprise has no comparable base (never zero).
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: smallint('year').notNull(),
    /** the last month of the cumulation: 2..12 (1—2月 is month 2), or 1 where a source reports January alone */
    month: smallint('month').notNull(),
    revision: integer('revision').notNull(),
    grossOutputCum: money('gross_output_cum'),
    grossOutputPriorCum: money('gross_output_prior_cum'),
    revenueCum: money('revenue_cum'),
    revenuePriorCum: money('revenue_prior_cum'),
    profitCum: money('profit_cum'),
    profitPriorCum: money('profit_prior_cum'),
    electricityCum: money('electricity_cum'),
    employees: integer('employees'),
    /** null only for rows the demo generator writes */
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    revisionReason: text('revision_reason'),
    /** how the figures arrived: 'import' (a file, or the demo generator) or 'selfReport' (the enterprise's own web form) */
    source: text('source').notNull().default('import'),
  },
  (t) => [
    // the revision in force is one row per enterprise and period: the usual read is an index lookup
    uniqueIndex('monthly_reports_current_uq').on(t.enterpriseId, t.year, t.month).where(sql`${t.supersededAt} is null`),
    uniqueIndex('monthly_reports_revision_uq').on(t.enterpriseId, t.year, t.month, t.revision),
    index('monthly_reports_period_idx').on(t.year, t.month).where(sql`${t.supersededAt} is null`),
    index('monthly_reports_batch_idx').on(t.batchId),
    check('monthly_reports_month', sql`${t.month} between 1 and 12`),
    check('monthly_reports_revision', sql`${t.revision} >= 1`),
    check('monthly_reports_source', sql`${t.source} in ('import', 'selfReport')`),
  ],
)

/** Publication of a period: once closed, changing its figures needs an explicit revision reason. */
export const reportPeriods = pgTable(
  'report_periods',
  {
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
  },
  (t) => [primaryKey({ columns: [t.year, t.month] }), check('report_periods_status', sql`${t.status} in ('open', 'closed')`)],
)
