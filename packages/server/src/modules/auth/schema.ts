import { sql } from 'drizzle-orm'
import { boolean, char, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** division-code prefix ('' = whole country, '43' province, '4301' city, '430102' county); null for enterprise users */
    scopePrefix: text('scope_prefix'),
    /** for role 'enterprise': the one USCC the user acts for */
    enterpriseUscc: char('enterprise_uscc', { length: 18 }),
    locale: text('locale').notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'users_role_check',
      sql`${t.role} in ('provinceAdmin','cityOfficial','countyOfficial','handler','serviceOfficer','leader','enterprise')`,
    ),
    check(
      'users_scope_check',
      sql`(${t.role} = 'enterprise' and ${t.enterpriseUscc} is not null) or (${t.role} <> 'enterprise' and ${t.scopePrefix} is not null)`,
    ),
  ],
)

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: the token itself is never stored */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)
