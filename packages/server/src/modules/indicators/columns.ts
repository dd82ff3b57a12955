import type { SheetSpec } from '../../lib/spreadsheet/types.ts'
import { indicatorColumn, regionColumns, type FileColumn } from './region-cell.ts'
import { factTemplate } from './template.ts'

/** The columns of 统计局公布数 (official regional statistics): one row per region, period and indicator. */
export const officialStatColumns: readonly FileColumn[] = [
  ...regionColumns,
  {
    field: 'period', header: '报告期', aliases: ['period', '统计期', '时期', '报告期别'], required: true,
    format: { zh: '2025-11、202511、2025年11月 或 2025年1-11月（累计指标按 1—本月累计）；季度指标为 3、6、9、12 月；年度指标写年份 2024', en: '2025-11, 202511, 2025年11月 or 2025年1-11月 (year to date); quarterly indicators end in March, June, September, December; annual ones: the year, 2024' },
    example: '2025年1-11月',
  },
  indicatorColumn,
  {
    field: 'value', header: '数值', aliases: ['value', '指标值', '数据', '公布数'], required: true, kind: 'number',
    format: { zh: '增速按百分数填写（增长 5.2% 填 5.2，下降 3.1% 填 -3.1）；总量按指标单位', en: 'growth in per cent (+5.2 % is 5.2, a fall of 3.1 % is -3.1); levels in the indicator’s unit' },
    example: 5.2,
  },
  { field: 'unit', header: '单位', aliases: ['unit', '计量单位'], format: { zh: '可空；填写时须与指标目录的单位一致（%、家）', en: 'may be empty; when given it must be the catalogue’s unit (%, 家)' }, example: '%' },
  { field: 'source', header: '来源', aliases: ['source', '数据来源', '资料来源'], format: { zh: '可空：公布数据的文件或网页，如“省统计局 2025年11月统计月报”', en: 'may be empty: the publication, e.g. the statistics bureau’s monthly report' }, example: '省统计局统计月报' },
]

export const officialStatSheetSpec: SheetSpec = { columns: officialStatColumns, ignore: ['序号', '排名', '位次', '备注', '说明'] }

export function officialStatTemplate(): Promise<Buffer> {
  return factTemplate('统计公布数', officialStatColumns, [
    '每行一个地区、一个报告期、一个指标的公布数；地区可以是任一级（含全国各省，用于对标）。',
    '“地区代码”与“地区名称”至少填一项；都填时须一致。湖南省与湖南、长沙市与长沙均可识别；同名县区须写出上级地区或填代码。',
    '增速按百分数填写：增长 5.2% 填 5.2，下降 3.1% 填 -3.1（单位工业增加值能耗“下降 3.1%”同样填 -3.1）。',
    '重复导入同一文件不产生任何变化；数值有变动时写入新的修订版本，旧版本保留可查。',
    '任何一行有错误时整个文件都不会写入；系统会返回标出错误单元格的文件，改正后可直接重新导入。',
    '已关账发布的报告期，修改数据须注明修订原因。',
  ])
}
