import { sql } from 'drizzle-orm'
import { char, check, index, integer, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { importBatches } from '../imports/schema.ts'
import { indicators } from '../indicators/schema.ts'
import { divisions } from '../regions/schema.ts'

/**
 * Annual targets (年度目标): region × year × indicator → target, a growth in per cent (6.5) or a level (新增规上工业
 * 企业 1000 家), in the indicator's unit. Kept with revisions like every fact: entering a target again in the UI or
 * importing a changed file supersedes the row in force and adds revision + 1. The revision is the optimistic
 * version the UI sends back when it edits a target.
 */
export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    regionCode: char('region_code', { length: 6 })
      .notNull()
      .references(() => divisions.code),
    year: smallint('year').notNull(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    target: numeric('target', { precision: 18, scale: 4 }).notNull(),
    unit: text('unit').notNull(),
    revision: integer('revision').notNull(),
    /** the import batch, or null for a target entered in the UI (or by the demo generator) */
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    /** who set it: the user, 'cli:…' or 'demo' */
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    revisionReason: text('revision_reason'),
  },
  (t) => [
    uniqueIndex('targets_current_uq').on(t.regionCode, t.indicatorId, t.year).where(sql`${t.supersededAt} is null`),
    uniqueIndex('targets_revision_uq').on(t.regionCode, t.indicatorId, t.year, t.revision),
    index('targets_year_idx').on(t.year).where(sql`${t.supersededAt} is null`),
    index('targets_batch_idx').on(t.batchId),
    check('targets_revision', sql`${t.revision} >= 1`),
  ],
)
