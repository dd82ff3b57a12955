import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyRequest } from 'fastify'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { can, scopeForUser } from '@gongxin/domain'
import type { Config } from '../config.ts'
import type { Database } from '../db/index.ts'
import { AppError, pickLocale } from '../lib/errors.ts'
import { resolveSession } from '../modules/auth/service.ts'
import type { RoutePolicy } from './policy.ts'
import { registerRoutes } from './routes.ts'

export const SESSION_COOKIE = 'gx_session'

export interface AppDeps {
  config: Config
  database: Database
}


const webDistDefault = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist')

export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}) {
  const { config, database } = deps
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    bodyLimit: 60 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const policies = new Map<string, RoutePolicy>()
  app.decorate('routePolicies', policies)
  app.addHook('onRoute', (route) => {
    const url = route.url
    if (!url.startsWith('/api/')) return
    // the OpenAPI document and its viewer are public by nature
    if (url === '/api/docs' || url.startsWith('/api/docs/')) route.config = { ...route.config, policy: { public: true } }
    const policy = route.config?.policy
    if (!policy) throw new Error(`route ${route.method} ${url} declares no policy (config.policy): every API route must say who may call it`)
    for (const m of Array.isArray(route.method) ? route.method : [route.method]) policies.set(`${m} ${url}`, policy)
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  })
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongxin API', description: '工信运行服务平台 REST API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } })
  // swagger-ui's own routes are documentation, public by nature
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  for (const t of ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']) {
    app.addContentTypeParser(t, { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  }

  app.decorateRequest('locale', 'zh-CN')
  app.decorateRequest('sessionUser', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('csrfToken', null)
  app.decorateRequest('actor', null)

  const settings = { sessionSecret: config.sessionSecret, sessionIdleMinutes: config.sessionIdleMinutes }

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(undefined, req.headers['accept-language'])
  })

  // Authentication, authorisation and CSRF, driven by the route's declared policy: before validation, so that
  // nobody learns anything about a route's input without being allowed to call it.
  app.addHook('preValidation', async (req) => {
    const policy = req.routeOptions.config?.policy
    if (!policy || 'public' in policy) return
    const found = await resolveSession(database.db, settings, req.cookies[SESSION_COOKIE])
    if (found.kind === 'none') throw new AppError('UNAUTHENTICATED')
    if (found.kind === 'expired') throw new AppError('SESSION_EXPIRED')
    req.sessionUser = found.user
    req.sessionId = found.sessionId
    req.csrfToken = found.csrfToken
    if (!req.headers['accept-language']) req.locale = found.user.locale
    const scope = scopeForUser(found.user)
    // a user whose scope does not fit the role (e.g. edited by hand in the database) gets nothing
    if (!scope) throw new AppError('FORBIDDEN')
    req.actor = {
      userId: found.user.id,
      username: found.user.username,
      role: found.user.role,
      scope,
      source: req.headers['x-gongxin-client'] === 'web' ? 'web' : 'api',
      ip: req.ip,
      locale: req.locale,
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers['x-csrf-token'] !== found.csrfToken) {
      throw new AppError('CSRF')
    }
    if ('permission' in policy && !can(found.user.role, policy.permission)) throw new AppError('FORBIDDEN')
  })

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error(err)
      return reply.status(err.status).send({
        error: {
          code: err.code,
          message: err.messageIn(req.locale),
          ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
          ...(Object.keys(err.details).length ? { details: err.details } : {}),
        },
      })
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fieldErrors = err.validation.map((v) => {
        const field = `${err.validationContext ?? ''}${v.instancePath.replace(/\//g, '.')}`
        return { field, code: String(v.keyword), message: { zh: `${field}：${v.message ?? ''}`, en: `${field}: ${v.message ?? ''}` } }
      })
      const e = new AppError('VALIDATION', { summary: fieldErrors.map((f) => (req.locale === 'en-US' ? f.message.en : f.message.zh)).join('; ') }, fieldErrors)
      return reply.status(400).send({ error: { code: e.code, message: e.messageIn(req.locale), fieldErrors } })
    }
    const status = (err as { statusCode?: number }).statusCode
    if (status === 429) {
      const e = new AppError('RATE_LIMITED')
      return reply.status(429).send({ error: { code: e.code, message: e.messageIn(req.locale) } })
    }
    if (status === 413) {
      const e = new AppError('PAYLOAD_TOO_LARGE')
      return reply.status(413).send({ error: { code: e.code, message: e.messageIn(req.locale) } })
    }
    if (status && status >= 400 && status < 500) {
      const e = new AppError('BAD_REQUEST', { summary: (err as Error).message })
      return reply.status(status).send({ error: { code: e.code, message: e.messageIn(req.locale) } })
    }
    req.log.error(err)
    const e = new AppError('INTERNAL')
    return reply.status(500).send({ error: { code: e.code, message: e.messageIn(req.locale) } })
  })

  await registerRoutes(app, deps)

  // The web app: static files with a history fallback for client-side routes.
  const webDist = config.webDist ?? webDistDefault
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] })
    app.setNotFoundHandler((req: FastifyRequest, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        const e = new AppError('NOT_FOUND', { what: `${req.method} ${req.url.split('?')[0]}` })
        return reply.status(404).send({ error: { code: e.code, message: e.messageIn(req.locale) } })
      }
      return reply.sendFile('index.html')
    })
  } else {
    app.setNotFoundHandler((req, reply) => {
      const e = new AppError('NOT_FOUND', { what: `${req.method} ${req.url.split('?')[0]}` })
      return reply.status(404).send({ error: { code: e.code, message: e.messageIn(req.locale) } })
    })
  }
  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    routePolicies: Map<string, RoutePolicy>
  }
}
