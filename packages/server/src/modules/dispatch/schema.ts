import { sql } from 'drizzle-orm'
import { bigint, boolean, char, check, index, integer, jsonb, numeric, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { users } from '../auth/schema.ts'
import { enterprises } from '../enterprises/schema.ts'

/**
 * The version of the facts a month's dispatch reads. Every writer of facts (monthly statistics, electricity,
 * official statistics, targets, the demo generator) bumps the versions of the periods whose dispatch its
 * write can change, in its own transaction (see facts.ts). A kept dispatch result records the version it was
 * computed from; a result whose version is behind is recomputed before it is served.
 */
export const factVersions = pgTable(
  'fact_versions',
  {
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.month] }), check('fact_versions_month', sql`${t.month} between 1 and 12`)],
)

/**
 * The dispatch of a period, computed once and kept: one row per region (province, city, county) holding the
 * region's figures as the JSON the API and the CLI print (without the warnings, read live from `warnings`).
 * `factVersion` is the period's fact version it read and `asOf` the moment whose revisions it read, so a
 * published bulletin can be reproduced exactly (recompute as of that moment).
 */
export const dispatchResults = pgTable(
  'dispatch_results',
  {
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    /** 1 province, 2 city (prefecture), 3 county */
    level: smallint('level').notNull(),
    /** the region's dispatch as JSON text (kept as text: served without parsing) */
    payload: text('payload').notNull(),
    factVersion: bigint('fact_version', { mode: 'number' }).notNull(),
    rulesVersion: bigint('rules_version', { mode: 'number' }).notNull(),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.month, t.regionCode] })],
)

/** Warning rules (预警规则) as data: thresholds editable; the defaults come from the domain. */
export const warningRules = pgTable('warning_rules', {
  id: text('id').primaryKey(),
  enabled: boolean('enabled').notNull(),
  threshold: numeric('threshold', { precision: 10, scale: 2 }),
  severity: text('severity').notNull(),
  /** bumped on every edit: kept dispatch results computed under an older version are recomputed */
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * A warning (预警) raised by a rule for an enterprise or a region in a period. Recomputing a period updates the
 * figures of warnings that still fire and keeps their status, owner and note; a new warning that no longer
 * fires is removed, a handled one is kept and marked inactive.
 */
export const warnings = pgTable(
  'warnings',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    rule: text('rule').notNull(),
    /** enterprise: the enterprise's USCC; region: the region code */
    subjectKind: text('subject_kind').notNull(),
    subject: text('subject').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** the county of the enterprise, or the region itself: scope is a prefix condition on it */
    regionCode: char('region_code', { length: 6 }).notNull(),
    severity: text('severity').notNull(),
    figures: jsonb('figures').notNull(),
    threshold: numeric('threshold', { precision: 10, scale: 2 }),
    reasonZh: text('reason_zh').notNull(),
    reasonEn: text('reason_en').notNull(),
    /** new | acknowledged | resolved */
    status: text('status').notNull().default('new'),
    /** false when the latest computation no longer raises it (kept because it was handled) */
    active: boolean('active').notNull().default(true),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('warnings_subject_uq').on(t.year, t.month, t.rule, t.subject),
    index('warnings_period_region_idx').on(t.year, t.month, t.regionCode),
    index('warnings_owner_idx').on(t.ownerUserId),
    check('warnings_status', sql`${t.status} in ('new', 'acknowledged', 'resolved')`),
    check('warnings_subject_kind', sql`${t.subjectKind} in ('enterprise', 'region')`),
  ],
)

/**
 * Composite scoring schemes (年度考核): weighted indicators ranked among regions. Validated by the domain
 * (validateCompositeScheme); the default scheme is written the first time the schemes are read.
 */
export const compositeSchemes = pgTable('composite_schemes', {
  id: text('id').primaryKey(),
  /** the scheme as the domain's CompositeScheme (name, items, method) */
  scheme: jsonb('scheme').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Every bulletin issued: the figures it printed (the dispatch JSON with its warnings and the peer lines), so that a
 * published bulletin is reproduced exactly later, whatever the facts became since.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    title: text('title').notNull(),
    /** the moment whose revisions the figures read, and the period's fact version then */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    factVersion: bigint('fact_version', { mode: 'number' }).notNull(),
    /** { dispatch, peers } as JSON text */
    content: text('content').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bulletins_period_idx').on(t.year, t.month, t.regionCode)],
)
