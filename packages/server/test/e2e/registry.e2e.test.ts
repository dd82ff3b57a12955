import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoLogins } from '../../src/demo/index.ts'
import { artifacts, browserSuite, haveChromium } from './browser.ts'

// Skipped only where Debian's chromium is not installed (a developer machine without it); CI installs it.
describe.skipIf(!haveChromium)('browser: a city official uses the registry', () => {
  const suite = browserSuite('gongxin-e2e-')

  it('logs in in Chinese, searches, sees only its city, switches to English', async () => {
    const city = demoLogins.find((l) => l.role === 'cityOfficial')
    if (!city) throw new Error('no demo city official')
    const page = await suite.newPage()
    await page.goto(suite.server.url)
    await page.getByTestId('login-username').fill(city.username)
    await page.getByTestId('login-password').fill(city.password)
    await expect(page.getByTestId('login-submit').textContent()).resolves.toMatch(/登\s*录/)
    await page.getByTestId('login-submit').click()

    await page.getByTestId('menu-enterprises').click()
    const table = page.getByTestId('registry-table')
    await table.locator('tbody tr.ant-table-row').first().waitFor()
    const search = page.getByTestId('registry-search')
    await search.fill('有限')
    // listen before pressing Enter: a quick answer would otherwise come before the wait begins
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/enterprises?') && r.url().includes('q='), { timeout: 90_000 })
    await search.press('Enter')
    await searched
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
