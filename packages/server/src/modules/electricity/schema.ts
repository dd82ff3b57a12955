import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { enterprises } from '../enterprises/schema.ts'
import { importBatches } from '../imports/schema.ts'

/**
 * The grid company's customer numbers (用电户号) mapped to enterprises, one row per revision: re-mapping an account
 * (a plant sold, a wrong first mapping) supersedes the row in force and adds revision + 1, so which enterprise an
 * account belonged to at any moment can be read back (recorded_at .. superseded_at is its time of validity). One
 * enterprise may hold several accounts; an account belongs to one enterprise at a time.
 */
export const gridAccounts = pgTable(
  'grid_accounts',
  {
    id: serial('id').primaryKey(),
    /** normalised: upper case, no spaces; leading zeros kept (a code, never a number) */
    accountNumber: text('account_number').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** 户名: the name the grid company keeps for the account, as given */
    accountName: text('account_name'),
    revision: integer('revision').notNull(),
    /** the import that mapped it (a mapping file, or an electricity file that mapped new accounts); null when mapped in the UI or by the demo */
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** why it was re-mapped (optional) */
    note: text('note'),
  },
  (t) => [
    uniqueIndex('grid_accounts_current_uq').on(t.accountNumber).where(sql`${t.supersededAt} is null`),
    uniqueIndex('grid_accounts_revision_uq').on(t.accountNumber, t.revision),
    index('grid_accounts_enterprise_idx').on(t.enterpriseId).where(sql`${t.supersededAt} is null`),
    check('grid_accounts_revision', sql`${t.revision} >= 1`),
  ],
)

/**
 * Enterprise electricity by calendar month (企业用电量) from the grid company, in 万千瓦时: the MONTH's value, not a
 * year-to-date one. One row per revision like monthly_reports: a correction supersedes the row in force and adds
 * revision + 1. One reading per enterprise and month: the grid reports one row per account and month, and the rows
 * of an enterprise's accounts are summed (`parts` keeps each account's row and value); a reading from one row keeps
 * its account number in `account_number` (null when the row named the enterprise by its USCC).
 */
export const electricityReadings = pgTable(
  'electricity_readings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: smallint('year').notNull(),
    /** calendar month 1..12 */
    month: smallint('month').notNull(),
    revision: integer('revision').notNull(),
    /** 万千瓦时, four places (one kWh) */
    value: numeric('value', { precision: 16, scale: 4 }).notNull(),
    accountNumber: text('account_number'),
    /** [{ row, accountNumber, value }] when several account rows were summed; null otherwise */
    parts: jsonb('parts'),
    /** null only for rows the demo generator writes */
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    revisionReason: text('revision_reason'),
  },
  (t) => [
    // the revision in force is one row per enterprise and month: the usual read is an index lookup
    uniqueIndex('electricity_readings_current_uq').on(t.enterpriseId, t.year, t.month).where(sql`${t.supersededAt} is null`),
    uniqueIndex('electricity_readings_revision_uq').on(t.enterpriseId, t.year, t.month, t.revision),
    index('electricity_readings_period_idx').on(t.year, t.month).where(sql`${t.supersededAt} is null`),
    index('electricity_readings_batch_idx').on(t.batchId),
    check('electricity_readings_month', sql`${t.month} between 1 and 12`),
    check('electricity_readings_revision', sql`${t.revision} >= 1`),
    check('electricity_readings_value', sql`${t.value} >= 0`),
  ],
)

/** One account's row of a reading summed from several accounts. */
export interface ReadingPart {
  row: number | null
  accountNumber: string
  /** decimal text, 万千瓦时 */
  value: string
}
