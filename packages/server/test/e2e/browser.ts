import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startServer, type Started } from '../../src/server.ts'
import { demoLogins } from '../../src/demo/index.ts'

/*
 * What every browser suite shares: Debian's chromium, a server on a scratch data directory started with the demo
 * data, the folder the screenshots go to, and the login of a demo user.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Suites are skipped only where Debian's chromium is not installed (a developer machine without it); CI installs it. */
export const haveChromium = fs.existsSync(chromiumPath)
if (!haveChromium && process.env.CI === 'true') throw new Error(`CI needs Debian's chromium at ${chromiumPath} (.ci/run installs it)`)
export const artifacts = path.resolve(import.meta.dirname, '../../../../test-artifacts')

export interface BrowserSuite {
  readonly server: Started
  readonly browser: Browser
  /** A page of 1440 × 900 in Chinese, as a desk official sees it. */
  newPage(): Promise<Page>
}

/**
 * Starts the demo server (1,500 enterprises) on a fresh data directory named `dataDirPrefix…` and a headless
 * chromium before the suite's tests, and closes both after them. Call it inside `describe`.
 */
export function browserSuite(dataDirPrefix: string): BrowserSuite {
  let server: Started | undefined
  let browser: Browser | undefined
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), dataDirPrefix))
  beforeAll(async () => {
    server = await startServer({ dataDir, port: 0, demoIfEmpty: true, demoEnterprises: 1500, logLevel: 'warn', log: () => {} })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    fs.mkdirSync(artifacts, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  return {
    get server() {
      return started('server', server)
    },
    get browser() {
      return started('browser', browser)
    },
    newPage() {
      return started('browser', browser).newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    },
  }
}

function started<T>(what: string, v: T | undefined): T {
  if (v === undefined) throw new Error(`the e2e ${what} has not started (browserSuite's beforeAll failed or has not run)`)
  return v
}

/** Opens the app at `url` and logs in as the demo user of `role`. */
export async function login(page: Page, url: string, role: string) {
  const who = demoLogins.find((l) => l.role === role)
  if (!who) throw new Error(`no demo ${role}`)
  await page.goto(url)
  await page.getByTestId('login-username').fill(who.username)
  await page.getByTestId('login-password').fill(who.password)
  await page.getByTestId('login-submit').click()
}
