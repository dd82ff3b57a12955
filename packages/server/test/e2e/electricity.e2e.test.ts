import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { artifacts, browserSuite, haveChromium, login } from './browser.ts'

describe.skipIf(!haveChromium)('browser: electricity and the enterprise self-report', () => {
  const suite = browserSuite('gongxin-e2e-el-')

  it('shows a city official the month’s readings and the account mapping of the city only', async () => {
    const page = await suite.newPage()
    await login(page, suite.server.url, 'cityOfficial')
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
    const page = await suite.newPage()
    await login(page, suite.server.url, 'enterprise')
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
