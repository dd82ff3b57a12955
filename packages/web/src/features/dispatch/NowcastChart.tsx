import { useMemo } from 'react'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import * as echarts from 'echarts/core'
import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { BacktestSeries } from './assessment.ts'

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

const ACTUAL = '#1d4ed8'
const ESTIMATE = '#f59e0b'
const BAND = 'rgba(245, 158, 11, 0.18)'

/**
 * The backtest of a region: the actual growth and the estimate of each past period (predicted from the periods
 * before it only), the 90 % interval as a band; the last point is the period being nowcast.
 */
export function NowcastChart({
  series,
  names,
  testId,
}: {
  series: BacktestSeries
  names: { actual: string; estimate: string; band: string }
  testId?: string
}) {
  const option = useMemo<Option>(() => {
    const high = series.low.map((l, i) => {
      const w = series.width[i]
      return l === null || w === null || w === undefined ? null : Math.round((l + w) * 10) / 10
    })
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (raw) => {
          const ps = Array.isArray(raw) ? raw : [raw]
          const i = ps[0]?.dataIndex ?? 0
          const v = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${x.toFixed(1)}%`)
          const lines = [`${series.labels[i] ?? ''}`, `${names.actual}: ${v(series.actual[i])}`, `${names.estimate}: ${v(series.estimate[i])}`]
          if (series.low[i] !== null && high[i] !== null) lines.push(`${names.band}: ${v(series.low[i])} – ${v(high[i])}`)
          return lines.join('<br/>')
        },
      },
      legend: { top: 0, data: [names.actual, names.estimate, names.band] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [...series.labels], boundaryGap: false },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: '{value}%' } },
      series: [
        // the band: an invisible line at the lower bound with the width stacked on it ('all': bounds may be negative)
        { type: 'line', name: `${names.band}-low`, data: [...series.low], stack: 'band', stackStrategy: 'all', lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
        { type: 'line', name: names.band, data: [...series.width], stack: 'band', stackStrategy: 'all', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: BAND }, itemStyle: { color: BAND }, silent: true },
        { type: 'line', name: names.actual, data: [...series.actual], symbol: 'circle', symbolSize: 6, lineStyle: { width: 2, color: ACTUAL }, itemStyle: { color: ACTUAL }, connectNulls: false },
        { type: 'line', name: names.estimate, data: [...series.estimate], symbol: 'diamond', symbolSize: 7, lineStyle: { width: 2, type: 'dashed', color: ESTIMATE }, itemStyle: { color: ESTIMATE } },
      ],
    }
  }, [series, names])
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280, width: '100%' }} />
    </div>
  )
}
