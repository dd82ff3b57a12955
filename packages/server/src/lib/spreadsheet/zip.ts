import zlib from 'node:zlib'

/**
 * A strict check of a workbook's ZIP container, done on the in-memory upload before ExcelJS's streaming
 * reader sees it. That reader walks local headers in sequence and, on some damage (a corrupt deflate
 * stream in a part it awaits, a gap between entries), waits forever instead of failing; a file that
 * passes this check is one it reads to the end. Excel, WPS and LibreOffice all write ZIPs that pass.
 * It also bounds the unpacked size, so that a small upload cannot unpack into gigabytes.
 */

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const DESCRIPTOR = 0x08074b50

/** The central directory, or undefined when the file has none (truncated, or not a ZIP). */
export function centralDirectory(data: Buffer): { entries: ZipEntry[]; offset: number } | undefined {
  const min = Math.max(0, data.length - 65_557)
  for (let p = data.length - 22; p >= min; p--) {
    if (data.readUInt32LE(p) !== EOCD) continue
    const count = data.readUInt16LE(p + 10)
    const size = data.readUInt32LE(p + 12)
    const offset = data.readUInt32LE(p + 16)
    if (offset + size > p) return undefined
    const entries: ZipEntry[] = []
    let q = offset
    for (let i = 0; i < count; i++) {
      if (q + 46 > p || data.readUInt32LE(q) !== CENTRAL) return undefined
      const nameLength = data.readUInt16LE(q + 28)
      entries.push({
        flags: data.readUInt16LE(q + 8),
        method: data.readUInt16LE(q + 10),
        crc: data.readUInt32LE(q + 16),
        compressedSize: data.readUInt32LE(q + 20),
        size: data.readUInt32LE(q + 24),
        name: data.toString('utf8', q + 46, q + 46 + nameLength),
        localOffset: data.readUInt32LE(q + 42),
      })
      q += 46 + nameLength + data.readUInt16LE(q + 30) + data.readUInt16LE(q + 32)
    }
    return { entries, offset }
  }
  return undefined
}

export type ZipCheck = { ok: true } | { ok: false; problem: 'damaged' | 'encrypted' | 'tooLarge' | 'unsupported'; detail: string }

function inflatedCheck(raw: Buffer, e: ZipEntry, budget: { left: number }): Promise<ZipCheck> {
  return new Promise((resolve) => {
    if (e.method === 0) {
      budget.left -= raw.length
      if (budget.left < 0) return resolve({ ok: false, problem: 'tooLarge', detail: e.name })
      return resolve(zlib.crc32(raw) === e.crc && raw.length === e.size ? { ok: true } : { ok: false, problem: 'damaged', detail: `${e.name}: checksum` })
    }
    const inflate = zlib.createInflateRaw()
    let crc = 0
    let size = 0
    let settled = false
    const done = (r: ZipCheck) => {
      if (settled) return
      settled = true
      inflate.destroy()
      resolve(r)
    }
    inflate.on('data', (chunk: Buffer) => {
      crc = zlib.crc32(chunk, crc)
      size += chunk.length
      budget.left -= chunk.length
      if (budget.left < 0) done({ ok: false, problem: 'tooLarge', detail: e.name })
    })
    inflate.on('error', (err: Error) => done({ ok: false, problem: 'damaged', detail: `${e.name}: ${err.message}` }))
    inflate.on('end', () => done(crc === e.crc && size === e.size ? { ok: true } : { ok: false, problem: 'damaged', detail: `${e.name}: checksum` }))
    inflate.end(raw)
  })
}

/** Checks the container of an .xlsx: entries contiguous from byte 0 to the directory, each inflating to its recorded CRC and size. */
export async function checkZip(data: Buffer, maxUnpackedBytes: number): Promise<ZipCheck> {
  const cd = centralDirectory(data)
  if (!cd) return { ok: false, problem: 'damaged', detail: 'no central directory' }
  const entries = [...cd.entries].sort((a, b) => a.localOffset - b.localOffset)
  const budget = { left: maxUnpackedBytes }
  let expected = 0
  for (const e of entries) {
    if (e.flags & 0x1) return { ok: false, problem: 'encrypted', detail: e.name }
    if (e.method !== 0 && e.method !== 8) return { ok: false, problem: 'unsupported', detail: `${e.name}: method ${e.method}` }
    if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff) {
      return { ok: false, problem: 'unsupported', detail: 'ZIP64' }
    }
    const at = e.localOffset
    if (at !== expected || at + 30 > cd.offset || data.readUInt32LE(at) !== LOCAL) return { ok: false, problem: 'damaged', detail: `${e.name}: local header` }
    const method = data.readUInt16LE(at + 8)
    const flags = data.readUInt16LE(at + 6)
    const localCompressed = data.readUInt32LE(at + 18)
    const nameLength = data.readUInt16LE(at + 26)
    const start = at + 30 + nameLength + data.readUInt16LE(at + 28)
    const end = start + e.compressedSize
    if (method !== e.method || data.toString('utf8', at + 30, at + 30 + nameLength) !== e.name || end > cd.offset) {
      return { ok: false, problem: 'damaged', detail: `${e.name}: local header` }
    }
    if (!(flags & 0x8) && localCompressed !== e.compressedSize) return { ok: false, problem: 'damaged', detail: `${e.name}: size` }
    expected = end
    if (flags & 0x8) {
      // a data descriptor follows the data: crc, sizes, with or without its signature
      expected += end + 4 <= data.length && data.readUInt32LE(end) === DESCRIPTOR ? 16 : 12
    }
    const r = await inflatedCheck(data.subarray(start, end), e, budget)
    if (!r.ok) return r
  }
  if (expected !== cd.offset) return { ok: false, problem: 'damaged', detail: 'bytes between the entries and the directory' }
  return { ok: true }
}
