import { useMemo } from 'react'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import * as echarts from 'echarts/core'
import { BarChart as EBarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

// Only what these charts use, so the echarts chunk stays small.
echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

interface Props {
  categories: string[]
  series: { name: string; values: number[] }[]
  horizontal?: boolean
  height?: number
  testId?: string
}

export function BarChart({ categories, series, horizontal = false, height = 260, testId }: Props) {
  const option = useMemo<Option>(() => {
    const category = { type: 'category' as const, data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } }
    const value = { type: 'value' as const, minInterval: 1 }
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: series.length > 1 ? { top: 0 } : { show: false },
      grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 28 })),
    }
  }, [categories, series, horizontal])
  const h = horizontal ? Math.max(height, categories.length * 26 + 40) : height
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: h, width: '100%' }} />
    </div>
  )
}
