import { char, index, pgTable, smallint, text } from 'drizzle-orm/pg-core'

/** GB/T 2260 divisions of China: province (1), prefecture (2), county (3). Reference data, loaded on migrate. */
export const divisions = pgTable(
  'divisions',
  {
    code: char('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: char('parent_code', { length: 6 }),
    provinceCode: char('province_code', { length: 6 }).notNull(),
  },
  (t) => [index('divisions_parent_idx').on(t.parentCode), index('divisions_name_idx').on(t.name)],
)
