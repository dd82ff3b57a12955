import ExcelJS from 'exceljs'
import type { ColumnSpec, SheetSpec } from '../../lib/spreadsheet/types.ts'

/** A column of an electricity file, with what the template and the docs say about it. */
export interface ElectricityColumn extends ColumnSpec {
  format: { zh: string; en: string }
  example: string | number
}

/**
 * 企业用电量 as the grid company sends it: one row per customer account (or enterprise) and month. Either the USCC or
 * the account number identifies the enterprise, so neither column is required on its own (the importer refuses a
 * file with neither).
 */
export const electricityColumns: readonly ElectricityColumn[] = [
  { field: 'uscc', header: '统一社会信用代码', aliases: ['uscc', '社会信用代码', '信用代码'], format: { zh: '18 位；与用电户号至少填一项', en: '18 characters; this or the account number' }, example: '91430102MA4L16JQ9A' },
  { field: 'accountNumber', header: '用电户号', aliases: ['accountNumber', '户号', '客户编号', '用户编号'], format: { zh: '电网企业的用户编号（文本，保留前导 0）；须已在户号对照中关联企业', en: "the grid's customer number (text, leading zeros kept); must be mapped to an enterprise" }, example: '0731001234' },
  { field: 'name', header: '企业名称', aliases: ['name', '单位名称'], format: { zh: '仅供核对：与企业名录不一致时提示', en: 'for checking only: a mismatch with the registry is a warning' }, example: '长沙芙蓉精密机械有限公司' },
  { field: 'period', header: '期间', aliases: ['period', '月份', '统计月份', '用电月份', '报告期'], required: true, format: { zh: '单个月份：2023-11、202311 或 2023年11月（不是累计期）', en: 'a single month: 2023-11, 202311 or 2023年11月 (not a year-to-date period)' }, example: '2024-11' },
  { field: 'electricity', header: '用电量', aliases: ['electricity', '当月用电量', '月用电量'], required: true, kind: 'number', format: { zh: '当月用电量，万千瓦时，≥ 0，可带千分位', en: "the month's consumption, 10⁴ kWh, ≥ 0, thousands separators allowed" }, example: 356.2 },
]

export const electricitySheetSpec: SheetSpec = { columns: electricityColumns, minHeaderMatches: 3, ignore: ['序号', '户名', '用户名称', '所在地区', '供电单位', '行业分类'] }

/** 户号对照: the grid's customer numbers and the enterprises they belong to. */
export const gridAccountColumns: readonly ElectricityColumn[] = [
  { field: 'accountNumber', header: '用电户号', aliases: ['accountNumber', '户号', '客户编号', '用户编号'], required: true, format: { zh: '电网企业的用户编号（文本，保留前导 0）', en: "the grid's customer number (text, leading zeros kept)" }, example: '0731001234' },
  { field: 'uscc', header: '统一社会信用代码', aliases: ['uscc', '社会信用代码', '信用代码'], required: true, format: { zh: '18 位；企业须已在企业名录中', en: '18 characters; the enterprise must be in the registry' }, example: '91430102MA4L16JQ9A' },
  { field: 'accountName', header: '户名', aliases: ['accountName', '用户名称', '用电户名'], format: { zh: '电网企业登记的户名，可与企业名称不同', en: "the account's name at the grid company; may differ from the enterprise's" }, example: '长沙芙蓉精密机械有限公司（二厂）' },
]

export const gridAccountSheetSpec: SheetSpec = { columns: gridAccountColumns, minHeaderMatches: 2, ignore: ['序号', '企业名称', '所在地区', '供电单位'] }

async function template(sheetName: string, columns: readonly ElectricityColumn[], notes: readonly string[], textFields: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Gongxin 工信'
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.field === 'name' || c.field === 'accountName' ? 32 : 22 }))
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1)
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } }
    cell.note = `${c.required ? '必填' : '选填'}：${c.format.zh}\n例：${c.example}`
  })
  // text, so that 0731001234 keeps its zero and 202311 stays as typed
  for (const f of textFields) ws.getColumn(columns.findIndex((c) => c.field === f) + 1).numFmt = '@'
  const info = wb.addWorksheet('说明')
  info.columns = [{ header: '列名', width: 22 }, { header: '是否必填', width: 10 }, { header: '格式', width: 60 }, { header: '示例', width: 26 }, { header: '也可写作', width: 30 }]
  info.getRow(1).font = { bold: true }
  for (const c of columns) info.addRow([c.header, c.required ? '必填' : '选填', c.format.zh, c.example, (c.aliases ?? []).join('、')])
  info.addRow([])
  for (const line of notes) info.addRow([line])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function electricityTemplate(): Promise<Buffer> {
  return template('企业用电量', electricityColumns, [
    '每行一个用电户号（或一个企业）一个月份，用电量为当月值（万千瓦时），不是累计值。',
    '“统一社会信用代码”与“用电户号”至少填一项；只填户号时，该户号须已在“户号对照”中关联企业。',
    '同一企业有多个户号时，同一月份各户号的用电量相加，作为该企业当月用电量。',
    '重复导入同一文件不产生任何变化；数值有变动时写入新的修订版本，旧版本保留可查。',
    '任何一行有错误时整个文件都不会写入；系统会返回标出错误单元格的文件，改正后可直接重新导入。',
  ], ['uscc', 'accountNumber', 'period'])
}

export function gridAccountTemplate(): Promise<Buffer> {
  return template('户号对照', gridAccountColumns, [
    '每行一个用电户号。一个企业可以有多个户号；一个户号同一时间只属于一个企业。',
    '户号已关联其他企业时，导入即改为关联本行企业（旧的关联保留为历史版本）。',
  ], ['accountNumber', 'uscc'])
}
