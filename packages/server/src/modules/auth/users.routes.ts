import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { roles } from '@gongxin/domain'
import type { AppDeps } from '../../http/app.ts'
import { actorOf } from '../../http/context.ts'
import type { Db } from '../../db/index.ts'
import type { UserRow } from './repository.ts'
import { scopeNameOf } from './routes.ts'
import { createUser, listUsers, resetPassword, unlockUser, updateUser } from './users.ts'

const userOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  scopePrefix: z.string().nullable(),
  scopeName: z.string(),
  enterpriseUscc: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
})

const roleEnum = z.enum(roles as unknown as [string, ...string[]])
const userIn = z.object({
  displayName: z.string().trim().min(1).max(64),
  role: roleEnum,
  scopePrefix: z.string().nullable().optional(),
  enterpriseUscc: z.string().nullable().optional(),
  active: z.boolean().optional(),
})
const idParams = z.object({ id: z.coerce.number().int().positive() })

/** The presenter: what of a user leaves the server (never the hash, never the failure counter). */
async function present(db: Db, u: UserRow, names: Map<string, string>) {
  const key = u.enterpriseUscc ?? u.scopePrefix ?? ''
  if (!names.has(key)) names.set(key, await scopeNameOf(db, u))
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopePrefix: u.scopePrefix,
    scopeName: names.get(key) ?? key,
    enterpriseUscc: u.enterpriseUscc,
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }
}

export function userRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = database.db
  api.get('/users', { config: { policy: { permission: 'user.read' } }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(userOut) }) } } }, async (req) => {
    const names = new Map<string, string>()
    const rows = await listUsers(db, actorOf(req))
    const items = []
    for (const r of rows) items.push(await present(db, r, names))
    return { items }
  })
  api.post(
    '/users',
    { config: { policy: { permission: 'user.write' } }, schema: { tags: ['users'], body: userIn.extend({ username: z.string(), password: z.string() }), response: { 201: userOut } } },
    async (req, reply) => {
      const row = await createUser(db, actorOf(req), { ...req.body, role: req.body.role as (typeof roles)[number] })
      return reply.status(201).send(await present(db, row, new Map()))
    },
  )
  api.put(
    '/users/:id',
    { config: { policy: { permission: 'user.write' } }, schema: { tags: ['users'], params: idParams, body: userIn, response: { 200: userOut } } },
    async (req) => {
      const row = await updateUser(db, actorOf(req), req.params.id, { ...req.body, role: req.body.role as (typeof roles)[number] })
      return present(db, row, new Map())
    },
  )
  api.post('/users/:id/unlock', { config: { policy: { permission: 'user.write' } }, schema: { tags: ['users'], params: idParams } }, async (req, reply) => {
    await unlockUser(db, actorOf(req), req.params.id)
    return reply.status(204).send()
  })
  api.post(
    '/users/:id/reset-password',
    { config: { policy: { permission: 'user.write' } }, schema: { tags: ['users'], params: idParams, body: z.object({ password: z.string() }) } },
    async (req, reply) => {
      await resetPassword(db, actorOf(req), req.params.id, req.body.password)
      return reply.status(204).send()
    },
  )
}
