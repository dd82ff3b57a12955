import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { permissionsOf } from '@gongxin/domain'
import type { AppDeps } from '../../http/app.ts'
import { SESSION_COOKIE } from '../../http/app.ts'
import { actorOf, type SessionUser } from '../../http/context.ts'
import type { Db } from '../../db/index.ts'
import { getDivision } from '../regions/repository.ts'
import { changeOwnPassword, login, logout, setOwnLocale } from './service.ts'

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  scopePrefix: z.string().nullable(),
  scopeName: z.string(),
  enterpriseUscc: z.string().nullable(),
  locale: z.enum(['zh-CN', 'en-US']),
  permissions: z.array(z.string()),
})

const sessionResponse = z.object({ user: meSchema, csrfToken: z.string() })

/** The name of a user's area ('湖南省', '长沙市', '全国'), or the enterprise's USCC. */
export async function scopeNameOf(db: Db, u: Pick<SessionUser, 'scopePrefix' | 'enterpriseUscc'>): Promise<string> {
  if (u.enterpriseUscc) return u.enterpriseUscc
  const prefix = u.scopePrefix ?? ''
  if (prefix === '') return '全国'
  return (await getDivision(db, prefix.padEnd(6, '0')))?.name ?? prefix
}

async function present(db: Db, u: SessionUser) {
  return { ...u, scopeName: await scopeNameOf(db, u), permissions: [...permissionsOf(u.role)] }
}

export function authRoutes(app: FastifyInstance, { config, database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const settings = { sessionSecret: config.sessionSecret, sessionIdleMinutes: config.sessionIdleMinutes }
  const cookieOpts = { httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies, path: '/' }

  api.post(
    '/auth/login',
    {
      config: { policy: { public: true }, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await login(database.db, settings, {
        username: req.body.username.trim(),
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        source: req.headers['x-gongxin-client'] === 'web' ? 'web' : 'api',
      })
      reply.setCookie(SESSION_COOKIE, result.token, cookieOpts)
      return { user: await present(database.db, result.user), csrfToken: result.csrfToken }
    },
  )

  api.post('/auth/logout', { config: { policy: { authenticated: true } }, schema: { tags: ['auth'] } }, async (req, reply) => {
    if (req.sessionId) await logout(database.db, actorOf(req), req.sessionId)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.status(204).send()
  })

  api.get('/auth/me', { config: { policy: { authenticated: true } }, schema: { tags: ['auth'], response: { 200: sessionResponse } } }, async (req) => {
    const u = req.sessionUser as SessionUser
    return { user: await present(database.db, u), csrfToken: req.csrfToken ?? '' }
  })

  api.put(
    '/auth/me/locale',
    { config: { policy: { authenticated: true } }, schema: { tags: ['auth'], body: z.object({ locale: z.enum(['zh-CN', 'en-US']) }) } },
    async (req, reply) => {
      await setOwnLocale(database.db, actorOf(req), req.body.locale)
      return reply.status(204).send()
    },
  )

  api.put(
    '/auth/me/password',
    {
      config: { policy: { authenticated: true } },
      schema: { tags: ['auth'], body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) }) },
    },
    async (req, reply) => {
      await changeOwnPassword(database.db, actorOf(req), req.body)
      return reply.status(204).send()
    },
  )
}
