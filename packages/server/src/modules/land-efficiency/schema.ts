import { sql } from 'drizzle-orm'
import { bigint, bigserial, char, check, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { enterprises } from '../enterprises/schema.ts'
import { importBatches } from '../imports/schema.ts'

const amount = (name: string) => numeric(name, { precision: 16, scale: 4 })

/**
 * Annual figures of 亩均效益评价 per enterprise and year (money 万元, land 亩, energy 吨标煤 等价值, electricity
 * 万千瓦时, emissions 吨), one row per revision like monthly_reports: a correction supersedes the row in force and
 * adds revision + 1. `sources` names each value's department (税务, 统计, 自然资源, 电力, 生态环境) and batch.
 */
export const landAnnualData = pgTable(
  'land_annual_data',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
    year: smallint('year').notNull(),
    revision: integer('revision').notNull(),
    landMu: amount('land_mu'),
    tax: amount('tax'),
    valueAdded: amount('value_added'),
    revenue: amount('revenue'),
    mainRevenue: amount('main_revenue'),
    energyTce: amount('energy_tce'),
    electricity: amount('electricity'),
    emissions: amount('emissions'),
    rdExpense: amount('rd_expense'),
    employees: integer('employees'),
    renovationInvestment: amount('renovation_investment'),
    /** field → { department, batchId } */
    sources: jsonb('sources').notNull().default(sql`'{}'::jsonb`),
    /** bonus, penalty and veto flags (majorSafetyAccident, highTech…) */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    /** null only for rows the demo generator writes */
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    revisionReason: text('revision_reason'),
  },
  (t) => [
    uniqueIndex('land_annual_data_current_uq').on(t.enterpriseId, t.year).where(sql`${t.supersededAt} is null`),
    uniqueIndex('land_annual_data_revision_uq').on(t.enterpriseId, t.year, t.revision),
    index('land_annual_data_year_idx').on(t.year).where(sql`${t.supersededAt} is null`),
    check('land_annual_data_revision', sql`${t.revision} >= 1`),
    check('land_annual_data_land', sql`${t.landMu} is null or ${t.landMu} >= 0`),
  ],
)

/** Evaluation schemes (the domain's LandScheme as JSON), versioned: a change is a new version, never an overwrite. */
export const landSchemes = pgTable(
  'land_schemes',
  {
    id: serial('id').primaryKey(),
    /** the scheme's id (a preset's id, or the operator's own) */
    code: text('code').notNull(),
    version: integer('version').notNull(),
    /** division code of the region the scheme belongs to ('' for presets any region may use) */
    region: text('region').notNull(),
    year: smallint('year').notNull(),
    nameZh: text('name_zh').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('land_schemes_code_version_uq').on(t.code, t.version)],
)

/** One run of a scheme over a year's data in a region; 'published' runs are the official list and last year's classes. */
export const landEvaluations = pgTable(
  'land_evaluations',
  {
    id: serial('id').primaryKey(),
    schemeId: integer('scheme_id').notNull().references(() => landSchemes.id),
    year: smallint('year').notNull(),
    /** the scope prefix the run covered ('' the whole province) */
    regionPrefix: text('region_prefix').notNull(),
    status: text('status').notNull().default('draft'),
    summary: jsonb('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** per ranking list and indicator, what the points depended on besides the enterprise's figures (domain IndicatorParams): rebuilds a trace */
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('land_evaluations_year_idx').on(t.year, t.status), check('land_evaluations_status', sql`${t.status} in ('draft', 'published')`)],
)

/**
 * Each enterprise's result of a run: class, total, rank, the figures' row it read (data_id, a revision never
 * overwritten), indicator values and points as arrays, and a detail for the few with more to say (missing?, policy?,
 * veto?, reason?). The trace is not stored: the score card rebuilds it from data_id, the run's params and the scheme
 * (domain rebuildLandResult), which keeps a run of the province one short bulk insert.
 */
export const landResults = pgTable(
  'land_results',
  {
    /** No foreign keys on land_results (evaluation, enterprise, data): the run writes its evaluation row and reads the
     *  enterprises and figures in the transaction that writes the results, and runs are never deleted; the per-row
     *  key checks were most of the time of storing a province's run (measured on PGlite, 17,483 rows: ~0.8–1.5 s of
     *  CPU with the three keys, ~0.15 s without). */
    evaluationId: integer('evaluation_id').notNull(),
    enterpriseId: integer('enterprise_id').notNull(),
    countyCode: char('county_code', { length: 6 }).notNull(),
    industry: char('industry', { length: 2 }),
    class: char('class', { length: 1 }).notNull(),
    total: numeric('total', { precision: 12, scale: 4 }),
    rank: integer('rank'),
    unitKey: text('unit_key').notNull(),
    /** 'above' or 'below' (the ranking list) */
    list: text('list').notNull().default('above'),
    /** indicator values and points, in the scheme's order for the list (domain specsOf); null for class T */
    indicatorValues: doublePrecision('indicator_values').array(),
    scores: doublePrecision('scores').array(),
    /** only what few results have: {missing?, policy?, veto?, reason?}; null otherwise */
    detail: jsonb('detail'),
    dataId: bigint('data_id', { mode: 'number' }),
    unitSize: integer('unit_size').notNull().default(0),
    previousClass: char('previous_class', { length: 1 }),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.enterpriseId] }),
    index('land_results_county_idx').on(t.evaluationId, t.countyCode),
    check('land_results_class', sql`${t.class} in ('A', 'B', 'C', 'D', 'T')`),
  ],
)
