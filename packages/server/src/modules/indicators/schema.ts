import { sql } from 'drizzle-orm'
import { bigserial, boolean, char, check, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { importBatches } from '../imports/schema.ts'
import { divisions } from '../regions/schema.ts'

/**
 * The indicator catalogue (指标目录), a copy of the domain's `indicatorCatalog` that reference-data loading keeps
 * up to date (modules/reference/load.ts): the foreign key of official figures and targets, and what SQL reports
 * join to for names and units. The domain list is the source; never edit these rows by hand.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: text('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    /** growth | level */
    kind: text('kind').notNull(),
    /** monthly | quarterly | annual */
    frequency: text('frequency').notNull(),
    cumulative: boolean('cumulative').notNull(),
    sourceZh: text('source_zh').notNull(),
    precision: smallint('precision').notNull(),
    /** higherIsBetter | lowerIsBetter */
    direction: text('direction').notNull(),
    /** value | schedulePace */
    thresholdBasis: text('threshold_basis').notNull(),
    alarmThreshold: numeric('alarm_threshold', { precision: 18, scale: 4 }).notNull(),
    excellenceThreshold: numeric('excellence_threshold', { precision: 18, scale: 4 }).notNull(),
    computed: boolean('computed').notNull(),
    sortOrder: smallint('sort_order').notNull(),
  },
  (t) => [
    check('indicators_kind', sql`${t.kind} in ('growth', 'level')`),
    check('indicators_frequency', sql`${t.frequency} in ('monthly', 'quarterly', 'annual')`),
    check('indicators_direction', sql`${t.direction} in ('higherIsBetter', 'lowerIsBetter')`),
  ],
)

/**
 * Official regional statistics (统计局公布数): a region of any level, anywhere in China (peer provinces too) ×
 * period × indicator → the published value, one row per revision like monthly_reports: a correction supersedes the
 * row in force (superseded_at) and adds revision + 1, so a figure as it stood at any moment can be read back and
 * traced to its batch and source row. The period is the year and the last month of the cumulation (an annual
 * figure is month 12, a quarterly one 3/6/9/12). Values are in the indicator's unit (growth in per cent).
 */
export const officialStats = pgTable(
  'official_stats',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: char('region_code', { length: 6 })
      .notNull()
      .references(() => divisions.code),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    value: numeric('value', { precision: 18, scale: 4 }).notNull(),
    /** the catalogue's unit at the time of recording (the file's, when given, was checked against it) */
    unit: text('unit').notNull(),
    /** the publication the figure was taken from (来源), as the file says */
    source: text('source'),
    revision: integer('revision').notNull(),
    /** null only for rows the demo generator writes */
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    revisionReason: text('revision_reason'),
  },
  (t) => [
    uniqueIndex('official_stats_current_uq').on(t.regionCode, t.indicatorId, t.year, t.month).where(sql`${t.supersededAt} is null`),
    uniqueIndex('official_stats_revision_uq').on(t.regionCode, t.indicatorId, t.year, t.month, t.revision),
    index('official_stats_period_idx').on(t.year, t.month, t.indicatorId).where(sql`${t.supersededAt} is null`),
    index('official_stats_batch_idx').on(t.batchId),
    check('official_stats_month', sql`${t.month} between 1 and 12`),
    check('official_stats_revision', sql`${t.revision} >= 1`),
  ],
)
