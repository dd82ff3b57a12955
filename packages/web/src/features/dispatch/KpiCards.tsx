import { Card, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../api/types.ts'
import { Sparkline } from './charts.tsx'
import { fixed, localized, signed, yi } from './format.ts'
import { DISPATCH_INDICATORS, type Dispatch, type DispatchIndicator } from './types.ts'

/** The indicator id of the targets and official figures that go with a dispatch indicator. */
export const growthIndicatorOf = (k: DispatchIndicator) => `${k}Growth`

export interface TrendPoint {
  period: string
  d: Dispatch | undefined
}

function Growth({ value }: { value: number | null }) {
  const cls = value === null ? 'gx-same' : value < 0 ? 'gx-down' : 'gx-up'
  return <span className={cls}>{value === null ? '—' : `${signed(value)}%`}</span>
}

/**
 * One card per indicator: the year-to-date figure, the same-scope growth, the enterprises counted (and
 * those without a base), the target with its gap or pace, the official figure of record beside the computed
 * one, and the trend over the previous periods.
 */
export function KpiCards({ d, trend, locale }: { d: Dispatch; trend: readonly TrendPoint[]; locale: Locale }) {
  const { t } = useTranslation()
  const labels = trend.map((p) => p.period)
  const card = (k: DispatchIndicator) => {
    const f = d.indicators[k]
    const target = d.targets.find((x) => x.indicator === growthIndicatorOf(k))
    const official = d.official.find((x) => x.indicator === growthIndicatorOf(k))
    const profitText = k === 'profit' ? d.indicators.profit.change?.text : undefined
    return (
      <Card key={k} size="small" className="gx-kpi" title={t(`dispatch.ind.${k}`)} data-testid={`kpi-${k}`}>
        <div>
          <span className="gx-kpi-value">{yi(f.cumAll)}</span>
          <span className="gx-kpi-unit">{k === 'electricity' ? t('dispatch.unit.yiKwh') : t('dispatch.unit.yi')}</span>
        </div>
        <div className="gx-kpi-line">
          {t('dispatch.kpi.growth')} {profitText ? <span>{localized(profitText, locale)}</span> : <Growth value={f.growthPct} />}
        </div>
        <div className="gx-kpi-line gx-muted">
          {t('dispatch.kpi.base', { enterprises: f.enterprises, withoutBase: f.withoutBase })}
        </div>
        {target && (
          <div className="gx-kpi-line">
            {t('dispatch.kpi.target', { target: fixed(target.target) })} · {localized(target.text, locale)}
          </div>
        )}
        {official && (
          <div className="gx-kpi-line">
            <Tooltip title={t('dispatch.kpi.officialHint')}>
              <Tag color="gold">{t('dispatch.kpi.ofRecord')}</Tag>
            </Tooltip>
            {fixed(official.value)}% · {t('dispatch.kpi.computed', { value: fixed(official.computed) })} ·{' '}
            {t('dispatch.kpi.difference', { value: signed(official.differencePts) })}
          </div>
        )}
        {trend.length > 1 && <Sparkline labels={labels} values={trend.map((p) => p.d?.indicators[k].growthPct ?? null)} unit="%" />}
      </Card>
    )
  }
  const share = d.expected ? (d.reporting / d.expected) * 100 : null
  return (
    <div className="gx-kpis" data-testid="dispatch-kpis">
      {DISPATCH_INDICATORS.map(card)}
      <Card size="small" className="gx-kpi" title={t('dispatch.kpi.lossRatio')} data-testid="kpi-loss">
        <div>
          <span className="gx-kpi-value">{fixed(d.lossRatioPct)}</span>
          <span className="gx-kpi-unit">%</span>
        </div>
        <div className="gx-kpi-line">{t('dispatch.kpi.lossMaking', { count: d.lossMaking })}</div>
        <div className="gx-kpi-line">
          {t('dispatch.kpi.lossAmount', { amount: yi(d.lossAmount) })} <Growth value={d.lossAmountGrowthPct} />
        </div>
        {trend.length > 1 && <Sparkline labels={labels} values={trend.map((p) => p.d?.lossRatioPct ?? null)} unit="%" />}
      </Card>
      <Card size="small" className="gx-kpi" title={t('dispatch.kpi.reporting')} data-testid="kpi-reporting">
        <div>
          <span className="gx-kpi-value">
            {d.reporting} / {d.expected}
          </span>
          <span className="gx-kpi-unit">{t('dispatch.unit.enterprises')}</span>
        </div>
        <div className="gx-kpi-line">{t('dispatch.kpi.reportingShare', { share: fixed(share) })}</div>
        <div className="gx-kpi-line gx-muted">
          {t('dispatch.kpi.currentMonth', { amount: yi(d.currentMonth.grossOutput), count: d.currentMonth.enterprises })}
        </div>
        {trend.length > 1 && (
          <Sparkline labels={labels} values={trend.map((p) => (p.d && p.d.expected ? Math.round((p.d.reporting / p.d.expected) * 1000) / 10 : null))} unit="%" />
        )}
      </Card>
    </div>
  )
}
