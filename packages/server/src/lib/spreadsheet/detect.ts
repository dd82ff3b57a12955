import iconv from 'iconv-lite'
import { centralDirectory } from './zip.ts'

/**
 * What a file is, decided by its content (an .xlsx renamed .csv is still a workbook), or why it cannot be read.
 * Reasons are written for the official who uploaded the file: what it is and what to do instead.
 */
export type Sniffed =
  | { format: 'xlsx' }
  | { format: 'csv'; text: string; encoding: 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE' }
  | { format: 'unreadable'; reason: { zh: string; en: string } }

const startsWith = (data: Buffer, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b)
const ascii = (data: Buffer, n: number) => data.subarray(0, n).toString('latin1')

const SAVE_AS = { zh: '请在 Excel 或 WPS 中打开，另存为 .xlsx 或 CSV 后再导入', en: 'open it in Excel or WPS, save it as .xlsx or CSV and import that' }
const unreadable = (zh: string, en: string): Sniffed => ({ format: 'unreadable', reason: { zh, en } })

export function sniff(data: Buffer): Sniffed {
  if (data.length === 0) return unreadable('文件是空的（0 字节）', 'the file is empty (0 bytes)')
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return zipKind(data)
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An encrypted .xlsx is an OLE2 container holding an "EncryptedPackage" stream.
    if (data.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return unreadable('工作簿设置了打开密码，无法读取；请取消密码后再导入', 'the workbook is password-protected; remove the password and import again')
    }
    return unreadable(`这是 Excel 97–2003 格式（.xls）的文件；${SAVE_AS.zh}`, `this is an Excel 97–2003 (.xls) file; ${SAVE_AS.en}`)
  }
  const head = ascii(data, 512)
  if (head.startsWith('%PDF')) return unreadable('这是 PDF 文档，不是电子表格', 'this is a PDF document, not a spreadsheet')
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47]) || startsWith(data, [0xff, 0xd8, 0xff]) || head.startsWith('GIF8')) {
    return unreadable('这是图片，不是电子表格', 'this is an image, not a spreadsheet')
  }
  if (startsWith(data, [0x1f, 0x8b]) || head.startsWith('Rar!') || startsWith(data, [0x37, 0x7a, 0xbc, 0xaf])) {
    return unreadable('这是压缩包，请解压后导入其中的表格', 'this is a compressed archive; extract it and import the spreadsheet inside')
  }
  const decoded = decodeText(data)
  const lead = decoded.text.slice(0, 2048).trimStart().toLowerCase()
  if (lead.startsWith('<?xml') && lead.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return unreadable(`这是 Excel 2003 XML 表格；${SAVE_AS.zh}`, `this is an Excel 2003 XML spreadsheet; ${SAVE_AS.en}`)
  }
  if (/^(<!doctype html|<html|<table|<meta)/.test(lead)) {
    // Several government systems "export to Excel" by sending an HTML table named .xls.
    return unreadable(`这是网页（HTML）格式的表格，只是扩展名像 Excel；${SAVE_AS.zh}`, `this is an HTML table with a spreadsheet's name; ${SAVE_AS.en}`)
  }
  if (looksBinary(decoded.text)) return unreadable('文件不是 Excel（.xlsx）或 CSV 表格，无法识别其内容', 'the file is neither an Excel workbook (.xlsx) nor a CSV table')
  return { format: 'csv', text: decoded.text, encoding: decoded.encoding }
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312, what Chinese Excel saves CSV as). */
export function decodeText(data: Buffer): { text: string; encoding: 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE' } {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return { text: data.subarray(3).toString('utf8'), encoding: 'UTF-8' }
  if (startsWith(data, [0xff, 0xfe])) return { text: iconv.decode(data.subarray(2), 'utf16le'), encoding: 'UTF-16LE' }
  if (startsWith(data, [0xfe, 0xff])) return { text: iconv.decode(data.subarray(2), 'utf16be'), encoding: 'UTF-16BE' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'UTF-8' }
  } catch {
    return { text: iconv.decode(data, 'gb18030'), encoding: 'GB18030' }
  }
}

/** Control characters and undecodable bytes in a text file mean it was never text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536)
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) return true
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++
  }
  return bad > Math.max(2, sample.length / 200)
}

function zipKind(data: Buffer): Sniffed {
  const names = centralDirectory(data)?.entries.map((e) => e.name)
  if (!names) {
    return unreadable('文件已损坏或不完整（可能上传中断），请重新保存后再导入', 'the file is damaged or incomplete (perhaps the upload was cut short); save it again and retry')
  }
  if (names.length === 0 || names.includes('xl/workbook.xml')) return { format: 'xlsx' }
  if (names.includes('word/document.xml')) return unreadable('这是 Word 文档，不是电子表格', 'this is a Word document, not a spreadsheet')
  if (names.some((n) => n.startsWith('ppt/'))) return unreadable('这是 PowerPoint 演示文稿，不是电子表格', 'this is a PowerPoint presentation, not a spreadsheet')
  if (names.includes('content.xml') && names.includes('mimetype')) {
    return unreadable(`这是 OpenDocument（.ods/.odt）文件；${SAVE_AS.zh}`, `this is an OpenDocument (.ods/.odt) file; ${SAVE_AS.en}`)
  }
  return unreadable('这是 ZIP 压缩包而不是 Excel 工作簿；请解压后导入其中的表格', 'this is a ZIP archive, not an Excel workbook; extract it and import the spreadsheet inside')
}

const CANDIDATES = [',', ';', '\t'] as const

/** Counts a delimiter outside double-quoted fields on one line. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === d && !quoted) n++
  }
  return n
}

/**
 * The delimiter of a CSV text: Excel's `sep=;` line when present, else the candidate (, ; tab) that splits
 * the first lines most consistently. Returns how many leading lines to skip (the `sep=` line).
 */
export function detectDelimiter(text: string): { delimiter: string; skipLines: number } {
  const sep = /^sep=(.)\r?\n/i.exec(text)
  if (sep && sep[1] !== undefined) return { delimiter: sep[1], skipLines: 1 }
  const lines = text
    .slice(0, 65_536)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
  let best: string = ','
  let bestScore = 0
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    const present = counts.filter((c) => c > 0).length
    // lines that have it, weighted by how many columns it makes: title lines without it only lower the score
    const score = present === 0 ? 0 : present * 1000 + counts.reduce((a, b) => a + b, 0)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return { delimiter: best, skipLines: 0 }
}
