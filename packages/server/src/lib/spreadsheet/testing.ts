import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import { openSpreadsheet } from './reader.ts'
import type { ReadOptions, SheetRow, SheetSpec } from './types.ts'

/*
 * Helpers for tests that build spreadsheets in memory (this module and every importer's tests).
 * The tiny ZIP reader and writer let a test rewrite one part of a workbook, e.g. to produce a
 * million formatted rows in a second, or a formula without a cached result, exactly as Excel saves them.
 */

export async function xlsxOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Every entry of a ZIP file, inflated (central directory based; no ZIP64, no encryption). */
export function unzipEntries(data: Buffer): Map<string, Buffer> {
  let eocd = -1
  for (let p = data.length - 22; p >= 0; p--) {
    if (data.readUInt32LE(p) === 0x06054b50) {
      eocd = p
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip file')
  const count = data.readUInt16LE(eocd + 10)
  let q = data.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(q + 10)
    const size = data.readUInt32LE(q + 20)
    const nameLen = data.readUInt16LE(q + 28)
    const extra = data.readUInt16LE(q + 30)
    const comment = data.readUInt16LE(q + 32)
    const local = data.readUInt32LE(q + 42)
    const name = data.toString('utf8', q + 46, q + 46 + nameLen)
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    const raw = data.subarray(start, start + size)
    if (!name.endsWith('/')) out.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw))
    q += 46 + nameLen + extra + comment
  }
  return out
}

/** A ZIP of the given entries, in the given order, deflated, with sizes in the local headers. */
export function zipEntries(entries: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let pos = 0
  for (const [entryName, data] of entries) {
    const name = Buffer.from(entryName)
    const comp = zlib.deflateRawSync(data)
    const crc = zlib.crc32(data)
    const lh = Buffer.alloc(30)
    lh.writeUInt32LE(0x04034b50, 0)
    lh.writeUInt16LE(20, 4)
    lh.writeUInt16LE(0x0800, 6)
    lh.writeUInt16LE(8, 8)
    lh.writeUInt32LE(crc, 14)
    lh.writeUInt32LE(comp.length, 18)
    lh.writeUInt32LE(data.length, 22)
    lh.writeUInt16LE(name.length, 26)
    const ch = Buffer.alloc(46)
    ch.writeUInt32LE(0x02014b50, 0)
    ch.writeUInt16LE(20, 4)
    ch.writeUInt16LE(20, 6)
    ch.writeUInt16LE(0x0800, 8)
    ch.writeUInt16LE(8, 10)
    ch.writeUInt32LE(crc, 16)
    ch.writeUInt32LE(comp.length, 20)
    ch.writeUInt32LE(data.length, 24)
    ch.writeUInt16LE(name.length, 28)
    ch.writeUInt32LE(pos, 42)
    locals.push(lh, name, comp)
    central.push(ch, name)
    pos += 30 + name.length + comp.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.size, 8)
  end.writeUInt16LE(entries.size, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(pos, 16)
  return Buffer.concat([...locals, cd, end])
}

/** Rewrites one part of a workbook (e.g. xl/worksheets/sheet1.xml) as text. */
export function patchPart(xlsx: Buffer, part: string, edit: (xml: string) => string): Buffer {
  const entries = unzipEntries(xlsx)
  const xml = entries.get(part)
  if (!xml) throw new Error(`no part ${part}; parts: ${[...entries.keys()].join(', ')}`)
  entries.set(part, Buffer.from(edit(xml.toString('utf8'))))
  return zipEntries(entries)
}

/** Opens and reads a whole file: header, problems and rows (for tests and small files only). */
export async function readAll(data: Buffer, spec: SheetSpec, opts: ReadOptions = {}) {
  const sheet = await openSpreadsheet(data, spec, opts)
  const rows: SheetRow[] = []
  for await (const r of sheet.rows()) rows.push(r)
  return { sheet, rows }
}
