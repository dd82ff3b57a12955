import ExcelJS from 'exceljs'
import { indicatorCatalog } from '@gongxin/domain'
import type { FileColumn } from './region-cell.ts'

const FREQUENCY = { monthly: '月度', quarterly: '季度', annual: '年度' } as const

/**
 * An import template: the header row (required columns in red, a note with the format and an example on each;
 * no example rows, which a hurried clerk would import), a sheet explaining each column and a sheet listing the
 * indicator catalogue.
 */
export async function factTemplate(sheetName: string, columns: readonly FileColumn[], notes: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Gongxin 工信'
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.field === 'indicator' || c.field === 'source' ? 30 : 16 }))
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1)
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } }
    cell.note = `${c.required ? '必填' : '选填'}：${c.format.zh}\n例：${c.example}`
  })
  // text, so that 430100 and 202311 stay as typed
  for (const f of ['regionCode', 'period', 'year']) {
    const i = columns.findIndex((c) => c.field === f)
    if (i >= 0) ws.getColumn(i + 1).numFmt = '@'
  }

  const info = wb.addWorksheet('说明')
  info.columns = [{ header: '列名', width: 14 }, { header: '是否必填', width: 10 }, { header: '格式', width: 70 }, { header: '示例', width: 24 }, { header: '也可写作', width: 36 }]
  info.getRow(1).font = { bold: true }
  for (const c of columns) info.addRow([c.header, c.required ? '必填' : '选填', c.format.zh, c.example, (c.aliases ?? []).join('、')])
  info.addRow([])
  for (const line of notes) info.addRow([line])

  const cat = wb.addWorksheet('指标目录')
  cat.columns = [
    { header: '指标', width: 28 }, { header: '代码', width: 30 }, { header: '单位', width: 8 }, { header: '类型', width: 8 }, { header: '频率', width: 8 },
    { header: '累计', width: 8 }, { header: '公布部门', width: 36 }, { header: '小数位', width: 8 }, { header: '方向', width: 12 }, { header: '说明', width: 60 },
  ]
  cat.getRow(1).font = { bold: true }
  for (const i of indicatorCatalog) {
    cat.addRow([
      i.nameZh, i.id, i.unit, i.kind === 'growth' ? '增速' : '总量', FREQUENCY[i.frequency], i.cumulative ? '1—本期累计' : '当期', i.source.zh, i.precision,
      i.direction === 'higherIsBetter' ? '越高越好' : '越低越好', [i.computed ? '平台另由企业月报同口径计算' : '', i.note?.zh ?? ''].filter(Boolean).join('；'),
    ])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
