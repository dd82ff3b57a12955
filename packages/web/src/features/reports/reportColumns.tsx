import type { TableColumnsType } from 'antd'
import type { TFunction } from 'i18next'
import type { Locale, MonthlyReport } from '../../api/types.ts'
import { formatAmount } from '../../shared/format.ts'

type AmountField = 'grossOutputCum' | 'revenueCum' | 'profitCum' | 'electricityCum'
const AMOUNTS: readonly AmountField[] = ['grossOutputCum', 'revenueCum', 'profitCum', 'electricityCum']
const PRIOR: Partial<Record<AmountField, keyof MonthlyReport>> = {
  grossOutputCum: 'grossOutputPriorCum',
  revenueCum: 'revenuePriorCum',
  profitCum: 'profitPriorCum',
}

const grouped = (n: number | null, locale: Locale) => (n === null ? '' : new Intl.NumberFormat(locale).format(n))

/** The figures of a report: amounts in 万元 (electricity in 万千瓦时), right-aligned, grouped, with the prior year below. */
export function valueColumns(t: TFunction, locale: Locale): TableColumnsType<MonthlyReport> {
  return [
    ...AMOUNTS.map((f) => ({
      key: f,
      title: t(`reports.data.${f}`),
      align: 'right' as const,
      width: 150,
      render: (_: unknown, r: MonthlyReport) => {
        const prior = PRIOR[f]
        const priorValue = prior ? r[prior] : null
        return (
          <>
            <div className="gx-num">{formatAmount(r[f], locale)}</div>
            {typeof priorValue === 'string' && (
              <div className="gx-muted gx-num" title={t('reports.data.priorCum')}>
                {formatAmount(priorValue, locale)}
              </div>
            )}
          </>
        )
      },
    })),
    {
      key: 'employees',
      title: t('reports.data.employees'),
      align: 'right' as const,
      width: 110,
      render: (_: unknown, r: MonthlyReport) => grouped(r.employees, locale),
    },
  ]
}
