import { useMemo, useState } from 'react'
import { AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { auditApi } from '../../api/endpoints.ts'
import type { AuditQuery } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { auditColumns, auditExpandable, actionLabel } from './auditColumns.tsx'
import { AUDIT_ENTITIES, AUDIT_SOURCES, KNOWN_ACTIONS } from './auditLabels.ts'

interface FilterValues {
  action?: string
  username?: string
  entity?: string
  entityId?: string
  source?: string
  range?: [Dayjs | null, Dayjs | null] | null
}

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined)

function toFilters(v: FilterValues): Filters {
  const f: Filters = {}
  const action = trimmed(v.action)
  const username = trimmed(v.username)
  const entityId = trimmed(v.entityId)
  if (action) f.action = action
  if (username) f.username = username
  if (v.entity) f.entity = v.entity
  if (entityId) f.entityId = entityId
  if (v.source) f.source = v.source
  const [from, to] = v.range ?? [null, null]
  if (from) f.from = from.startOf('day').toISOString()
  if (to) f.to = to.endOf('day').toISOString()
  return f
}

/** 审计日志: every write, export and login, filterable, with the before/after of each changed field. */
export function AuditPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<FilterValues>()
  const [filters, setFilters] = useState<Filters>({})
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)

  const q = useQuery({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: () => auditApi.list({ ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  })
  const columns = useMemo(() => auditColumns(t, { withEntity: true }), [t])

  const apply = (v: FilterValues) => {
    setFilters(toFilters(v))
    setPage(1)
  }

  return (
    <div className="gx-page" data-testid="audit-page">
      <Card className="gx-card">
        <Form<FilterValues> form={form} layout="inline" onFinish={apply} className="gx-filters">
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              style={{ width: 200 }}
              allowClear
              options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a, t)} (${a})` }))}
              showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
            />
          </Form.Item>
          <Form.Item name="username" label={t('audit.user')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.entity')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
            />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="source" label={t('audit.source')}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={AUDIT_SOURCES.map((s) => ({ value: s, label: t(`audit.sources.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields()
                apply({})
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
        {q.isError && <Typography.Text type="danger">{errorText(q.error, t)}</Typography.Text>}
        <Table
          rowKey="id"
          size="middle"
          data-testid="audit-table"
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          expandable={auditExpandable}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p)
              setPageSize(s)
            },
          }}
        />
      </Card>
    </div>
  )
}
