import type { Role, Scope } from '@gongxin/domain'
import type { Locale } from '../lib/errors.ts'

/** Who is doing something, from where: passed to every service so that writes can be audited. */
export interface Actor {
  userId: number | null
  username: string
  role: Role | 'system'
  scope: Scope
  source: 'web' | 'api' | 'cli' | 'import' | 'system'
  ip?: string | undefined
  locale: Locale
}

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  scopePrefix: string | null
  enterpriseUscc: string | null
  locale: Locale
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale
    sessionUser: SessionUser | null
    sessionId: string | null
    csrfToken: string | null
    actor: Actor | null
  }
}

/** The actor of an authenticated request (routes with a permission policy always have one). */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new Error('route without an authenticated actor: check its policy')
  return req.actor
}

/** The system actor used by the CLI and the demo generator: the local operator owns the database. */
export function systemActor(source: Actor['source'] = 'cli', username = `cli:${process.env.USER ?? 'operator'}`): Actor {
  return { userId: null, username, role: 'system', scope: { kind: 'region', prefix: '' }, source, locale: 'zh-CN' }
}
