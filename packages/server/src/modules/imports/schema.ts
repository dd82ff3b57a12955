import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'

/** One import of one file: every import is a batch that can be traced. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: serial('id').primaryKey(),
    /** enterprises | monthly | electricity | officialStats | targets | … */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    userId: integer('user_id'),
    username: text('username'),
    source: text('source').notNull(),
    /** committed | rejected | dryRun */
    status: text('status').notNull(),
    /** { read, accepted, rejected, unchanged, created, updated } */
    counts: jsonb('counts').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_kind_idx').on(t.kind, t.startedAt)],
)
