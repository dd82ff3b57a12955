import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type Started } from '../../src/server.ts'
import { demoLogins } from '../../src/demo/index.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveChromium = fs.existsSync(chromiumPath)
if (!haveChromium && process.env.CI === 'true') throw new Error(`CI needs Debian's chromium at ${chromiumPath} (.ci/run installs it)`)
const artifacts = path.resolve(import.meta.dirname, '../../../../test-artifacts')

// Skipped only where Debian's chromium is not installed (a developer machine without it); CI installs it.
describe.skipIf(!haveChromium)('browser: a city official uses the registry', () => {
  let server: Started
  let browser: Browser
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-e2e-'))
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

  it('logs in in Chinese, searches, sees only its city, switches to English', async () => {
    const city = demoLogins.find((l) => l.role === 'cityOfficial')
    if (!city) throw new Error('no demo city official')
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await page.goto(server.url)
    await page.getByTestId('login-username').fill(city.username)
    await page.getByTestId('login-password').fill(city.password)
    await expect(page.getByTestId('login-submit').textContent()).resolves.toMatch(/登\s*录/)
    await page.getByTestId('login-submit').click()

    await page.getByTestId('menu-enterprises').click()
    const table = page.getByTestId('registry-table')
    await table.locator('tbody tr.ant-table-row').first().waitFor()
    const search = page.getByTestId('registry-search')
    await search.fill('有限')
    await search.press('Enter')
    await page.waitForResponse((r) => r.url().includes('/api/v1/enterprises?') && r.url().includes('q='))
    await table.locator('tbody tr.ant-table-row').first().waitFor()
    const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts()
    expect(rows.length).toBeGreaterThan(0)
    // every enterprise shown matches the search and lies in the official's city
    for (const r of rows) {
      expect(r).toContain('有限')
      expect(r).toContain(city.scope)
    }
    const total = Number(((await page.getByTestId('registry-total').innerText()).match(/\d[\d,]*/)?.[0] ?? '0').replace(/,/g, ''))
    expect(total).toBeGreaterThan(0)

    await page.getByTestId('lang-switch').click()
    await page.getByText('Enterprise registry', { exact: false }).first().waitFor()
    await page.screenshot({ path: path.join(artifacts, 'registry-city-official-en.png'), fullPage: true })
    expect(await page.locator('body').innerText()).toMatch(/Enterprise/)
  })
})
