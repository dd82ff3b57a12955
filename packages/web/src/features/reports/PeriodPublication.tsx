import { App, Button, Popconfirm, Tag, Tooltip } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import type { ReportPeriod } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { useAuth, useMe } from '../auth/AuthContext.tsx'

interface PeriodStatus {
  period: string
  status: 'open' | 'closed'
  closedAt: string | null
  closedBy: string | null
}

const key = (p: ReportPeriod) => `${p.year}-${String(p.month).padStart(2, '0')}`

/**
 * 数据发布: whether the period is published (closed) and, for the province's configurers, the button that closes or
 * reopens it. Once closed, an import that changes the period's figures needs a revision reason.
 */
export function PeriodPublication({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useAuth()
  const me = useMe()
  const qc = useQueryClient()
  const periods = useQuery({ queryKey: ['reports', 'periods'], queryFn: () => api<{ items: PeriodStatus[] }>('/api/v1/reports/periods') })
  const current = periods.data?.items.find((p) => p.period === key(period))
  const closed = current?.status === 'closed'
  const mayChange = can('province.configure') && (me.scopePrefix ?? '').length <= 2
  const change = useMutation({
    mutationFn: (status: 'open' | 'closed') => api<PeriodStatus>(`/api/v1/reports/periods/${key(period)}`, { method: 'PUT', json: { status } }),
    onSuccess: async () => {
      message.success(t('publication.done'))
      await qc.invalidateQueries({ queryKey: ['reports', 'periods'] })
    },
    onError: (e) => message.error(errorText(e, t)),
  })
  const tag = (
    <Tag color={closed ? 'green' : 'default'} data-testid="period-publication">
      {closed ? t('publication.closed') : t('publication.open')}
    </Tag>
  )
  return (
    <>
      {closed && current?.closedBy ? <Tooltip title={t('publication.closedBy', { user: current.closedBy, at: current.closedAt ? formatDateTime(current.closedAt) : '' })}>{tag}</Tooltip> : tag}
      {mayChange && (
        <Popconfirm title={closed ? t('publication.reopenConfirm') : t('publication.closeConfirm')} onConfirm={() => change.mutate(closed ? 'open' : 'closed')}>
          <Button size="small" loading={change.isPending} data-testid="period-publication-toggle">
            {closed ? t('publication.reopen') : t('publication.close')}
          </Button>
        </Popconfirm>
      )}
    </>
  )
}
