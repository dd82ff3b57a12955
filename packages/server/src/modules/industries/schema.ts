import { index, pgTable, smallint, text } from 'drizzle-orm/pg-core'

/** GB/T 4754-2017: sections (letter), divisions (2 digits), groups (3), classes (4). Reference data. */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    section: text('section').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('industries_parent_idx').on(t.parentCode)],
)
