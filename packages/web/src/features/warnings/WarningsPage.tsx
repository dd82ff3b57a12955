import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd'
import { ExportOutlined, SettingOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { warningRuleIds, warningRuleInfo, type WarningRuleId } from '@gongxin/domain'
import { ApiError } from '../../api/http.ts'
import type { Locale } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { useAuth, useMe } from '../auth/AuthContext.tsx'
import { dispatchRegionPath } from '../layout/routes.ts'
import { useWorkspace } from '../layout/Workspace.tsx'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { warningsApi } from '../dispatch/api.ts'
import { localized } from '../dispatch/format.ts'
import { useDispatchPeriod, useWarningsFocus } from '../dispatch/periodStore.ts'
import type { Assignee, WarningChange, WarningQuery, WarningRow, WarningSeverity, WarningStatus } from '../dispatch/types.ts'
import { useOpenEnterprise } from '../dispatch/useOpenEnterprise.ts'
import { SEVERITY_COLOR, STATUS_COLOR } from '../dispatch/warningTags.ts'
import { RulesDrawer } from './RulesDrawer.tsx'
import '../dispatch/dispatch.css'

type Filters = Omit<WarningQuery, 'period'>
type Action = { kind: 'acknowledge' | 'resolve' | 'assign' | 'reopen'; row: WarningRow }

const ruleName = (rule: string, locale: Locale) => localized(warningRuleInfo[rule as WarningRuleId]?.name, locale) || rule

/**
 * 预警中心: the warnings of a period in the user's area, filtered; each one says why it fired and can be
 * acknowledged (with a note), resolved (a note is required) and assigned to a member of staff. Every change
 * carries the version it was made on: a change made meanwhile by someone else is refused, not overwritten.
 */
export function WarningsPage() {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
  const { can } = useAuth()
  const me = useMe()
  const { message } = App.useApp()
  const { openPage } = useWorkspace()
  const openEnterprise = useOpenEnterprise()
  const queryClient = useQueryClient()
  const canManage = can('warnings.manage')
  const { period, periods, setPeriod } = useDispatchPeriod()
  const [filters, setFilters] = useState<Filters>({ active: true })
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [action, setAction] = useState<Action | null>(null)
  const [rulesOpen, setRulesOpen] = useState(false)
  const [exporting, setExporting] = useState(false)
  const focus = useWarningsFocus()

  // the dashboard's links ask for a region (and a rule)
  useEffect(() => {
    if (!focus) return
    setFilters({ active: true, ...(focus.region ? { region: focus.region } : {}), ...(focus.rule ? { rule: focus.rule } : {}) })
    setPage(1)
  }, [focus])

  const query: WarningQuery | null = period ? { ...filters, period } : null
  const list = useQuery({
    queryKey: ['warnings', 'list', query, page, pageSize],
    queryFn: () => warningsApi.list({ ...(query as WarningQuery), page, pageSize }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  })
  const assignees = useQuery({ queryKey: ['warnings', 'assignees'], queryFn: warningsApi.assignees, enabled: canManage, staleTime: 5 * 60_000 })

  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }))
    setPage(1)
  }
  const exportFile = async () => {
    if (!query) return
    setExporting(true)
    try {
      await warningsApi.exportFile(query)
    } catch (e) {
      void message.error(errorText(e, t))
    } finally {
      setExporting(false)
    }
  }
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['warnings'] })
  const canEditRules = can('province.configure') && (me.scopePrefix ?? '').length <= 2

  return (
    <div className="gx-page" data-testid="warnings-page">
      <Card className="gx-card">
        <div className="gx-toolbar">
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('features.warnings')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('dispatch.centre.subtitle')}</Typography.Text>
          </div>
          <Space>
            <Button icon={<ExportOutlined />} loading={exporting} disabled={!query} onClick={() => void exportFile()} data-testid="warnings-export">
              {t('dispatch.centre.export')}
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="warnings-rules">
              {t('dispatch.rules.open')}
            </Button>
          </Space>
        </div>
        <Space wrap className="gx-filters" style={{ marginBottom: 12 }}>
          <Select style={{ width: 120 }} value={period} onChange={setPeriod} options={[...periods].reverse().map((p) => ({ value: p, label: p }))} aria-label={t('dispatch.period')} data-testid="warnings-period" />
          <RegionCascader anyLevel value={filters.region ?? null} onChange={(v) => set({ region: v })} placeholder={t('dispatch.centre.region')} style={{ width: 220 }} />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('dispatch.centre.col.rule')}
            value={filters.rule}
            onChange={(v?: string) => set({ rule: v })}
            options={warningRuleIds.map((r) => ({ value: r, label: ruleName(r, locale) }))}
            data-testid="warnings-rule"
          />
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('dispatch.centre.col.severity')}
            value={filters.severity}
            onChange={(v?: WarningSeverity) => set({ severity: v })}
            options={(['high', 'medium', 'low'] as const).map((s) => ({ value: s, label: t(`dispatch.centre.severity.${s}`) }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('dispatch.centre.col.status')}
            value={filters.status}
            onChange={(v?: WarningStatus) => set({ status: v })}
            options={(['new', 'acknowledged', 'resolved'] as const).map((s) => ({ value: s, label: t(`dispatch.centre.status.${s}`) }))}
          />
          {canManage && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 160 }}
              placeholder={t('dispatch.centre.col.owner')}
              value={filters.ownerId}
              onChange={(v?: number) => set({ ownerId: v })}
              options={(assignees.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))}
            />
          )}
          <Space size={4}>
            <Switch size="small" checked={filters.active !== false} onChange={(v) => set({ active: v })} />
            <Typography.Text>{t('dispatch.centre.activeOnly')}</Typography.Text>
          </Space>
          <Button onClick={() => set({ region: undefined, rule: undefined, severity: undefined, status: undefined, ownerId: undefined, active: true })}>{t('common.reset')}</Button>
        </Space>
        {list.error && <Alert type="error" showIcon title={errorText(list.error, t)} className="gx-form-alert" />}
        <Table<WarningRow>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="warnings-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => {
              setPage(p)
              setPageSize(s)
            },
          }}
          columns={[
            { key: 'severity', title: t('dispatch.centre.col.severity'), render: (_, r) => <Tag color={SEVERITY_COLOR[r.severity]}>{t(`dispatch.centre.severity.${r.severity}`)}</Tag> },
            { key: 'rule', title: t('dispatch.centre.col.rule'), render: (_, r) => <Tooltip title={localized(warningRuleInfo[r.rule as WarningRuleId]?.description, locale).replace('{threshold}', String(r.threshold ?? ''))}>{ruleName(r.rule, locale)}</Tooltip> },
            {
              key: 'subject',
              title: t('dispatch.centre.col.subject'),
              render: (_, r) =>
                r.subjectKind === 'enterprise' && r.uscc ? (
                  openEnterprise ? (
                    <a onClick={() => openEnterprise(r.uscc ?? '')} data-testid="warning-enterprise">
                      {r.enterpriseName ?? r.uscc}
                    </a>
                  ) : (
                    (r.enterpriseName ?? r.uscc)
                  )
                ) : (
                  <a onClick={() => openPage(dispatchRegionPath(r.region))}>{r.regionName ?? r.region}</a>
                ),
            },
            { key: 'uscc', title: 'USCC', render: (_, r) => <span className="gx-mono">{r.uscc ?? '—'}</span> },
            { key: 'region', title: t('dispatch.centre.col.region'), render: (_, r) => r.regionName ?? r.region },
            { key: 'reason', title: t('dispatch.centre.col.reason'), render: (_, r) => localized(r.reason, locale) },
            {
              key: 'status',
              title: t('dispatch.centre.col.status'),
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={STATUS_COLOR[r.status]}>{t(`dispatch.centre.status.${r.status}`)}</Tag>
                  {!r.active && <Tag>{t('dispatch.centre.inactive')}</Tag>}
                </Space>
              ),
            },
            { key: 'owner', title: t('dispatch.centre.col.owner'), render: (_, r) => r.owner?.displayName ?? '—' },
            { key: 'note', title: t('dispatch.centre.col.note'), render: (_, r) => <Typography.Text ellipsis={{ tooltip: r.note }} style={{ maxWidth: 200 }}>{r.note ?? '—'}</Typography.Text> },
            { key: 'updated', title: t('dispatch.centre.col.updated'), render: (_, r) => formatDateTime(r.updatedAt) },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: 'right' as const,
                    render: (_: unknown, r: WarningRow) => (
                      <Space size={0}>
                        {r.status === 'new' && (
                          <Button type="link" size="small" onClick={() => setAction({ kind: 'acknowledge', row: r })} data-testid="warning-acknowledge">
                            {t('dispatch.centre.acknowledge')}
                          </Button>
                        )}
                        {r.status !== 'resolved' ? (
                          <Button type="link" size="small" onClick={() => setAction({ kind: 'resolve', row: r })} data-testid="warning-resolve">
                            {t('dispatch.centre.resolve')}
                          </Button>
                        ) : (
                          <Button type="link" size="small" onClick={() => setAction({ kind: 'reopen', row: r })}>
                            {t('dispatch.centre.reopen')}
                          </Button>
                        )}
                        <Button type="link" size="small" onClick={() => setAction({ kind: 'assign', row: r })} data-testid="warning-assign">
                          {t('dispatch.centre.assign')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ActionModal action={action} assignees={assignees.data?.items ?? []} onClose={() => setAction(null)} onDone={refresh} />
      <RulesDrawer open={rulesOpen} editable={canEditRules} onClose={() => setRulesOpen(false)} />
    </div>
  )
}

/** Acknowledge, resolve, reopen or assign one warning, on the version it was read at. */
function ActionModal({ action, assignees, onClose, onDone }: { action: Action | null; assignees: readonly Assignee[]; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note?: string; ownerUserId?: number | null }>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (action) {
      form.setFieldsValue({ note: action.row.note ?? '', ownerUserId: action.row.owner?.id ?? null })
      setError(null)
    }
  }, [action, form])
  if (!action) return null
  const { kind, row } = action
  const submit = async () => {
    const v = await form.validateFields()
    const change: WarningChange = { version: row.version }
    if (kind === 'acknowledge') change.status = 'acknowledged'
    if (kind === 'resolve') change.status = 'resolved'
    if (kind === 'reopen') change.status = 'acknowledged'
    if (kind === 'assign') change.ownerUserId = v.ownerUserId ?? null
    if (kind !== 'assign') change.note = v.note?.trim() ? v.note.trim() : kind === 'resolve' ? '' : (row.note ?? null)
    setSaving(true)
    setError(null)
    try {
      await warningsApi.update(row.id, change)
      void message.success(t('common.saved'))
      onDone()
      onClose()
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        form.setFields(
          e.fieldErrors
            .filter((f) => f.field === 'note' || f.field === 'ownerUserId')
            .map((f) => ({ name: f.field as 'note' | 'ownerUserId', errors: [localized(f.message, locale)] })),
        )
      }
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setError(t('dispatch.centre.stale'))
        onDone()
      } else setError(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      open
      title={t(`dispatch.centre.modal.${kind}`, { subject: row.enterpriseName ?? row.regionName ?? row.region })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{localized(row.reason, locale)}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="gx-form-alert" />}
      <Form form={form} layout="vertical" data-testid="warning-action-form">
        {kind === 'assign' ? (
          <Form.Item name="ownerUserId" label={t('dispatch.centre.assignee')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={assignees.map((a) => ({ value: a.id, label: `${a.displayName} (${a.username}) · ${a.role}` }))}
              data-testid="warning-assignee"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="note"
            label={t('dispatch.centre.note')}
            rules={kind === 'resolve' ? [{ required: true, whitespace: true, message: t('dispatch.centre.noteRequired') }] : []}
            extra={kind === 'resolve' ? t('dispatch.centre.noteRequired') : t('dispatch.centre.noteOptional')}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="warning-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
