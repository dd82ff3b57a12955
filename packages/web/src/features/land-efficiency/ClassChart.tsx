import { useMemo } from 'react'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import { LAND_CLASSES, type Distribution } from './api.ts'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])
type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

export const CLASS_COLORS = { A: '#15803d', B: '#1d4ed8', C: '#f59e0b', D: '#dc2626', T: '#9ca3af' } as const

/** Stacked bars of the classes per county (or industry); a click on a bar picks its key (the table's filter). */
export function ClassChart({ data, onPick }: { data: Distribution; onPick?: (key: string) => void }) {
  const option = useMemo<Option>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.items.map((i) => i.name ?? i.key), axisLabel: { interval: 0, rotate: data.items.length > 12 ? 45 : 0 } },
    yAxis: { type: 'value' },
    series: LAND_CLASSES.map((c) => ({ name: c, type: 'bar', stack: 'classes', itemStyle: { color: CLASS_COLORS[c] }, data: data.items.map((i) => i.counts[c]) })),
  }), [data])
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      style={{ height: 320 }}
      notMerge
      onEvents={onPick ? { click: (p: { dataIndex: number }) => { const k = data.items[p.dataIndex]?.key; if (k) onPick(k) } } : {}}
    />
  )
}
