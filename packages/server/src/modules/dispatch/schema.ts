import { sql } from 'drizzle-orm'
import { bigint, check, pgTable, primaryKey, smallint, timestamp } from 'drizzle-orm/pg-core'

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
