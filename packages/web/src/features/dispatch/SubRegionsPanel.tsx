import { Card, Segmented } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../api/types.ts'
import { SignedBarChart } from './charts.tsx'
import { fixed, localized, rankArrow, yiNumber } from './format.ts'
import { RankChange } from './RankCell.tsx'
import { ShownTable, type TableColumn } from './ShownTable.tsx'
import { TileMap } from './TileMap.tsx'
import { RANKED_INDICATORS, type Dispatch, type RankedIndicator, type SubRegionRow } from './types.ts'

/**
 * The sub-regions of the region (the cities of the province, the counties of a city) ranked on an indicator:
 * a table, a bar chart and the tile-grid map coloured by growth. A click drills into the sub-region.
 */
export function SubRegionsPanel({ d, locale, onDrill }: { d: Dispatch; locale: Locale; onDrill: (code: string) => void }) {
  const { t } = useTranslation()
  const [indicator, setIndicator] = useState<RankedIndicator>('grossOutput')
  const rows = [...d.subRegions].sort((a, b) => (a.rank[indicator] ?? 999) - (b.rank[indicator] ?? 999) || a.region.localeCompare(b.region))
  const childLevel = d.level === 1 ? 'city' : 'county'
  const title = t(`dispatch.sub.title.${childLevel}`, { region: d.name, indicator: t(`dispatch.ind.${indicator}`), period: d.period })
  const columns: TableColumn<SubRegionRow>[] = [
    { key: 'rank', title: t('dispatch.col.rank'), value: (r) => r.rank[indicator] ?? null, align: 'right' },
    { key: 'change', title: t('dispatch.col.rankChange'), value: (r) => rankArrow(r.rankChange[indicator]).symbol, render: (r) => <RankChange change={r.rankChange[indicator]} /> },
    { key: 'name', title: t(`dispatch.col.${childLevel}`), value: (r) => r.name, width: 16 },
    { key: 'cum', title: t('dispatch.col.cumYi', { indicator: t(`dispatch.ind.${indicator}`) }), value: (r) => yiNumber(r.indicators[indicator].cumAll), decimals: 2, align: 'right' },
    {
      key: 'growth',
      title: t('dispatch.col.growth'),
      value: (r) => (indicator === 'profit' && r.indicators.profit.change ? localized(r.indicators.profit.change.text, locale) : r.indicators[indicator].growthPct),
      align: 'right',
    },
    { key: 'pull', title: t('dispatch.col.pull'), value: (r) => r.pullPct, render: (r) => fixed(r.pullPct, 2), align: 'right' },
    ...RANKED_INDICATORS.filter((k) => k !== indicator).map(
      (k): TableColumn<SubRegionRow> => ({ key: `g-${k}`, title: t('dispatch.col.growthOf', { indicator: t(`dispatch.ind.${k}`) }), value: (r) => r.indicators[k].growthPct, decimals: 1, align: 'right' }),
    ),
    { key: 'loss', title: t('dispatch.col.lossRatio'), value: (r) => r.lossRatioPct, decimals: 1, align: 'right' },
    { key: 'reporting', title: t('dispatch.col.reporting'), value: (r) => `${r.reporting}/${r.expected}`, align: 'right' },
    { key: 'withoutBase', title: t('dispatch.col.withoutBase'), value: (r) => r.indicators[indicator].withoutBase, align: 'right' },
  ]
  if (!d.subRegions.length) return null
  return (
    <Card
      className="gx-card"
      title={t(`dispatch.sub.heading.${childLevel}`)}
      extra={
        <Segmented
          size="small"
          value={indicator}
          onChange={(v) => setIndicator(v as RankedIndicator)}
          options={RANKED_INDICATORS.map((k) => ({ value: k, label: t(`dispatch.ind.${k}`) }))}
        />
      }
    >
      <ShownTable
        title={title}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.region}
        onPick={(r) => onDrill(r.region)}
        testId="dispatch-subregions"
      />
      <div className="gx-panels" style={{ marginTop: 16 }}>
        <div>
          <SignedBarChart
            testId="dispatch-subregions-chart"
            unit="%"
            items={rows.map((r) => ({ key: r.region, label: r.name, value: r.indicators[indicator].growthPct }))}
            onPick={onDrill}
          />
        </div>
        <div>
          <TileMap data={d.subRegions.map((r) => ({ code: r.region, name: r.name, value: r.indicators[indicator].growthPct }))} onPick={onDrill} />
        </div>
      </div>
    </Card>
  )
}
