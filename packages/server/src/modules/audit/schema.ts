import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Append-only audit log. A trigger (see migration) refuses UPDATE and DELETE.
 * `changes`: { field: { before, after } } for the fields a write changed.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    /** e.g. enterprise.create, enterprise.update, enterprise.export, auth.login, auth.loginFailed, user.create */
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    /** web | api | cli | import | system */
    source: text('source').notNull(),
    batchId: integer('batch_id'),
    changes: jsonb('changes'),
    detail: jsonb('detail'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_user_idx').on(t.userId),
    index('audit_action_idx').on(t.action),
  ],
)
