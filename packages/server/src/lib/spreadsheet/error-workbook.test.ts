import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FieldError } from '../errors.ts'
import { writeErrorWorkbook } from './error-workbook.ts'
import { readAll, xlsxOf } from './testing.ts'
import { REASON_HEADER, type SheetSpec } from './types.ts'

const spec: SheetSpec = {
  columns: [
    { field: 'uscc', header: '统一社会信用代码', required: true },
    { field: 'name', header: '企业名称', required: true },
    { field: 'countyCode', header: '所在县区代码', required: true },
  ],
}

const bad = (row: number, column: string, field: string, zh: string, en: string): FieldError => ({ row, column, field, code: 'x', message: { zh, en } })

describe('the error workbook', () => {
  it('repeats every row at its row number, marks bad cells red with a comment and adds the reason column', async () => {
    const source = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('名录')
      ws.addRow(['2024 年企业名录'])
      ws.addRow(['统一社会信用代码', '企业名称', '所在县区代码'])
      ws.addRow(['91430102MA4L000001', '甲公司', '430102'])
      ws.addRow(['BAD', '乙公司', '999999'])
    })
    const errors = [
      bad(4, 'A', 'uscc', '统一社会信用代码应为 18 位', 'the USCC must have 18 characters'),
      bad(4, 'C', 'countyCode', '县区代码 999999 不存在', 'county 999999 does not exist'),
    ]
    const out = await writeErrorWorkbook(source, spec, errors)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(out as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    if (!ws) throw new Error('no sheet')
    expect(ws.name).toBe('名录')
    expect(ws.getCell('A1').value).toBe('2024 年企业名录')
    expect(ws.getCell('D2').value).toBe(REASON_HEADER)
    expect(ws.getCell('A3').value).toBe('91430102MA4L000001')
    expect(ws.getCell('D3').value ?? null).toBeNull()
    expect(ws.getCell('A4').value).toBe('BAD')
    const fill = ws.getCell('A4').fill
    expect(fill.type === 'pattern' ? fill.fgColor?.argb : undefined).toBe('FFFFC7CE')
    expect(ws.getCell('B4').fill?.type).toBeUndefined()
    expect(JSON.stringify(ws.getCell('C4').note)).toContain('county 999999 does not exist')
    const reason = String(ws.getCell('D4').value)
    expect(reason).toContain('[A] 统一社会信用代码应为 18 位')
    expect(reason).toContain('[C] county 999999 does not exist')
  })

  it('re-imports: the reason column is ignored without a warning', async () => {
    const source = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(['统一社会信用代码', '企业名称', '所在县区代码'])
      ws.addRow(['BAD', '乙公司', '430102'])
    })
    const once = await writeErrorWorkbook(source, spec, [bad(2, 'A', 'uscc', '错', 'wrong')])
    const { sheet, rows } = await readAll(once, spec)
    expect(sheet.warnings).toEqual([])
    expect(rows.map((r) => r.values)).toEqual([{ uscc: 'BAD', name: '乙公司', countyCode: '430102' }])
    // a second round writes its reason into the same column instead of adding another
    const twice = await writeErrorWorkbook(once, spec, [bad(2, 'B', 'name', '错', 'wrong')])
    const again = await readAll(twice, spec)
    expect(again.sheet.header?.columns.map((c) => c.text)).toEqual(['统一社会信用代码', '企业名称', '所在县区代码', REASON_HEADER])
  })

  it('turns a CSV source into a workbook with the same row numbers', async () => {
    const csv = Buffer.from('统一社会信用代码,企业名称,所在县区代码\n\n91430102MA4L000001,甲,430102\nBAD,乙,430102\n')
    const out = await writeErrorWorkbook(csv, spec, [bad(4, 'A', 'uscc', '错', 'wrong')])
    const { rows } = await readAll(out, spec)
    expect(rows.map((r) => [r.rowNumber, r.values.uscc])).toEqual([
      [3, '91430102MA4L000001'],
      [4, 'BAD'],
    ])
  })
})
