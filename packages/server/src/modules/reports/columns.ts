import ExcelJS from 'exceljs'
import type { ColumnSpec, SheetSpec } from '../../lib/spreadsheet/types.ts'

/** A column of the monthly statistics file, with what the template and the docs say about it. */
export interface MonthlyColumn extends ColumnSpec {
  format: { zh: string; en: string }
  example: string | number
}

const money = (zh: string, en: string) => ({ kind: 'number' as const, format: { zh: `${zh}，万元，可带千分位`, en: `${en}, 10⁴ yuan, thousands separators allowed` } })

/** The columns of 规上工业企业月度主要指标, canonical headers as the statistics system writes them, English keys as aliases. */
export const monthlyColumns: readonly MonthlyColumn[] = [
  { field: 'uscc', header: '统一社会信用代码', aliases: ['uscc', '社会信用代码', '信用代码'], required: true, format: { zh: '18 位，GB 32100-2015；企业须已在企业名录中', en: '18 characters; the enterprise must be in the registry' }, example: '91430102MA4L16JQ9A' },
  { field: 'name', header: '企业名称', aliases: ['name', '单位名称', '单位详细名称'], format: { zh: '仅供核对，不导入', en: 'for reference only, not imported' }, example: '长沙芙蓉精密机械有限公司' },
  { field: 'period', header: '报告期', aliases: ['period', '统计期', '报告期别'], required: true, format: { zh: '2023-11、202311、2023年11月 或 2023年1-11月；1—2月合并报送，写作 2023年1-2月', en: '2023-11, 202311, 2023年11月 or 2023年1-11月; January and February are reported together as 2023年1-2月' }, example: '2024年1-11月' },
  { field: 'grossOutputCum', header: '工业总产值_本年累计', aliases: ['grossOutputCum'], required: true, ...money('1—本月累计，必填', 'year to date, required'), example: 12345.6 },
  { field: 'grossOutputPriorCum', header: '工业总产值_上年同期', aliases: ['grossOutputPriorCum'], ...money('上年同期累计，可空', 'same period last year, may be empty'), example: 11020.3 },
  { field: 'revenueCum', header: '营业收入_本年累计', aliases: ['revenueCum'], required: true, ...money('1—本月累计，必填', 'year to date, required'), example: 11890.2 },
  { field: 'revenuePriorCum', header: '营业收入_上年同期', aliases: ['revenuePriorCum'], ...money('上年同期累计，可空', 'same period last year, may be empty'), example: 10500 },
  { field: 'profitCum', header: '利润总额_本年累计', aliases: ['profitCum'], ...money('1—本月累计，亏损填负数', 'year to date, a loss is negative'), example: 780.5 },
  { field: 'profitPriorCum', header: '利润总额_上年同期', aliases: ['profitPriorCum'], ...money('上年同期累计，可为负数', 'same period last year, may be negative'), example: 690 },
  { field: 'electricityCum', header: '用电量_本年累计', aliases: ['electricityCum'], kind: 'number', format: { zh: '1—本月累计，万千瓦时', en: 'year to date, 10⁴ kWh' }, example: 356.2 },
  { field: 'employees', header: '从业人员平均人数', aliases: ['employees', '从业人员', '平均用工人数'], kind: 'number', format: { zh: '人，非负整数', en: 'persons, a whole number ≥ 0' }, example: 320 },
]

export const monthlySheetSpec: SheetSpec = { columns: monthlyColumns, ignore: ['所在地区', '行业代码', '行业名称', '序号'] }

/** The template: the header row with notes, and a sheet explaining each column. */
export async function monthlyTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Gongxin 工信'
  const ws = wb.addWorksheet('月度主要指标', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = monthlyColumns.map((c) => ({ header: c.header, key: c.field, width: c.field === 'name' ? 30 : 20 }))
  monthlyColumns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1)
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } }
    cell.note = `${c.required ? '必填' : '选填'}：${c.format.zh}\n例：${c.example}`
  })
  // text, so that 202311 and 2023.10 stay as typed
  for (const f of ['uscc', 'period']) ws.getColumn(monthlyColumns.findIndex((c) => c.field === f) + 1).numFmt = '@'
  const info = wb.addWorksheet('说明')
  info.columns = [{ header: '列名', width: 22 }, { header: '是否必填', width: 10 }, { header: '格式', width: 60 }, { header: '示例', width: 22 }, { header: '也可写作', width: 30 }]
  info.getRow(1).font = { bold: true }
  for (const c of monthlyColumns) info.addRow([c.header, c.required ? '必填' : '选填', c.format.zh, c.example, (c.aliases ?? []).join('、')])
  info.addRow([])
  for (const line of [
    '每行一个企业一个报告期，数值为 1—本月累计值（万元）；1 月与 2 月合并报送，第一个报告期为 1—2 月。',
    '重复导入同一文件不产生任何变化；数值有变动时写入新的修订版本，旧版本保留可查。',
    '“上年同期”留空时，系统使用该企业上年同期自己报送的数据；都没有时该企业视为无可比基数（不按 0 计）。',
    '任何一行有错误时整个文件都不会写入；系统会返回标出错误单元格的文件，改正后可直接重新导入。',
    '已关账发布的报告期，修改数据须注明修订原因。',
  ]) info.addRow([line])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
