import type { SheetSpec } from '../../lib/spreadsheet/types.ts'
import { indicatorColumn, regionColumns, type FileColumn } from '../indicators/region-cell.ts'
import { factTemplate } from '../indicators/template.ts'

/** The columns of 年度目标 (annual targets): one row per region, year and indicator. */
export const targetColumns: readonly FileColumn[] = [
  ...regionColumns,
  { field: 'year', header: '年度', aliases: ['year', '年份', '目标年度'], required: true, format: { zh: '四位年份，如 2025 或 2025年', en: 'the year, e.g. 2025 or 2025年' }, example: '2025' },
  indicatorColumn,
  {
    field: 'target', header: '目标值', aliases: ['target', '目标', '年度目标', '目标数'], required: true, kind: 'number',
    format: { zh: '增速目标按百分数（增长 6.5% 填 6.5；能耗下降 3% 填 -3）；总量目标按指标单位（新增规上工业企业 1000 家填 1000）', en: 'growth targets in per cent (+6.5 % is 6.5; an energy-intensity fall of 3 % is -3); level targets in the indicator’s unit (1000 new above-scale enterprises is 1000)' },
    example: 6.5,
  },
  { field: 'unit', header: '单位', aliases: ['unit', '计量单位'], format: { zh: '可空；填写时须与指标目录的单位一致（%、家）', en: 'may be empty; when given it must be the catalogue’s unit (%, 家)' }, example: '%' },
]

export const targetSheetSpec: SheetSpec = { columns: targetColumns, ignore: ['序号', '备注', '说明', '上年目标', '上年实际'] }

export function targetTemplate(): Promise<Buffer> {
  return factTemplate('年度目标', targetColumns, [
    '每行一个地区、一个年度、一个指标的目标。省级可设定全省及各市州、县市区的目标；市州只能设定所辖县市区的目标。',
    '“地区代码”与“地区名称”至少填一项；都填时须一致。',
    '增速目标按百分数填写：增长 6.5% 填 6.5；单位工业增加值能耗下降 3% 填 -3。总量目标填数量，如新增规上工业企业 1000 家填 1000。',
    '重复导入同一文件不产生任何变化；目标值有变动时写入新的修订版本，旧版本保留可查。',
    '任何一行有错误时整个文件都不会写入；系统会返回标出错误单元格的文件，改正后可直接重新导入。',
  ])
}
