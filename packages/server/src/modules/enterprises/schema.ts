import { sql } from 'drizzle-orm'
import {
  boolean, char, check, date, index, integer, numeric, pgTable, primaryKey, serial, smallint, text, timestamp,
} from 'drizzle-orm/pg-core'
import { divisions } from '../regions/schema.ts'
import { industries } from '../industries/schema.ts'
import { parks } from '../parks/schema.ts'

/** An enterprise, keyed by its USCC (统一社会信用代码). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    uscc: char('uscc', { length: 18 }).notNull().unique(),
    name: text('name').notNull(),
    countyCode: char('county_code', { length: 6 })
      .notNull()
      .references(() => divisions.code),
    parkId: integer('park_id').references(() => parks.id),
    /** GB/T 4754-2017 code as reported: a division ('39') or finer ('391', '3911') */
    industryCode: text('industry_code').notNull(),
    /** its division (大类), the level every aggregation uses; must exist in the catalogue */
    industryDivision: char('industry_division', { length: 2 })
      .notNull()
      .references(() => industries.code),
    foundedOn: date('founded_on'),
    /** 登记注册类型, e.g. 有限责任公司, 股份有限公司, 私营企业, 外商投资企业 */
    ownership: text('ownership'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** current above-scale status (mirror of the latest enterprise_scale_status row, kept for fast filtering) */
    aboveScale: boolean('above_scale').notNull().default(false),
    /** annual revenue of the latest year known, 万元 (for sorting and size display) */
    revenue: numeric('revenue', { precision: 16, scale: 2 }),
    employees: integer('employees'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The name's characters and character pairs, for a GIN index: Chinese names have no word boundaries and
     * pg_trgm ignores CJK characters in the C locale, so substring search narrows by these first
     * (gx_name_grams is created in migration 0003). PGlite has no autovacuum to merge the GIN index's pending
     * list, so bulk writers and the start merge it (db/statistics.ts mergeNameIndex): updating the index row
     * by row instead (fastupdate off) made 20,000 inserts three times slower.
     */
    nameGrams: text('name_grams')
      .array()
      .generatedAlwaysAs(sql`gx_name_grams(name)`),
    /** optimistic concurrency: incremented on each update */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('enterprises_county_idx').on(t.countyCode),
    index('enterprises_industry_idx').on(t.industryDivision, t.industryCode),
    index('enterprises_park_idx').on(t.parkId),
    index('enterprises_name_idx').on(t.name, t.id),
    index('enterprises_name_grams_idx').using('gin', t.nameGrams),
    check('enterprises_industry_division', sql`left(${t.industryCode}, 2) = ${t.industryDivision}`),
    check('enterprises_uscc_format', sql`${t.uscc} ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'`),
  ],
)

/** Above-scale (规上) status by year, with the reason it changed (入规, 退规, 新建投产, 注销…). */
export const enterpriseScaleStatus = pgTable(
  'enterprise_scale_status',
  {
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    aboveScale: boolean('above_scale').notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
)
