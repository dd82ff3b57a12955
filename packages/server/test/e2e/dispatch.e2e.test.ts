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
describe.skipIf(!haveChromium)('browser: the province admin runs the monthly dispatch', () => {
  let server: Started
  let browser: Browser
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-e2e-dispatch-'))
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

  it('opens 月调度 on the province, drills into a city, and opens the warning centre', async () => {
    const admin = demoLogins.find((l) => l.role === 'provinceAdmin')
    if (!admin) throw new Error('no demo province admin')
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await page.goto(server.url)
    await page.getByTestId('login-username').fill(admin.username)
    await page.getByTestId('login-password').fill(admin.password)
    await page.getByTestId('login-submit').click()

    await page.getByTestId('menu-dispatch').click()
    const cities = page.getByTestId('dispatch-subregions').locator('tbody tr.ant-table-row')
    await cities.first().waitFor()
    expect(await cities.count()).toBeGreaterThan(1)
    await expect(page.getByTestId('dispatch-title').first().innerText()).resolves.toContain('月调度')
    // the cities are ranked: the first row has rank 1
    expect((await cities.first().locator('td').first().innerText()).trim()).toBe('1')
    const cityName = (await cities.first().locator('td').nth(2).innerText()).trim()
    await page.getByTestId('kpi-grossOutput').first().waitFor()
    await page.screenshot({ path: path.join(artifacts, 'dispatch-province.png'), fullPage: true })

    await cities.first().click()
    // the city opens in its own tab, with its code in the URL
    await page.waitForURL(/\/dispatch\/\d{4}00$/)
    const cityPane = page.locator(`[data-pane="${new URL(page.url()).pathname}"]`)
    await cityPane.getByTestId('dispatch-title').filter({ hasText: cityName }).waitFor()
    await cityPane.getByTestId('dispatch-breadcrumb').waitFor()
    await cityPane.getByTestId('dispatch-subregions').locator('tbody tr.ant-table-row').first().waitFor()

    await page.getByTestId('menu-warnings').click()
    const warnings = page.getByTestId('warnings-table').locator('tbody tr.ant-table-row')
    await warnings.first().waitFor()
    expect(await warnings.count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(artifacts, 'warnings-centre.png') })
  })
})
