import { useState } from 'react'
import { Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd'
import { EditOutlined, ReloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { enterpriseApi } from '../../api/endpoints.ts'
import type { EnterpriseDetail } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { formatAmount, formatDate, formatDateTime } from '../../shared/format.ts'
import { EntityAuditHistory } from '../audit/EntityAuditHistory.tsx'
import { useAuth } from '../auth/AuthContext.tsx'
import { useIndustries } from '../industries/IndustrySelect.tsx'
import { useTabTitle } from '../layout/PaneContext.tsx'
import { EnterpriseFormModal } from './EnterpriseFormModal.tsx'

/** One enterprise, in its own tab: several can be open side by side. */
export function EnterpriseDetailPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const [editing, setEditing] = useState(false)
  const q = useQuery({ queryKey: ['enterprise', id], queryFn: () => enterpriseApi.get(id) })
  useTabTitle(q.data?.name)

  if (q.isLoading) return <div className="gx-page"><Card><Skeleton active /></Card></div>
  if (q.isError || !q.data) {
    const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.code === 'OUT_OF_SCOPE')
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('enterprise.detail.notFound') : errorText(q.error, t)}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void q.refetch()}>{t('common.reload')}</Button>}
      />
    )
  }
  const e = q.data
  return (
    <div className="gx-page" data-testid="enterprise-detail" data-enterprise-id={e.id}>
      <Card
        className="gx-card"
        title={
          <Space wrap>
            <span>{e.name}</span>
            {e.aboveScale ? <Tag color="green">{t('registry.aboveScaleYes')}</Tag> : <Tag>{t('registry.aboveScaleNo')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching} aria-label={t('common.reload')} />
            {can('enterprise.write') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <BasicInfo e={e} />
      </Card>
      <Card className="gx-card" title={t('enterprise.detail.usccParts')}>
        <UsccParts e={e} />
      </Card>
      <Card className="gx-card" title={t('enterprise.detail.scaleHistory')}>
        <ScaleHistory e={e} />
      </Card>
      {can('audit.read') && (
        <Card className="gx-card" title={t('enterprise.detail.auditHistory')}>
          <EntityAuditHistory entity="enterprise" entityId={String(e.id)} />
        </Card>
      )}
      {editing && <EnterpriseFormModal enterprise={e} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </div>
  )
}

function BasicInfo({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation()
  const divisions = useIndustries(2)
  const sections = useIndustries(1)
  const sectionCode = divisions.data?.find((d) => d.code === e.industryCode)?.section
  const section = sectionCode ? sections.data?.find((s) => s.section === sectionCode || s.code === sectionCode) : undefined
  const none = t('common.none')
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'uscc', label: t('enterprise.uscc'), children: <span className="gx-mono">{e.uscc}</span> },
        { key: 'name', label: t('enterprise.name'), children: e.name },
        { key: 'region', label: t('enterprise.detail.regionPath'), children: [e.provinceName, e.cityName, e.countyName].filter(Boolean).join(' / ') },
        { key: 'park', label: t('enterprise.park'), children: e.parkName ?? none },
        {
          key: 'industry',
          label: t('enterprise.industry'),
          children: (
            <span>
              {e.industryCode} {e.industryName}
              {section && <Typography.Text type="secondary">{` · ${t('enterprise.detail.section')} ${sectionCode} ${section.name}`}</Typography.Text>}
            </span>
          ),
        },
        { key: 'foundedOn', label: t('enterprise.foundedOn'), children: formatDate(e.foundedOn) || none },
        { key: 'ownership', label: t('enterprise.ownership'), children: e.ownership ?? none },
        { key: 'revenue', label: t('registry.columns.revenue'), children: formatAmount(e.revenue, currentLocale()) || none },
        { key: 'employees', label: t('enterprise.detail.employees'), children: e.employees ?? none },
        {
          key: 'tags',
          label: t('enterprise.tags'),
          children: e.tags.length ? e.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none,
        },
        { key: 'createdAt', label: t('enterprise.detail.createdAt'), children: formatDateTime(e.createdAt) },
        { key: 'updatedAt', label: t('enterprise.detail.updatedAt'), children: `${formatDateTime(e.updatedAt)} (${t('enterprise.detail.version')} ${e.version})` },
      ]}
    />
  )
}

function UsccParts({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation()
  const p = e.usccParts
  if (!p) return <Typography.Text className="gx-mono">{e.uscc}</Typography.Text>
  // The 18 characters, coloured by part: 1 department, 2 category, 3–8 division, 9–17 organization, 18 check.
  const segments: [string, string][] = [
    [e.uscc.slice(0, 1), 'dept'],
    [e.uscc.slice(1, 2), 'cat'],
    [e.uscc.slice(2, 8), 'div'],
    [e.uscc.slice(8, 17), 'org'],
    [e.uscc.slice(17), 'check'],
  ]
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="gx-uscc-parts gx-mono">
        {segments.map(([s, cls]) => (
          <span key={cls} className={`gx-uscc-${cls}`}>{s}</span>
        ))}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'dept', label: t('enterprise.detail.registeringDepartment'), children: `${p.registeringDepartment.code} · ${p.registeringDepartment.name}` },
          { key: 'cat', label: t('enterprise.detail.category'), children: `${p.category.code} · ${p.category.name}` },
          { key: 'div', label: t('enterprise.detail.divisionCode'), children: p.divisionCode },
          { key: 'org', label: t('enterprise.detail.organizationCode'), children: p.organizationCode },
          { key: 'check', label: t('enterprise.detail.checkCharacter'), children: p.checkCharacter },
        ]}
      />
    </Space>
  )
}

function ScaleHistory({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation()
  if (e.scaleHistory.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.detail.scaleHistoryEmpty')} />
  const years = [...e.scaleHistory].sort((a, b) => b.year - a.year)
  return (
    <Timeline
      data-testid="scale-history"
      items={years.map((h) => ({
        key: h.year,
        color: h.aboveScale ? 'green' : 'gray',
        title: String(h.year),
        content: (
          <Space>
            {h.aboveScale ? <Tag color="green">{t('enterprise.detail.above')}</Tag> : <Tag>{t('enterprise.detail.below')}</Tag>}
            {h.reason && <span>{h.reason}</span>}
          </Space>
        ),
      }))}
    />
  )
}
