import { useState } from 'react'
import { Alert, Card, Empty, Select, Space, Statistic, Typography } from 'antd'
import { useQueries, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { indicatorCatalog, peerGroupsOf } from '@gongxin/domain'
import type { Locale } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { useMe } from '../auth/AuthContext.tsx'
import { rankApi } from '../dispatch/api.ts'
import { RankHistoryChart, SignedBarChart } from '../dispatch/charts.tsx'
import { dispatchQuery } from '../dispatch/DispatchPage.tsx'
import { fixed, localized, parsePeriod, rankArrow, trailingPeriods } from '../dispatch/format.ts'
import { useDispatchPeriod } from '../dispatch/periodStore.ts'
import { RankChange } from '../dispatch/RankCell.tsx'
import { ShownTable, type TableColumn } from '../dispatch/ShownTable.tsx'
import type { RankItem } from '../dispatch/types.ts'
import { peerScopes, NATIONAL } from './scopes.ts'
import '../dispatch/dispatch.css'

const HISTORY = 12

/**
 * 对标分析: the province among all provinces and within each peer group it belongs to (中部六省, 长三角,
 * 经济十强省 …), on official figures, for an indicator and a period; with the rank history as a chart.
 */
export function PeersPage() {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
  const me = useMe()
  const { period, periods, setPeriod } = useDispatchPeriod()
  const [indicator, setIndicator] = useState('valueAddedGrowth')
  const [scope, setScope] = useState<string>(NATIONAL)
  // the province: the user's own, or for a user of the whole country the province the dispatch opens on
  const home = useQuery({ ...dispatchQuery(period, null), enabled: period !== null && (me.scopePrefix ?? '').length < 2 })
  const province = (me.scopePrefix ?? '').length >= 2 ? `${(me.scopePrefix ?? '').slice(0, 2)}0000` : (home.data ? `${home.data.region.slice(0, 2)}0000` : null)
  const year = parsePeriod(period)?.year
  const groups = province ? peerGroupsOf(province, year) : []
  const scopes = peerScopes(groups, locale, t('dispatch.peers.national'))

  const rankOf = (p: string, group: string) => ({
    queryKey: ['rank', indicator, p, group],
    queryFn: () => rankApi.rank({ indicator, period: p, level: 'province', group: group === NATIONAL ? undefined : group }),
    staleTime: 60_000,
  })
  const current = useQueries({ queries: period ? scopes.map((s) => rankOf(period, s.id)) : [] })
  const history = trailingPeriods(periods, period ?? '', HISTORY)
  const historyQueries = useQueries({ queries: scopes.flatMap((s) => history.map((p) => rankOf(p, s.id))) })

  const selectedIndex = Math.max(0, scopes.findIndex((s) => s.id === scope))
  const selected = current[selectedIndex]
  const result = selected?.data
  const ind = indicatorCatalog.find((i) => i.id === indicator)
  const unit = ind?.unit ?? '%'
  const precision = ind?.precision ?? 1
  const scopeName = scopes[selectedIndex]?.name ?? ''
  const rows: RankItem[] = [...(result?.items ?? []), ...(result?.unranked ?? [])]
  const columns: TableColumn<RankItem>[] = [
    { key: 'rank', title: t('dispatch.col.rank'), value: (r) => r.rank, align: 'right' },
    { key: 'change', title: t('dispatch.col.rankChange'), value: (r) => rankArrow(r.rankChange).symbol, render: (r) => <RankChange change={r.rankChange} /> },
    { key: 'name', title: t('dispatch.col.province'), value: (r) => r.name, width: 16 },
    { key: 'value', title: `${ind ? localized({ zh: ind.nameZh, en: ind.nameEn }, locale) : indicator}（${unit}）`, value: (r) => r.value, render: (r) => fixed(r.value, precision), align: 'right' },
    { key: 'source', title: t('dispatch.col.source'), value: (r) => (r.source ? t(`dispatch.source.${r.source}`) : t('dispatch.peers.noFigure')) },
  ]
  const mine = (p: string, s: number) => historyQueries[s * history.length + history.indexOf(p)]?.data?.items.find((i) => i.region === province)?.rank ?? null

  return (
    <div className="gx-page" data-testid="peers-page">
      <Card className="gx-card">
        <div className="gx-toolbar">
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('features.peerComparison')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('dispatch.peers.subtitle')}</Typography.Text>
          </div>
          <Space wrap>
            <Select
              style={{ width: 280 }}
              value={indicator}
              onChange={setIndicator}
              options={indicatorCatalog.map((i) => ({ value: i.id, label: localized({ zh: i.nameZh, en: i.nameEn }, locale) }))}
              data-testid="peers-indicator"
            />
            <Select style={{ width: 120 }} value={period} onChange={setPeriod} options={[...periods].reverse().map((p) => ({ value: p, label: p }))} aria-label={t('dispatch.period')} />
            <Select style={{ width: 200 }} value={scopes[selectedIndex]?.id} onChange={setScope} options={scopes.map((s) => ({ value: s.id, label: s.name }))} data-testid="peers-scope" />
          </Space>
        </div>
        <Space wrap size="large" data-testid="peers-summary">
          {scopes.map((s, i) => {
            const item = current[i]?.data?.items.find((x) => x.region === province)
            const total = (current[i]?.data?.items.length ?? 0) + (current[i]?.data?.unranked.length ?? 0)
            return (
              <Statistic
                key={s.id}
                title={s.name}
                value={item?.rank ?? '—'}
                suffix={item?.rank ? t('dispatch.peers.ofTotal', { total }) : undefined}
                loading={current[i]?.isLoading}
              />
            )
          })}
        </Space>
      </Card>
      {selected?.error && <Alert type="error" showIcon title={errorText(selected.error, t)} />}
      {result && result.items.length === 0 && <Alert type="info" showIcon title={t('dispatch.peers.noOfficial', { period: result.period })} />}
      <div className="gx-panels">
        <Card className="gx-card" title={t('dispatch.peers.ranking', { scope: scopeName })}>
          <ShownTable
            title={t('dispatch.peers.tableTitle', { scope: scopeName, period: period ?? '', indicator: ind ? localized({ zh: ind.nameZh, en: ind.nameEn }, locale) : indicator })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.region}
            highlight={(r) => r.region === province}
            loading={selected?.isLoading}
            testId="peers-table"
          />
        </Card>
        <Card className="gx-card" title={t('dispatch.peers.chart')}>
          {result && result.items.length ? (
            <SignedBarChart unit={unit} decimals={precision} items={result.items.map((r) => ({ key: r.region, label: r.name, value: r.value, highlight: r.region === province }))} testId="peers-chart" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
      </div>
      <Card className="gx-card" title={t('dispatch.peers.history')}>
        <RankHistoryChart testId="peers-history" labels={history} series={scopes.map((s, i) => ({ name: s.name, values: history.map((p) => mine(p, i)) }))} />
      </Card>
    </div>
  )
}
