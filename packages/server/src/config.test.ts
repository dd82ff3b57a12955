import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('config', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-config-'))
  it.each([
    [{ PORT: 'abc' }, /PORT must be a number/],
    [{ PORT: '70000' }, /between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ GONGXIN_SESSION_SECRET: 'short' }, /at least 32 characters/],
    [{ GONGXIN_SESSION_IDLE_MINUTES: '0' }, /at least 1/],
    [{ GONGXIN_SECURE_COOKIES: 'yes' }, /true or false/],
  ])('stops the start on %o with a sentence saying how to fix it', (env, message) => {
    expect(() => loadConfig({ dataDir }, env)).toThrow(ConfigError)
    expect(() => loadConfig({ dataDir }, env)).toThrow(message)
  })

  it('generates a session secret once and keeps it in the data directory', () => {
    const a = loadConfig({ dataDir }, {})
    const b = loadConfig({ dataDir }, {})
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32)
    expect(b.sessionSecret).toBe(a.sessionSecret)
    expect(fs.statSync(path.join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600)
  })

  it('lets flags override the environment', () => {
    expect(loadConfig({ dataDir, port: 4000 }, { PORT: '5000' }).port).toBe(4000)
  })
})
