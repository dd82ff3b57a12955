import ExcelJS from 'exceljs'
import type { Locale } from '../../lib/errors.ts'
import type { WarningRow } from './service.ts'
import { warningRuleInfo, type WarningRuleId } from '@gongxin/domain'

const STATUS = { new: { zh: '新预警', en: 'New' }, acknowledged: { zh: '已确认', en: 'Acknowledged' }, resolved: { zh: '已办结', en: 'Resolved' } }
const SEVERITY: Record<string, { zh: string; en: string }> = { high: { zh: '高', en: 'High' }, medium: { zh: '中', en: 'Medium' }, low: { zh: '低', en: 'Low' } }

/** The warning list as a workbook, columns as on screen. */
export async function warningsWorkbook(items: readonly WarningRow[], locale: Locale): Promise<Buffer> {
  const en = locale === 'en-US'
  const t = (m: { zh: string; en: string }) => (en ? m.en : m.zh)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(en ? 'Warnings' : '预警清单')
  ws.columns = [
    { header: en ? 'Period' : '报告期', key: 'period', width: 10 },
    { header: en ? 'Rule' : '预警规则', key: 'rule', width: 16 },
    { header: en ? 'Severity' : '等级', key: 'severity', width: 8 },
    { header: en ? 'USCC' : '统一社会信用代码', key: 'uscc', width: 22 },
    { header: en ? 'Enterprise' : '企业名称', key: 'enterprise', width: 32 },
    { header: en ? 'Region code' : '地区代码', key: 'region', width: 10 },
    { header: en ? 'Region' : '地区', key: 'regionName', width: 14 },
    { header: en ? 'Reason' : '预警原因', key: 'reason', width: 60 },
    { header: en ? 'Status' : '状态', key: 'status', width: 10 },
    { header: en ? 'Owner' : '责任人', key: 'owner', width: 14 },
    { header: en ? 'Note' : '处置说明', key: 'note', width: 40 },
  ]
  ws.getRow(1).font = { bold: true }
  for (const w of items) {
    const info = warningRuleInfo[w.rule as WarningRuleId] as (typeof warningRuleInfo)[WarningRuleId] | undefined
    ws.addRow({
      period: w.period, rule: info ? t(info.name) : w.rule, severity: t(SEVERITY[w.severity] ?? { zh: w.severity, en: w.severity }),
      uscc: w.uscc ?? '', enterprise: w.enterpriseName ?? '', region: w.region, regionName: w.regionName ?? '', reason: t(w.reason),
      status: t(STATUS[w.status]), owner: w.owner?.displayName ?? '', note: w.note ?? '',
    })
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
