import { useRef, useState } from 'react'
import { Alert, Card, Descriptions, Empty, Segmented, Skeleton, Tag, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../shared/errors.ts'
import { backtestSeries, intervalHit, intervalText, nowcastError, nowcastGap, signedTerm } from './assessment.ts'
import { nowcastApi, type NowcastRegion } from './assessmentApi.ts'
import { fixed, signed } from './format.ts'
import { NowcastChart } from './NowcastChart.tsx'
import { ShownTable, type TableColumn } from './ShownTable.tsx'
import { useNearViewport } from './useNearViewport.ts'

const HIT_COLOR = { inside: 'green', above: 'orange', below: 'orange' } as const

/**
 * 用电预测: for the region and its children, the output growth estimated from electricity with its 90 % interval,
 * and the actual once the statistics arrived; for a chosen region the backtest as a chart and the model's figures.
 * Default period: the latest month with grid readings (normally the month after the latest statistics); the
 * dashboard's period can be chosen to see the nowcast against the actual. Asked for only when the card nears the
 * viewport, after the dashboard's own data.
 */
export function NowcastPanel({ region, period }: { region: string; period: string }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const near = useNearViewport(ref)
  const [mode, setMode] = useState<'latest' | 'period'>('latest')
  const [picked, setPicked] = useState<string | null>(null)
  const asked = mode === 'latest' ? null : period
  const q = useQuery({
    queryKey: ['nowcast', asked, region],
    queryFn: () => nowcastApi.get(asked, region),
    enabled: near,
    staleTime: 5 * 60_000,
  })
  const n = q.data
  const selected = n?.regions.find((r) => r.region === picked) ?? n?.regions[0]

  const columns: TableColumn<NowcastRegion>[] = [
    { key: 'name', title: t('dispatch.nowcast.col.region'), value: (r) => r.name, width: 14 },
    { key: 'electricity', title: t('dispatch.nowcast.col.electricity'), value: (r) => r.electricityGrowthPct, decimals: 1, align: 'right' },
    {
      key: 'estimate',
      title: t('dispatch.nowcast.col.estimate'),
      value: (r) => {
        const gap = nowcastGap(r)
        return gap ? t(`dispatch.nowcast.gap.${gap}`) : r.estimate
      },
      render: (r) => {
        const gap = nowcastGap(r)
        return gap ? <Typography.Text type="secondary">{t(`dispatch.nowcast.gap.${gap}`)}</Typography.Text> : <strong>{fixed(r.estimate)}</strong>
      },
      align: 'right',
    },
    { key: 'interval', title: t('dispatch.nowcast.col.interval'), value: (r) => (r.low === null ? null : intervalText(r.low, r.high)), align: 'right', width: 16 },
    ...(n?.statisticsArrived
      ? ([
          { key: 'actual', title: t('dispatch.nowcast.col.actual'), value: (r) => r.actual, decimals: 1, align: 'right' },
          { key: 'error', title: t('dispatch.nowcast.col.error'), value: (r) => { const e = nowcastError(r.estimate, r.actual); return e === null ? null : signed(e) }, align: 'right' },
          {
            key: 'hit',
            title: t('dispatch.nowcast.col.hit'),
            value: (r) => { const h = intervalHit(r.actual, r.low, r.high); return h ? t(`dispatch.nowcast.hit.${h}`) : null },
            render: (r) => { const h = intervalHit(r.actual, r.low, r.high); return h ? <Tag color={HIT_COLOR[h]}>{t(`dispatch.nowcast.hit.${h}`)}</Tag> : '—' },
          },
        ] satisfies TableColumn<NowcastRegion>[])
      : []),
    { key: 'n', title: t('dispatch.nowcast.col.n'), value: (r) => r.model?.n ?? null, align: 'right' },
    { key: 'r2', title: t('dispatch.nowcast.col.r2'), value: (r) => r.model?.r2 ?? null, decimals: 3, align: 'right' },
    { key: 'mae', title: t('dispatch.nowcast.col.mae'), value: (r) => r.backtestMae, decimals: 2, align: 'right' },
  ]

  const toggle =
    (n && n.period !== period) || mode === 'period' ? (
      <Segmented
        size="small"
        value={mode}
        onChange={(v) => setMode(v as 'latest' | 'period')}
        options={[
          { value: 'latest', label: t('dispatch.nowcast.latest') },
          { value: 'period', label: t('dispatch.nowcast.ofPeriod', { period }) },
        ]}
        data-testid="nowcast-mode"
      />
    ) : null

  return (
    <div ref={ref}>
      <Card className="gx-card" title={t('dispatch.nowcast.heading')} extra={toggle} data-testid="dispatch-nowcast">
        {q.error && <Alert type="warning" showIcon title={errorText(q.error, t)} />}
        {!q.error && !n && <Skeleton active paragraph={{ rows: 4 }} />}
        {n && (
          <>
            <Typography.Paragraph type="secondary">
              {t(n.statisticsArrived ? 'dispatch.nowcast.arrived' : 'dispatch.nowcast.pending', { period: n.period })} {t('dispatch.nowcast.pick')}
            </Typography.Paragraph>
            <ShownTable
              title={t('dispatch.nowcast.title', { region: n.regions[0]?.name ?? n.region, period: n.period })}
              columns={columns}
              rows={n.regions}
              rowKey={(r) => r.region}
              onPick={(r) => setPicked(r.region)}
              highlight={(r) => r.region === selected?.region}
              testId="nowcast-table"
            />
            {selected && <Backtest r={selected} period={n.period} />}
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
              {t('dispatch.nowcast.explain')}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  )
}

/** The chosen region's backtest chart and model. */
function Backtest({ r, period }: { r: NowcastRegion; period: string }) {
  const { t } = useTranslation()
  const series = backtestSeries(r, period)
  return (
    <div style={{ marginTop: 16 }} data-testid="nowcast-backtest">
      <Typography.Text strong>{t('dispatch.nowcast.chartTitle', { region: r.name })}</Typography.Text>
      {r.model ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 5 }} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('dispatch.nowcast.col.n')}>{r.model.n}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.nowcast.col.r2')}>{fixed(r.model.r2, 3)}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.nowcast.col.mae')}>{fixed(r.backtestMae, 2)}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.nowcast.col.estimate')}>{fixed(r.estimate)}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.nowcast.col.interval')}>{intervalText(r.low, r.high)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('dispatch.nowcast.noModel', { region: r.name })} />
      )}
      {r.model && (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
          {t('dispatch.nowcast.model', {
            intercept: fixed(r.model.intercept, 3), slope: signedTerm(r.model.slope), sd: fixed(r.model.residualSd, 2),
          })}
        </Typography.Paragraph>
      )}
      {series.labels.length > 1 ? (
        <NowcastChart
          testId="nowcast-chart"
          series={series}
          names={{ actual: t('dispatch.nowcast.series.actual'), estimate: t('dispatch.nowcast.series.estimate'), band: t('dispatch.nowcast.series.band') }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.nowcast.noBacktest')} />
      )}
    </div>
  )
}
