import { char, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { divisions } from '../regions/schema.ts'

/** 开发区 / 园区: an industrial park or development zone inside a county. */
export const parks = pgTable(
  'parks',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    countyCode: char('county_code', { length: 6 })
      .notNull()
      .references(() => divisions.code),
    /** national | provincial | other */
    level: text('level').notNull().default('provincial'),
    /** e.g. 经济技术开发区, 高新技术产业开发区, 工业园区 */
    kind: text('kind').notNull().default('工业园区'),
    areaKm2: integer('area_km2'),
  },
  (t) => [uniqueIndex('parks_name_uq').on(t.name)],
)
