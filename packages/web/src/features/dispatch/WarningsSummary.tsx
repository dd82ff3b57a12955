import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd'
import { useQueries, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { warningRuleIds, warningRuleInfo } from '@gongxin/domain'
import type { Locale } from '../../api/types.ts'
import { useWorkspace } from '../layout/Workspace.tsx'
import { warningsApi } from './api.ts'
import { localized } from './format.ts'
import { focusWarnings } from './periodStore.ts'
import { SEVERITY_COLOR } from './warningTags.ts'
import type { Dispatch, WarningRow } from './types.ts'

const TOP = 8

/**
 * The warnings of the region for the period: how many fire under each rule, and the most severe ones, with
 * links into the warning centre. Counted by the warnings API (the full list of a province runs to thousands).
 */
export function WarningsSummary({ d, locale }: { d: Dispatch; locale: Locale }) {
  const { t } = useTranslation()
  const { openPage } = useWorkspace()
  const base = { period: d.period, region: d.region, active: true }
  const counts = useQueries({
    queries: warningRuleIds.map((rule) => ({
      queryKey: ['warnings', 'count', d.period, d.region, rule],
      queryFn: () => warningsApi.list({ ...base, rule, page: 1, pageSize: 1 }).then((p) => p.total),
      staleTime: 30_000,
    })),
  })
  const top = useQuery({
    queryKey: ['warnings', 'top', d.period, d.region],
    queryFn: () => warningsApi.list({ ...base, page: 1, pageSize: TOP }),
    staleTime: 30_000,
  })
  const goto = (rule?: string) => {
    focusWarnings({ region: d.region, ...(rule ? { rule } : {}) })
    openPage('/warnings')
  }
  const total = counts.reduce((n, c) => n + (c.data ?? 0), 0)
  return (
    <Card
      className="gx-card"
      title={t('dispatch.warnings.heading', { count: total })}
      extra={
        <Button size="small" type="link" onClick={() => goto()} data-testid="dispatch-warnings-all">
          {t('dispatch.warnings.all')}
        </Button>
      }
      data-testid="dispatch-warnings"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {warningRuleIds.map((rule, i) => (
          <Tag key={rule} className="gx-clickable" color={(counts[i]?.data ?? 0) > 0 ? SEVERITY_COLOR.medium : undefined} onClick={() => goto(rule)}>
            {localized(warningRuleInfo[rule].name, locale)} {counts[i]?.isLoading ? '…' : (counts[i]?.data ?? '—')}
          </Tag>
        ))}
      </Space>
      {top.data && top.data.items.length === 0 ? (
        <Empty description={t('dispatch.warnings.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<WarningRow>
          size="small"
          rowKey="id"
          loading={top.isLoading}
          pagination={false}
          dataSource={top.data?.items ?? []}
          onRow={(r) => ({ onClick: () => goto(r.rule), className: 'gx-clickable' })}
          columns={[
            { key: 'severity', title: t('dispatch.centre.col.severity'), render: (_, r) => <Tag color={SEVERITY_COLOR[r.severity]}>{t(`dispatch.centre.severity.${r.severity}`)}</Tag> },
            { key: 'rule', title: t('dispatch.centre.col.rule'), render: (_, r) => localized(warningRuleInfo[r.rule as keyof typeof warningRuleInfo]?.name, locale) || r.rule },
            { key: 'subject', title: t('dispatch.centre.col.subject'), render: (_, r) => r.enterpriseName ?? r.regionName ?? r.region },
            { key: 'reason', title: t('dispatch.centre.col.reason'), render: (_, r) => <Typography.Text type="secondary">{localized(r.reason, locale)}</Typography.Text> },
          ]}
        />
      )}
    </Card>
  )
}
