import { sql } from 'drizzle-orm'
import { createRegionResolver, findIndicator, indicatorCatalog, type Indicator, type RegionResolver } from '@gongxin/domain'
import type { Tx } from '../../db/index.ts'
import type { FieldError } from '../../lib/errors.ts'
import { asText } from '../../lib/spreadsheet/normalize.ts'
import type { ColumnSpec, HeaderMap, SheetRow } from '../../lib/spreadsheet/types.ts'
import { rowError, type FactRow } from './fact-import.ts'

/*
 * The columns official statistics and targets share: the region (by code or by name, either suffices) and the
 * indicator (by id or Chinese name), read the same way by both importers.
 */

export interface FileColumn extends ColumnSpec {
  format: { zh: string; en: string }
  example: string | number
}

export const regionColumns: readonly FileColumn[] = [
  {
    field: 'regionCode', header: '地区代码', aliases: ['regionCode', '行政区划代码', '区划代码', '地区编码'],
    format: { zh: '6 位行政区划代码（GB/T 2260），如 430000、430100；与“地区名称”至少填一项', en: '6-digit division code (GB/T 2260), e.g. 430000, 430100; this or the region name' }, example: '430100',
  },
  {
    field: 'regionName', header: '地区名称', aliases: ['regionName', '地区', '地区名', '行政区划名称', '区域'],
    format: { zh: '湖南省 或 湖南、长沙市 或 长沙；重名的县区请写上级（吉林省长春市朝阳区）或填地区代码', en: '湖南省 or 湖南, 长沙市 or 长沙; qualify a county name found twice (吉林省长春市朝阳区) or give the code' }, example: '长沙市',
  },
]

export const indicatorColumn: FileColumn = {
  field: 'indicator', header: '指标', aliases: ['indicator', '指标名称', '指标代码'], required: true,
  format: { zh: '指标目录中的中文名称或代码（见“指标目录”工作表）', en: 'a name or id of the indicator catalogue (see the 指标目录 sheet)' }, example: '规模以上工业增加值增速',
}

/** Neither region column: the file cannot say which region a row is about. */
export function regionHeaderErrors(header: HeaderMap): FieldError[] {
  if ('regionCode' in header.fields || 'regionName' in header.fields) return []
  return [{
    field: 'regionName', code: 'missingColumn',
    message: { zh: '文件缺少地区列：须有“地区代码”（regionCode）或“地区名称”（regionName）列，至少其一', en: 'the file has no region column: it needs 地区代码 (regionCode) or 地区名称 (regionName), at least one of them' },
  }]
}

/** Every division of China, as the resolver needs them (3,000-odd rows, read once per import). */
export async function loadRegionResolver(tx: Tx): Promise<RegionResolver> {
  const rows = await tx.execute<{ code: string; name: string; level: number; parent_code: string | null }>(sql`select code, name, level, parent_code from divisions`)
  return createRegionResolver(rows.rows.map((r) => ({ code: r.code.trim(), name: r.name, level: Number(r.level), parentCode: r.parent_code?.trim() ?? null })))
}

/** The field region errors are reported on: the cell the row filled in (the code first), else a region column the file has. */
export function regionField(r: Pick<FactRow, 'cellRefs'>, sr: Pick<SheetRow, 'values'>): 'regionCode' | 'regionName' {
  if (sr.values.regionCode != null) return 'regionCode'
  if (sr.values.regionName != null) return 'regionName'
  return 'regionCode' in r.cellRefs ? 'regionCode' : 'regionName'
}

/**
 * The region of a row from its code, its name, or both (then they must agree); errors go into the row. The
 * reader has already reported cells it could not read.
 */
export function readRegion(r: FactRow, sr: SheetRow, resolver: RegionResolver): string | null {
  const codeText = asText(sr.values.regionCode ?? null)
  const nameText = asText(sr.values.regionName ?? null)
  if (codeText === null && nameText === null) {
    r.errors.push(rowError(r, regionField(r, sr), 'regionMissing', '地区代码和地区名称不能都为空', 'the region code and the region name cannot both be empty'))
    return null
  }
  let code: string | null = null
  if (codeText !== null) {
    const c = resolver.byCode(codeText)
    if (!c.ok) {
      r.errors.push(rowError(r, 'regionCode', c.error.code, c.error.zh, c.error.en, codeText))
      return null
    }
    code = c.code
  }
  if (nameText !== null) {
    const n = resolver.byName(nameText)
    if (code === null) {
      if (!n.ok) r.errors.push(rowError(r, 'regionName', n.error.code, n.error.zh, n.error.en, nameText))
      return n.ok ? n.code : null
    }
    // with a code, the name only has to be one of the regions it can mean
    const candidates = n.ok ? [n.code] : String(n.error.params?.candidates ?? '').split(',')
    if (!candidates.includes(code)) {
      const full = resolver.fullName(code)
      r.errors.push(rowError(r, 'regionName', 'regionNameMismatch', `地区名称“${nameText}”与地区代码 ${code}（${full}）不符`, `region name "${nameText}" does not match the region code ${code} (${full})`, nameText))
      return null
    }
  }
  return code
}

const known = indicatorCatalog.map((i) => `${i.nameZh}（${i.id}）`).join('、')
const knownEn = indicatorCatalog.map((i) => i.id).join(', ')

/** The indicator of a row, by id or Chinese name; an unknown one is an error listing the catalogue. */
export function readIndicator(r: FactRow, sr: SheetRow): Indicator | null {
  const text = asText(sr.values.indicator ?? null)
  if (text === null) {
    r.errors.push(rowError(r, 'indicator', 'indicatorMissing', '指标不能为空', 'the indicator is required'))
    return null
  }
  const ind = findIndicator(text)
  if (!ind) r.errors.push(rowError(r, 'indicator', 'indicatorUnknown', `指标“${text}”不在指标目录中；可填写：${known}`, `indicator "${text}" is not in the indicator catalogue; known: ${knownEn}`, text))
  return ind
}
