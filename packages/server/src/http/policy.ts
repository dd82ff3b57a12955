import type { Permission } from '@gongxin/domain'

/**
 * Every route declares who may call it in `config.policy`; a route without one fails at registration
 * (and the authorization-matrix test enumerates them all).
 * - public: anyone, no session (login, health, docs)
 * - authenticated: every logged-in user (their own profile)
 * - permission: a logged-in user whose role has that permission; region scope is then applied by the
 *   repositories to whatever the route reads or writes.
 */
export type RoutePolicy = { public: true } | { authenticated: true } | { permission: Permission }

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy
  }
}

export function describePolicy(p: RoutePolicy): string {
  if ('public' in p) return 'public'
  if ('authenticated' in p) return 'authenticated'
  return p.permission
}
