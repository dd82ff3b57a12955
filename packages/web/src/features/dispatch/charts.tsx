import { useMemo } from 'react'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

// Only what the dispatch charts use, so the echarts chunk stays small (loaded with the lazy pages).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption>

const UP = '#1d4ed8'
const DOWN = '#dc2626'
const HIGHLIGHT = '#f59e0b'

export interface BarItem {
  key: string
  label: string
  value: number | null
  highlight?: boolean
}

/**
 * Horizontal bars of a signed value (growth, pull): blue above zero, red below, the highlighted item in
 * amber; a click on a bar reports its key (drill-down).
 */
export function SignedBarChart({
  items,
  unit,
  onPick,
  testId,
  decimals = 1,
}: {
  items: readonly BarItem[]
  unit: string
  onPick?: (key: string) => void
  testId?: string
  decimals?: number
}) {
  const option = useMemo<Option>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(decimals)}${unit}` : '—') },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}${unit}` } },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.label), axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: items.map((i) => ({
            value: i.value ?? 0,
            itemStyle: { color: i.highlight ? HIGHLIGHT : (i.value ?? 0) < 0 ? DOWN : UP },
          })),
          label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(decimals) : '') },
        },
      ],
    }),
    [items, unit, decimals],
  )
  const onEvents = useMemo(
    () => (onPick ? { click: (p: { dataIndex: number }) => { const it = items[p.dataIndex]; if (it) onPick(it.key) } } : undefined),
    [items, onPick],
  )
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge onEvents={onEvents} style={{ height: Math.max(160, items.length * 24 + 40), width: '100%' }} />
    </div>
  )
}

/** A small trend line without axes, for a KPI card. */
export function Sparkline({ labels, values, unit }: { labels: readonly string[]; values: readonly (number | null)[]; unit: string }) {
  const option = useMemo<Option>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}${unit}` : '—') },
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', data: [...labels], show: false, boundaryGap: false },
      yAxis: { type: 'value', show: false, scale: true },
      series: [{ type: 'line', data: [...values], smooth: true, symbol: 'circle', symbolSize: 4, lineStyle: { width: 2, color: UP }, itemStyle: { color: UP }, connectNulls: false }],
    }),
    [labels, values, unit],
  )
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 40, width: '100%' }} />
}

/** Rank history: one line per scope, rank 1 at the top (inverted axis). */
export function RankHistoryChart({
  labels,
  series,
  testId,
}: {
  labels: readonly string[]
  series: readonly { name: string; values: readonly (number | null)[] }[]
  testId?: string
}) {
  const option = useMemo<Option>(() => {
    const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)))
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [...labels], boundaryGap: false },
      yAxis: { type: 'value', inverse: true, min: 1, max, minInterval: 1 },
      series: series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], connectNulls: false, symbol: 'circle', symbolSize: 6, label: { show: true, position: 'top' } })),
    }
  }, [labels, series])
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280, width: '100%' }} />
    </div>
  )
}
