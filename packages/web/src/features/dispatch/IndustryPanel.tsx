import { useState } from 'react'
import { Breadcrumb, Card, Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { SignedBarChart } from './charts.tsx'
import { fixed, yiNumber } from './format.ts'
import { ShownTable, type TableColumn } from './ShownTable.tsx'
import type { Dispatch, IndustryRow } from './types.ts'

type Level = { kind: 'sections' } | { kind: 'divisions'; section: string } | { kind: 'groups'; section: string; division: string }

/** The industries of the level shown: every section, the divisions of a section, the groups of a division. */
export function industriesAt(d: Pick<Dispatch, 'sections' | 'industries' | 'groups'>, level: Level): IndustryRow[] {
  if (level.kind === 'sections') return d.sections
  if (level.kind === 'divisions') return d.industries.filter((i) => i.section === level.section)
  return d.groups.filter((g) => g.code.slice(0, 2) === level.division)
}

/**
 * Industry pulls (拉动) on gross output: sections → divisions → groups. The pulls of a complete partition
 * add up to the region's growth; a click on a bar or a row goes one level down.
 */
export function IndustryPanel({ d }: { d: Dispatch }) {
  const { t } = useTranslation()
  const [level, setLevel] = useState<Level>({ kind: 'sections' })
  const [measure, setMeasure] = useState<'pull' | 'growth'>('pull')
  const rows = [...industriesAt(d, level)].sort((a, b) => (b.pullPct ?? -Infinity) - (a.pullPct ?? -Infinity))
  const sectionName = (code: string) => d.sections.find((s) => s.code === code)?.name ?? code
  const divisionName = (code: string) => d.industries.find((s) => s.code === code)?.name ?? code

  const drill = (code: string) => {
    if (level.kind === 'sections') setLevel({ kind: 'divisions', section: code })
    else if (level.kind === 'divisions' && d.groups.some((g) => g.code.startsWith(code))) setLevel({ kind: 'groups', section: level.section, division: code })
  }
  const levelName = t(`dispatch.industry.level.${level.kind}`)
  const columns: TableColumn<IndustryRow>[] = [
    { key: 'code', title: t('dispatch.col.code'), value: (r) => r.code },
    { key: 'name', title: t('dispatch.col.industry'), value: (r) => r.name, width: 24 },
    { key: 'enterprises', title: t('dispatch.col.enterprises'), value: (r) => r.enterprises, align: 'right' },
    { key: 'cum', title: t('dispatch.col.cumYi', { indicator: t('dispatch.ind.grossOutput') }), value: (r) => yiNumber(r.cum), decimals: 2, align: 'right' },
    { key: 'growth', title: t('dispatch.col.growth'), value: (r) => r.growthPct, decimals: 1, align: 'right' },
    { key: 'pull', title: t('dispatch.col.pull'), value: (r) => r.pullPct, render: (r) => fixed(r.pullPct, 2), align: 'right' },
    { key: 'contribution', title: t('dispatch.col.contribution'), value: (r) => r.contributionPct, decimals: 1, align: 'right' },
    { key: 'revenue', title: t('dispatch.col.growthOf', { indicator: t('dispatch.ind.revenue') }), value: (r) => r.revenueGrowthPct, decimals: 1, align: 'right' },
    { key: 'profit', title: t('dispatch.col.growthOf', { indicator: t('dispatch.ind.profit') }), value: (r) => r.profitGrowthPct, decimals: 1, align: 'right' },
    { key: 'lossMaking', title: t('dispatch.col.lossMaking'), value: (r) => r.lossMaking, align: 'right' },
    { key: 'withoutBase', title: t('dispatch.col.withoutBase'), value: (r) => r.withoutBase, align: 'right' },
  ]
  const crumbs = [
    { title: <a onClick={() => setLevel({ kind: 'sections' })}>{t('dispatch.industry.all')}</a> },
    ...(level.kind !== 'sections'
      ? [{ title: level.kind === 'groups' ? <a onClick={() => setLevel({ kind: 'divisions', section: level.section })}>{`${level.section} ${sectionName(level.section)}`}</a> : `${level.section} ${sectionName(level.section)}` }]
      : []),
    ...(level.kind === 'groups' ? [{ title: `${level.division} ${divisionName(level.division)}` }] : []),
  ]
  return (
    <Card
      className="gx-card"
      title={t('dispatch.industry.heading')}
      extra={
        <Segmented
          size="small"
          value={measure}
          onChange={(v) => setMeasure(v as 'pull' | 'growth')}
          options={[
            { value: 'pull', label: t('dispatch.col.pull') },
            { value: 'growth', label: t('dispatch.col.growth') },
          ]}
        />
      }
      data-testid="dispatch-industries"
    >
      <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
      <div className="gx-panels">
        <ShownTable
          title={t('dispatch.industry.title', { region: d.name, period: d.period, level: levelName })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.code}
          onPick={level.kind === 'groups' ? undefined : (r) => drill(r.code)}
          pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
          testId="dispatch-industries-table"
        />
        <SignedBarChart
          unit={measure === 'pull' ? t('dispatch.unit.pts') : '%'}
          decimals={measure === 'pull' ? 2 : 1}
          items={rows.slice(0, 25).map((r) => ({ key: r.code, label: `${r.code} ${r.name}`, value: measure === 'pull' ? r.pullPct : r.growthPct }))}
          onPick={level.kind === 'groups' ? undefined : drill}
          testId="dispatch-industries-chart"
        />
      </div>
    </Card>
  )
}
