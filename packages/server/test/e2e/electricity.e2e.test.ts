import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type Started } from '../../src/server.ts'
import { demoLogins } from '../../src/demo/index.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveChromium = fs.existsSync(chromiumPath)
if (!haveChromium && process.env.CI === 'true') throw new Error(`CI needs Debian's chromium at ${chromiumPath} (.ci/run installs it)`)
const artifacts = path.resolve(import.meta.dirname, '../../../../test-artifacts')

async function login(page: Page, url: string, role: string) {
  const who = demoLogins.find((l) => l.role === role)
  if (!who) throw new Error(`no demo ${role}`)
  await page.goto(url)
  await page.getByTestId('login-username').fill(who.username)
  await page.getByTestId('login-password').fill(who.password)
  await page.getByTestId('login-submit').click()
}

describe.skipIf(!haveChromium)('browser: electricity and the enterprise self-report', () => {
  let server: Started
  let browser: Browser
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-e2e-el-'))
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

  it('shows a city official the month’s readings and the account mapping of the city only', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await login(page, server.url, 'cityOfficial')
    await page.getByTestId('menu-reports').click()
    await page.getByRole('tab', { name: '用电数据' }).click()
    await page.getByTestId('electricity-import').waitFor()
    await page.getByTestId('electricity-sections').getByText('月度用电').click()
    const readings = page.getByTestId('electricity-readings')
    await readings.locator('tbody tr.ant-table-row').first().waitFor()
    const counties = await readings.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts()
    expect(counties.length).toBeGreaterThan(0)
    for (const c of counties) expect(c.trim()).toMatch(/^4301\d\d$/)
    await readings.locator('tbody tr.ant-table-row').first().getByTestId('electricity-history-open').click()
    await page.getByTestId('electricity-history').locator('tbody tr.ant-table-row').first().waitFor()
    await page.screenshot({ path: path.join(artifacts, 'electricity-readings-city.png'), fullPage: true })
    await page.keyboard.press('Escape')

    await page.getByTestId('electricity-sections').getByText('户号对照').click()
    const accounts = page.getByTestId('electricity-accounts')
    await accounts.locator('tbody tr.ant-table-row').first().waitFor()
    for (const c of await accounts.locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts()) expect(c.trim()).toMatch(/^4301\d\d$/)
  })

  it('lets the enterprise user file its own figures, refuses a wrong one by field, and lists the revisions', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await login(page, server.url, 'enterprise')
    await page.getByTestId('menu-selfReport').click()
    const form = page.getByTestId('self-report-form')
    await form.waitFor()
    await page.getByTestId('self-report-history').locator('tbody tr.ant-table-row').first().waitFor()
    // the latest month that may be chosen (the current one); revenue left empty is refused by the server, naming it
    await page.getByTestId('self-report-period').click()
    await page.locator('.ant-picker-cell:not(.ant-picker-cell-disabled)').last().click()
    await page.getByTestId('self-report-grossOutputCum').fill('1200')
    await page.getByTestId('self-report-submit').click()
    await page.getByTestId('self-report-errors').waitFor()
    expect(await page.getByTestId('self-report-errors').innerText()).toContain('营业收入')
    await page.getByTestId('self-report-revenueCum').fill('1180')
    await page.getByTestId('self-report-submit').click()
    await page.getByText(/已提交|已修改|未作修改/).first().waitFor()
    await page.screenshot({ path: path.join(artifacts, 'self-report-enterprise.png'), fullPage: true })
    expect(await page.getByTestId('self-report-history').innerText()).toContain('企业自主填报')
  })
})
