import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { openSpreadsheet } from './reader.ts'
import { patchPart, readAll, xlsxOf, zipEntries } from './testing.ts'
import type { SheetSpec } from './types.ts'

const registry: SheetSpec = {
  columns: [
    { field: 'uscc', header: '统一社会信用代码', aliases: ['uscc', 'credit code'], required: true },
    { field: 'name', header: '企业名称', aliases: ['name'], required: true },
    { field: 'countyCode', header: '所在县区代码', aliases: ['countyCode'], required: true },
    { field: 'foundedOn', header: '成立日期', kind: 'date' },
    { field: 'employees', header: '从业人员', kind: 'number' },
  ],
}

const HEAD = ['统一社会信用代码', '企业名称', '所在县区代码', '成立日期', '从业人员']
const ROW1 = ['91430102MA4L000001', '长沙芙蓉精密机械有限公司', '430102', '2010-05-01', '120']

async function unreadable(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  const e = err as AppError
  expect(e.code).toBe('FILE_UNREADABLE')
  return e
}

describe('xlsx: where the header sits', () => {
  it('finds the header under two title rows and numbers rows as Excel shows them', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('名录')
      ws.addRow(['2024年长沙市规上工业企业名录'])
      ws.addRow(['填报单位：长沙市工信局', null, null, '单位：人'])
      ws.addRow(HEAD)
      ws.addRow(ROW1)
    })
    const { sheet, rows } = await readAll(data, registry)
    expect(sheet.errors).toEqual([])
    expect(sheet.header?.rows).toEqual([3])
    expect(rows).toHaveLength(1)
    expect(rows[0]?.rowNumber).toBe(4)
    expect(rows[0]?.values).toMatchObject({ uscc: '91430102MA4L000001', countyCode: '430102', employees: 120 })
    expect(rows[0]?.values.foundedOn).toEqual(new Date(Date.UTC(2010, 4, 1)))
    expect(rows[0]?.cellRefs).toMatchObject({ uscc: 'A', name: 'B', employees: 'E' })
  })

  it('joins a merged two-row header (工业总产值 / 本年累计 → 工业总产值_本年累计)', async () => {
    const monthly: SheetSpec = {
      columns: [
        { field: 'uscc', header: '统一社会信用代码', required: true },
        { field: 'name', header: '企业名称', required: true },
        { field: 'outputYtd', header: '工业总产值_本年累计', kind: 'number', required: true },
        { field: 'outputPrev', header: '工业总产值_上年同期', kind: 'number', required: true },
      ],
    }
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('月报')
      ws.addRow(['统一社会信用代码', '企业名称', '工业总产值（万元）', null])
      ws.addRow([null, null, '本年累计', '上年同期'])
      ws.mergeCells('A1:A2')
      ws.mergeCells('B1:B2')
      ws.mergeCells('C1:D1')
      ws.addRow(['91430102MA4L000001', '芙蓉机械', '1,234.5', 1000])
    })
    const { sheet, rows } = await readAll(data, monthly)
    expect(sheet.errors).toEqual([])
    expect(sheet.header?.rows).toEqual([1, 2])
    expect(sheet.header?.fields).toEqual({ uscc: 'A', name: 'B', outputYtd: 'C', outputPrev: 'D' })
    expect(rows[0]).toMatchObject({ rowNumber: 3, values: { outputYtd: 1234.5, outputPrev: 1000 } })
  })

  it('matches English aliases, full-width text, spaces, case and units in parentheses', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(['USCC', ' 企业 名称 ', 'COUNTYCODE', '成立日期（年月日）', '从业人员（人）', '备注'])
      ws.addRow(ROW1)
    })
    const { sheet, rows } = await readAll(data, registry)
    expect(sheet.header?.fields).toEqual({ uscc: 'A', name: 'B', countyCode: 'C', foundedOn: 'D', employees: 'E' })
    expect(sheet.warnings).toMatchObject([{ code: 'unknownColumn', column: 'F', value: '备注' }])
    expect(rows).toHaveLength(1)
  })

  it('ignores the columns a spec lists as read-only, without a warning', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow([...HEAD, '所在地区', '营业收入（万元）'])
      ws.addRow([...ROW1, '湖南省 长沙市', 12])
    })
    const { sheet, rows } = await readAll(data, { ...registry, ignore: ['所在地区', '营业收入'] })
    expect(sheet.warnings).toEqual([])
    expect(Object.keys(rows[0]?.values ?? {})).toEqual(['uscc', 'name', 'countyCode', 'foundedOn', 'employees'])
  })

  it('names every missing required column', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(['统一社会信用代码', '成立日期', '从业人员'])
      ws.addRow(['91430102MA4L000001', '2010-01-01', 3])
    })
    const sheet = await openSpreadsheet(data, registry)
    expect(sheet.errors.map((e) => [e.code, e.field])).toEqual([
      ['missingColumn', 'name'],
      ['missingColumn', 'countyCode'],
    ])
    expect(sheet.errors[0]?.message.zh).toContain('企业名称')
  })

  it('refuses a table without any recognisable header', async () => {
    const data = await xlsxOf((wb) => wb.addWorksheet('x').addRow(['甲', '乙', '丙']))
    const sheet = await openSpreadsheet(data, registry)
    expect(sheet.errors).toMatchObject([{ code: 'noHeader' }])
  })

  it('skips a hidden first sheet, even one with headers and data', async () => {
    const data = await xlsxOf((wb) => {
      const hidden = wb.addWorksheet('旧数据', { state: 'hidden' })
      hidden.addRow(HEAD)
      hidden.addRow(['91430102MA4L0000XX', '旧', '430102', null, null])
      const ws = wb.addWorksheet('名录')
      ws.addRow(HEAD)
      ws.addRow(ROW1)
    })
    const { sheet, rows } = await readAll(data, registry)
    expect(sheet.sheetName).toBe('名录')
    expect(rows.map((r) => r.values.name)).toEqual(['长沙芙蓉精密机械有限公司'])
  })

  it('finds the data on the second sheet when the first is an instruction sheet', async () => {
    const data = await xlsxOf((wb) => {
      const info = wb.addWorksheet('说明')
      info.addRow(['列名', '说明'])
      info.addRow(['统一社会信用代码', '18 位'])
      info.addRow(['企业名称', '全称'])
      const ws = wb.addWorksheet('数据')
      ws.addRow(HEAD)
      ws.addRow(ROW1)
    })
    const { sheet, rows } = await readAll(data, registry)
    expect(sheet.sheetName).toBe('数据')
    expect(rows).toHaveLength(1)
  })

  it('reads a header-only file as no rows', async () => {
    const { sheet, rows } = await readAll(await xlsxOf((wb) => wb.addWorksheet('x').addRow(HEAD)), registry)
    expect(sheet.errors).toEqual([])
    expect(rows).toEqual([])
  })
})

describe('xlsx: cell values', () => {
  it('uses cached formula results and reports a formula without one, at its cell', async () => {
    const base = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(HEAD)
      ws.addRow([...ROW1.slice(0, 4), { formula: '100+20', result: 120 }])
      ws.addRow([...ROW1.slice(0, 4), { formula: 'SUM(E2:E2)', result: 0 }])
    })
    // Excel saves <f> and <v>; a file written by a program that never calculated has <f> alone.
    const data = patchPart(base, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/(<f>SUM\(E2:E2\)<\/f>)<v>0<\/v>/, '$1'))
    const { rows } = await readAll(data, registry)
    expect(rows[0]?.values.employees).toBe(120)
    expect(rows[0]?.errors).toEqual([])
    expect(rows[1]?.values.employees).toBeNull()
    expect(rows[1]?.errors).toMatchObject([{ row: 3, column: 'E', field: 'employees', code: 'formulaWithoutValue' }])
    expect(rows[1]?.errors[0]?.message.zh).toContain('E3')
  })

  it('accepts numbers stored as text, full-width digits, thousands separators, and dates in several forms', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(HEAD)
      ws.addRow(['91430102MA4L000001', '甲', '４３０１０２', '2010/5/1', '1,234'])
      ws.addRow(['91430102MA4L000002', '乙', 430102, '2010年5月1日', '１２０'])
      ws.addRow(['91430102MA4L000003', '丙', '430102', 40299, 7])
      ws.addRow(['91430102MA4L000004', '丁', '430102', new Date(Date.UTC(2010, 4, 1)), ' 8 '])
      ws.addRow(['91430102MA4L000005', '戊', '430102', '20100501', 'abc'])
    })
    const { rows } = await readAll(data, registry)
    expect(rows.map((r) => r.values.countyCode)).toEqual(['430102', '430102', '430102', '430102', '430102'])
    expect(rows.map((r) => r.values.employees)).toEqual([1234, 120, 7, 8, null])
    for (const r of rows) expect(r.values.foundedOn).toEqual(new Date(Date.UTC(2010, 4, 1)))
    expect(rows[4]?.errors).toMatchObject([{ code: 'notANumber', column: 'E', row: 6 }])
  })

  it('turns placeholders into empty values and skips rows that are empty or hold only placeholders', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(HEAD)
      ws.addRow(['91430102MA4L000001', '甲', '430102', '—', '－'])
      ws.addRow([])
      ws.addRow(['  ', '/', '-', null, '——'])
      ws.addRow(['91430102MA4L000002', '乙', '430102', '', '/'])
    })
    const { rows } = await readAll(data, registry)
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5])
    expect(rows[0]?.values).toMatchObject({ foundedOn: null, employees: null })
  })

  it('reads a sheet of 1,048,576 formatted empty rows as "no rows"', async () => {
    const base = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(HEAD)
      ws.getRow(1).font = { bold: true }
    })
    // What Excel saves after someone formats whole columns: every row down to 1,048,576 carries a style.
    const empty: string[] = []
    for (let r = 2; r <= 1_048_576; r++) empty.push(`<row r="${r}" s="1" customFormat="1" ht="15" customHeight="1"/>`)
    const data = patchPart(base, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', empty.join('') + '</sheetData>'))
    const { sheet, rows } = await readAll(data, registry)
    expect(sheet.errors).toEqual([])
    expect(rows).toEqual([])
  })
})

describe('csv', () => {
  const text = [HEAD.join(','), ROW1.join(','), '"91430102MA4L000002","长沙""星城""机械, 有限公司",430102,,"1,200"'].join('\r\n')

  it('reads GBK (as GB18030) without a BOM', async () => {
    const { sheet, rows } = await readAll(iconv.encode(text, 'gbk'), registry)
    expect(sheet).toMatchObject({ format: 'csv', encoding: 'GB18030', delimiter: ',' })
    expect(rows.map((r) => r.values.name)).toEqual(['长沙芙蓉精密机械有限公司', '长沙"星城"机械, 有限公司'])
    expect(rows[1]?.values.employees).toBe(1200)
  })

  it('reads UTF-8 with and without a BOM, and with ; or tab delimiters', async () => {
    for (const [bytes, delimiter] of [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), ','],
      [Buffer.from(text), ','],
      [Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')), ';'],
      [Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')), '\t'],
    ] as const) {
      const { sheet, rows } = await readAll(bytes, registry)
      expect(sheet.encoding).toBe('UTF-8')
      expect(sheet.delimiter).toBe(delimiter)
      expect(rows.map((r) => r.values.uscc)).toEqual(['91430102MA4L000001', '91430102MA4L000002'])
      expect(sheet.header?.columns[0]?.text).toBe('统一社会信用代码')
    }
  })

  it('honours Excel\'s sep= line without counting it as a row', async () => {
    const { sheet, rows } = await readAll(Buffer.from(`sep=;\n${HEAD.join(';')}\n${ROW1.join(';')}\n`), registry)
    expect(sheet.delimiter).toBe(';')
    expect(rows[0]?.rowNumber).toBe(2)
  })
})

describe('what is not a spreadsheet', () => {
  it('reads an .xlsx named .csv as a workbook', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(HEAD)
      ws.addRow(ROW1)
    })
    const { sheet, rows } = await readAll(data, registry, { fileName: '企业名录.csv' })
    expect(sheet.format).toBe('xlsx')
    expect(rows).toHaveLength(1)
  })

  it('refuses an empty file, a PDF, random bytes, a Word document and an .xls, saying what it is', async () => {
    expect((await unreadable(openSpreadsheet(Buffer.alloc(0), registry, { fileName: 'a.xlsx' }))).messageIn('zh-CN')).toContain('空')
    expect((await unreadable(openSpreadsheet(Buffer.from('%PDF-1.7\n...'), registry))).messageIn('en-US')).toContain('PDF')
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))
    await unreadable(openSpreadsheet(random, registry))
    const docx = zipEntries(new Map([['word/document.xml', Buffer.from('<w:document/>')]]))
    expect((await unreadable(openSpreadsheet(docx, registry))).messageIn('zh-CN')).toContain('Word')
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])
    expect((await unreadable(openSpreadsheet(xls, registry))).messageIn('zh-CN')).toContain('.xls')
  })

  it('refuses a truncated workbook', async () => {
    const data = await xlsxOf((wb) => wb.addWorksheet('x').addRow(HEAD))
    await unreadable(openSpreadsheet(data.subarray(0, Math.floor(data.length / 2)), registry))
  })

  it('enforces the size and row limits', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(HEAD)
      for (let i = 0; i < 5; i++) ws.addRow(ROW1)
    })
    await unreadable(openSpreadsheet(data, registry, { maxBytes: 100 }))
    const e = await unreadable(readAll(data, registry, { maxRows: 3 }))
    expect(e.messageIn('en-US')).toContain('more than 3 data rows')
  })
})
