import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { artifacts, browserSuite, haveChromium, login } from './browser.ts'

// Skipped only where Debian's chromium is not installed (a developer machine without it); CI installs it.
describe.skipIf(!haveChromium)('browser: the province admin runs the monthly dispatch', () => {
  const suite = browserSuite('gongxin-e2e-dispatch-')

  it('opens 月调度 on the province, drills into a city, and opens the warning centre', async () => {
    const page = await suite.newPage()
    await login(page, suite.server.url, 'provinceAdmin')

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
