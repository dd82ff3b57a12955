import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { patchPart, readAll, xlsxOf } from './testing.ts'
import type { SheetSpec } from './types.ts'

const spec: SheetSpec = {
  columns: [
    { field: 'uscc', header: '统一社会信用代码', required: true },
    { field: 'name', header: '企业名称', required: true },
    { field: 'employees', header: '从业人员', kind: 'number' },
    { field: 'foundedOn', header: '成立日期', kind: 'date' },
  ],
}

/**
 * Whatever arrives, reading ends (within a few seconds) either with rows and row errors, or with an
 * AppError the user can read; never with a TypeError from deep inside a parser, and never by hanging.
 */
async function readsOrRefuses(data: Buffer): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), 10_000)
  })
  const outcome = await Promise.race([
    readAll(data, spec, { maxRows: 10_000 }).then(
      () => 'ok' as const,
      (e: unknown) => e,
    ),
    hang,
  ])
  clearTimeout(timer)
  expect(outcome).not.toBe('hang')
  if (outcome !== 'ok') {
    expect(outcome).toBeInstanceOf(AppError)
    expect((outcome as AppError).code).toBe('FILE_UNREADABLE')
  }
}

const validXlsx = await xlsxOf((wb) => {
  wb.addWorksheet('说明').addRow(['说明'])
  const ws = wb.addWorksheet('数据')
  ws.addRow(['统一社会信用代码', '企业名称', '从业人员', '成立日期'])
  for (let i = 0; i < 20; i++) ws.addRow([`91430102MA4L0000${String(i).padStart(2, '0')}`, `企业${i}`, i * 10, new Date(Date.UTC(2000 + i, 0, 1))])
  ws.addRow(['91430102MA4L000099', { formula: 'A1', result: 'x' }, { formula: '1/0', result: { error: '#DIV/0!' } }, null])
})
const validCsv = Buffer.from('统一社会信用代码,企业名称,从业人员\n91430102MA4L000001,"甲,公司",1\n91430102MA4L000002,乙,"2,000"\n')

describe('the reader on hostile input', () => {
  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (bytes) => readsOrRefuses(Buffer.from(bytes))), { numRuns: Number(process.env.FUZZ_RUNS ?? 200) })
  })

  it('random bytes behind a ZIP signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (bytes) => readsOrRefuses(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(bytes)]))),
      { numRuns: 100 },
    )
  })

  const mutation = fc.record({
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    mode: fc.constantFrom('overwrite', 'insert', 'truncate', 'delete'),
  })
  const mutate = (base: Buffer, ms: { at: number; bytes: Uint8Array; mode: string }[]) => {
    let b = Buffer.from(base)
    for (const m of ms) {
      const at = m.at % Math.max(1, b.length)
      if (m.mode === 'overwrite') Buffer.from(m.bytes).copy(b, at)
      else if (m.mode === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)])
      else if (m.mode === 'truncate') b = b.subarray(0, at)
      else b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.bytes.length)])
    }
    return b
  }

  it('mutated workbooks', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => readsOrRefuses(mutate(validXlsx, ms))), { numRuns: Number(process.env.FUZZ_RUNS ?? 150) })
  })

  const parts = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']
  it('workbooks whose XML is broken inside an intact ZIP', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 12 }), (part, at, cut, junk) =>
        readsOrRefuses(
          patchPart(validXlsx, part, (xml) => {
            const i = at % xml.length
            return xml.slice(0, i) + junk + xml.slice(i + cut)
          }),
        ),
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    )
  })

  it('mutated CSV files', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => readsOrRefuses(mutate(validCsv, ms))), { numRuns: Number(process.env.FUZZ_RUNS ?? 150) })
  })
})
