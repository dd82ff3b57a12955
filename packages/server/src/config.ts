import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * The one typed configuration, read once at start from the environment and CLI flags.
 * A wrong value stops the start with a sentence that says how to fix it.
 */
const schema = z.object({
  port: z.coerce
    .number({ message: 'PORT must be a number, e.g. PORT=3000' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535'),
  host: z.string().min(1, 'HOST must not be empty, e.g. HOST=127.0.0.1'),
  dataDir: z.string().min(1, 'GONGXIN_DATA_DIR must be a directory path, e.g. ./data'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://, e.g. postgres://user@127.0.0.1:5432/gongxin')
    .optional(),
  sessionSecret: z.string().min(32, 'GONGXIN_SESSION_SECRET must be at least 32 characters; leave it unset to have one generated in the data directory').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  sessionIdleMinutes: z.coerce
    .number({ message: 'GONGXIN_SESSION_IDLE_MINUTES must be a number of minutes, e.g. 30' })
    .int()
    .min(1, 'GONGXIN_SESSION_IDLE_MINUTES must be at least 1')
    .max(24 * 60, 'GONGXIN_SESSION_IDLE_MINUTES must be at most 1440 (one day)'),
  /** cookies marked Secure: set when served behind HTTPS */
  secureCookies: z.enum(['true', 'false'], { message: 'GONGXIN_SECURE_COOKIES must be true or false' }).transform((v) => v === 'true'),
  /** login attempts per minute per IP */
  loginRateLimit: z.coerce.number().int().min(1, 'GONGXIN_LOGIN_RATE_LIMIT must be at least 1'),
  webDist: z.string().optional(),
})

export type Config = z.infer<typeof schema> & { sessionSecret: string }

export interface ConfigOverrides {
  port?: number | string
  host?: string
  dataDir?: string
  databaseUrl?: string
  logLevel?: string
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const envOrUndefined = (v: string | undefined) => (v === undefined || v === '' ? undefined : v)

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    port: overrides.port ?? envOrUndefined(env.PORT) ?? 3000,
    host: overrides.host ?? envOrUndefined(env.HOST) ?? '127.0.0.1',
    dataDir: path.resolve(overrides.dataDir ?? envOrUndefined(env.GONGXIN_DATA_DIR) ?? './data'),
    databaseUrl: overrides.databaseUrl ?? envOrUndefined(env.DATABASE_URL),
    sessionSecret: envOrUndefined(env.GONGXIN_SESSION_SECRET),
    logLevel: overrides.logLevel ?? envOrUndefined(env.LOG_LEVEL) ?? 'info',
    sessionIdleMinutes: envOrUndefined(env.GONGXIN_SESSION_IDLE_MINUTES) ?? 30,
    secureCookies: envOrUndefined(env.GONGXIN_SECURE_COOKIES) ?? 'false',
    loginRateLimit: envOrUndefined(env.GONGXIN_LOGIN_RATE_LIMIT) ?? 10,
    webDist: envOrUndefined(env.GONGXIN_WEB_DIST),
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.message} (got ${JSON.stringify((raw as Record<string, unknown>)[String(i.path[0])])})`)
    throw new ConfigError(`Gongxin cannot start: the configuration is wrong.\n${lines.join('\n')}`)
  }
  const cfg = parsed.data
  return { ...cfg, sessionSecret: cfg.sessionSecret ?? readOrCreateSecret(cfg.dataDir) }
}

/** A session secret generated once and kept in the data directory (mode 600). */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir, { recursive: true })
    const secret = randomBytes(48).toString('base64url')
    fs.writeFileSync(file, secret + '\n', { mode: 0o600 })
    return secret
  }
}
