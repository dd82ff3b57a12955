import { lazy, Suspense, useState } from 'react'
import { Alert, App, Breadcrumb, Button, Card, Empty, Select, Space, Spin, Typography } from 'antd'
import { FileExcelOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons'
import { useQueries, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { referenceApi } from '../../api/endpoints.ts'
import type { Locale } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { useMe } from '../auth/AuthContext.tsx'
import { useTabTitle } from '../layout/PaneContext.tsx'
import { dispatchRegionPath } from '../layout/routes.ts'
import { useWorkspace } from '../layout/Workspace.tsx'
import { dispatchApi } from './api.ts'
import { fixed, localized, signed, trailingPeriods, visiblePath } from './format.ts'
import { IndustryPanel } from './IndustryPanel.tsx'
import { KpiCards, type TrendPoint } from './KpiCards.tsx'
import { CountyEnterprises, ParksPanel } from './ParksPanel.tsx'
import { useDispatchPeriod } from './periodStore.ts'
import { ShownTable, type TableColumn } from './ShownTable.tsx'
import { SubRegionsPanel } from './SubRegionsPanel.tsx'
import type { Dispatch, OfficialRow, TargetRow } from './types.ts'
import { WarningsSummary } from './WarningsSummary.tsx'
import './dispatch.css'

// Below the fold and heavier to compute (the nowcast fits a model per region): their code and their data come
// after the dashboard's own, and only when the user scrolls to them.
const NowcastPanel = lazy(() => import('./NowcastPanel.tsx').then((m) => ({ default: m.NowcastPanel })))
const CompositePanel = lazy(() => import('./CompositePanel.tsx').then((m) => ({ default: m.CompositePanel })))

/** Periods shown in the KPI cards' trend (the current one included). */
const TREND = 6

export const dispatchQuery = (period: string | null, region: string | null) => ({
  queryKey: ['dispatch', period, region ?? 'home'] as const,
  queryFn: () => dispatchApi.get(period ?? '', region, 'none'),
  enabled: period !== null,
  staleTime: 60_000,
})

/**
 * 月调度: the dispatch of a region for a month. `region` null is the root of the user's area (the
 * province; a city official's city). Each region is its own tab (`/dispatch/430100`), so drilling down
 * opens the city's tab and the breadcrumb goes back up.
 */
export function DispatchPage({ region }: { region: string | null }) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
  const me = useMe()
  const { openPage } = useWorkspace()
  const { message } = App.useApp()
  const { period, periods, setPeriod, loading: loadingPeriods, error: periodsError } = useDispatchPeriod()
  const q = useQuery(dispatchQuery(period, region))
  const d = q.data
  const trendPeriods = period ? trailingPeriods(periods, period, TREND) : []
  const trendQueries = useQueries({
    queries: trendPeriods.map((p) => ({ ...dispatchQuery(p, d?.region ?? region), enabled: d !== undefined })),
  })
  const trend: TrendPoint[] = trendPeriods.map((p, i) => ({ period: p, d: p === period ? d : trendQueries[i]?.data }))
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null)
  useTabTitle(d ? t('dispatch.tabTitle', { region: d.name }) : null)

  const drill = (code: string) => openPage(dispatchRegionPath(code))
  const bulletin = async (format: 'docx' | 'xlsx') => {
    if (!d) return
    setBusy(format)
    try {
      await dispatchApi.bulletin(d.period, d.region, format)
    } catch (e) {
      void message.error(errorText(e, t))
    } finally {
      setBusy(null)
    }
  }

  const header = (
    <Card className="gx-card">
      <div className="gx-dispatch-head">
        <Space direction="vertical" size={4}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="dispatch-title">
            {d ? t('dispatch.title', { region: d.name }) : t('features.dispatch')}
          </Typography.Title>
          {d && <RegionCrumbs d={d} scopePrefix={me.scopePrefix} onOpen={drill} />}
        </Space>
        <Space wrap>
          <Select
            style={{ width: 140 }}
            value={period}
            loading={loadingPeriods}
            onChange={setPeriod}
            options={[...periods].reverse().map((p) => ({ value: p, label: p }))}
            placeholder={t('dispatch.period')}
            data-testid="dispatch-period"
          />
          <Button icon={<FileWordOutlined />} disabled={!d} loading={busy === 'docx'} onClick={() => void bulletin('docx')} data-testid="dispatch-bulletin">
            {t('dispatch.bulletin')}
          </Button>
          <Button icon={<FileExcelOutlined />} disabled={!d} loading={busy === 'xlsx'} onClick={() => void bulletin('xlsx')} data-testid="dispatch-annex">
            {t('dispatch.annex')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} aria-label={t('common.reload')} />
        </Space>
      </div>
      {d && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('dispatch.asOf', { asOf: formatDateTime(d.asOf), version: d.factVersion })}
        </Typography.Paragraph>
      )}
    </Card>
  )

  if (periodsError) return <div className="gx-page"><Alert type="error" showIcon title={errorText(periodsError, t)} /></div>
  if (!loadingPeriods && periods.length === 0) {
    return (
      <div className="gx-page">
        {header}
        <Empty description={t('dispatch.noPeriods')} />
      </div>
    )
  }
  return (
    <div className="gx-page" data-testid="dispatch-page">
      {header}
      {q.error && <Alert type="error" showIcon title={errorText(q.error, t)} />}
      {!d && !q.error && <Spin className="gx-pane-spin" />}
      {d && (
        <>
          <KpiCards d={d} trend={trend} locale={locale} />
          <TargetsPanel d={d} locale={locale} />
          <SubRegionsPanel d={d} locale={locale} onDrill={drill} />
          {d.level <= 2 && (
            <Suspense fallback={null}>
              <CompositePanel region={d.region} regionName={d.name} level={d.level === 1 ? 'city' : 'county'} period={d.period} locale={locale} />
            </Suspense>
          )}
          <ParksPanel d={d} />
          {d.level >= 3 && <CountyEnterprises d={d} />}
          <IndustryPanel d={d} />
          <Suspense fallback={null}>
            <NowcastPanel region={d.region} period={d.period} />
          </Suspense>
          <WarningsSummary d={d} locale={locale} />
        </>
      )}
    </div>
  )
}

/** Province → city → county; the levels above the user's area are shown but not opened. */
function RegionCrumbs({ d, scopePrefix, onOpen }: { d: Dispatch; scopePrefix: string | null; onOpen: (code: string) => void }) {
  const path = visiblePath(d.region, scopePrefix)
  const ancestors = path.filter((c) => c !== d.region)
  const names = useQueries({
    queries: ancestors.map((code) => ({
      queryKey: ['regions', 'name', code],
      queryFn: async () => {
        const parent = code.endsWith('0000') ? undefined : `${code.slice(0, 2)}0000`
        const list = await referenceApi.regions(parent)
        return list.items.find((r) => r.code === code)?.name ?? code
      },
      staleTime: Infinity,
    })),
  })
  const items = [
    ...ancestors.map((code, i) => ({ title: <a onClick={() => onOpen(code)}>{names[i]?.data ?? code}</a> })),
    { title: d.name },
  ]
  return <Breadcrumb items={items} data-testid="dispatch-breadcrumb" />
}

interface TargetLine {
  key: string
  name: string
  unit: string
  target: number | null
  actual: number | null
  status: string
  source: string
  official: number | null
  computed: number | null
  difference: number | null
}

/** Every target of the region with its gap or pace, and every official figure beside the computed one. */
function TargetsPanel({ d, locale }: { d: Dispatch; locale: Locale }) {
  const { t } = useTranslation()
  const officialOf = new Map<string, OfficialRow>(d.official.map((o) => [o.indicator, o]))
  const lines: TargetLine[] = d.targets.map((x: TargetRow) => {
    const o = officialOf.get(x.indicator)
    return {
      key: x.indicator, name: localized(x.name, locale), unit: x.unit, target: x.target, actual: x.actual, status: localized(x.text, locale),
      source: x.actualSource ? t(`dispatch.source.${x.actualSource}`) : '—', official: o?.value ?? null, computed: o?.computed ?? null, difference: o?.differencePts ?? null,
    }
  })
  for (const o of d.official) {
    if (lines.some((l) => l.key === o.indicator)) continue
    lines.push({
      key: o.indicator, name: localized(o.name, locale), unit: o.unit, target: null, actual: o.value, status: '—', source: t('dispatch.source.official'),
      official: o.value, computed: o.computed, difference: o.differencePts,
    })
  }
  if (!lines.length) return null
  const columns: TableColumn<TargetLine>[] = [
    { key: 'name', title: t('dispatch.col.indicator'), value: (r) => r.name, width: 28 },
    { key: 'unit', title: t('dispatch.col.unit'), value: (r) => r.unit },
    { key: 'target', title: t('dispatch.col.target'), value: (r) => r.target, align: 'right' },
    { key: 'actual', title: t('dispatch.col.actual'), value: (r) => r.actual, align: 'right' },
    { key: 'status', title: t('dispatch.col.status'), value: (r) => r.status, width: 30 },
    { key: 'source', title: t('dispatch.col.source'), value: (r) => r.source },
    { key: 'official', title: t('dispatch.col.official'), value: (r) => r.official, align: 'right' },
    { key: 'computed', title: t('dispatch.col.computed'), value: (r) => r.computed, align: 'right' },
    { key: 'difference', title: t('dispatch.col.difference'), value: (r) => (r.difference === null ? null : signed(r.difference)), align: 'right' },
  ]
  return (
    <Card className="gx-card" title={t('dispatch.targets.heading')}>
      <ShownTable title={t('dispatch.targets.title', { region: d.name, period: d.period })} columns={columns} rows={lines} rowKey={(r) => r.key} testId="dispatch-targets" />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('dispatch.targets.note', { elapsed: fixed(d.targets.find((x) => x.elapsedPct !== undefined)?.elapsedPct ?? null) })}
      </Typography.Paragraph>
    </Card>
  )
}
