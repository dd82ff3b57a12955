import { useState } from 'react'
import { Alert, App, Button, Drawer, Form, Input, Select, Switch, Table, Typography } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { warningRuleInfo, type WarningRuleId } from '@gongxin/domain'
import { ApiError } from '../../api/http.ts'
import type { Locale } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { warningsApi } from '../dispatch/api.ts'
import { localized } from '../dispatch/format.ts'
import type { WarningRuleRow, WarningSeverity } from '../dispatch/types.ts'
import { thresholdInput } from './rules.ts'

/**
 * 规则设置: the warning rules with their threshold, severity and switch. Province-level users who set targets
 * may change them; the others read them. A change makes every kept dispatch recompute on its next read.
 */
export function RulesDrawer({ open, editable, onClose }: { open: boolean; editable: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
  const rules = useQuery({ queryKey: ['warnings', 'rules'], queryFn: warningsApi.rules, enabled: open })
  return (
    <Drawer open={open} onClose={onClose} size={880} title={t('dispatch.rules.title')} destroyOnHidden>
      {!editable && <Alert type="info" showIcon title={t('dispatch.rules.readOnly')} className="gx-form-alert" />}
      {rules.error && <Alert type="error" showIcon title={errorText(rules.error, t)} className="gx-form-alert" />}
      <Table<WarningRuleRow>
        size="small"
        rowKey="id"
        loading={rules.isLoading}
        pagination={false}
        dataSource={rules.data?.items ?? []}
        data-testid="warning-rules-table"
        expandable={{ expandedRowRender: (r) => <RuleEditor rule={r} editable={editable} locale={locale} />, defaultExpandAllRows: true, expandedRowKeys: (rules.data?.items ?? []).map((r) => r.id), showExpandColumn: false }}
        columns={[
          { key: 'name', title: t('dispatch.rules.col.name'), render: (_, r) => localized(warningRuleInfo[r.id as WarningRuleId]?.name, locale) || r.id },
          {
            key: 'description',
            title: t('dispatch.rules.col.description'),
            render: (_, r) => localized(warningRuleInfo[r.id as WarningRuleId]?.description, locale).replace('{threshold}', r.threshold === null ? '—' : String(r.threshold)),
          },
          { key: 'subject', title: t('dispatch.rules.col.subject'), render: (_, r) => t(`dispatch.rules.subject.${warningRuleInfo[r.id as WarningRuleId]?.subject ?? 'enterprise'}`) },
        ]}
      />
    </Drawer>
  )
}

interface RuleForm {
  enabled: boolean
  threshold: string
  severity: WarningSeverity
}

function RuleEditor({ rule, editable, locale }: { rule: WarningRuleRow; editable: boolean; locale: Locale }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<RuleForm>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const info = warningRuleInfo[rule.id as WarningRuleId]
  const hasThreshold = info?.thresholdRange != null
  const save = async () => {
    const v = form.getFieldsValue()
    setSaving(true)
    setError(null)
    form.setFields([
      { name: 'threshold', errors: [] },
      { name: 'severity', errors: [] },
      { name: 'enabled', errors: [] },
    ])
    try {
      await warningsApi.updateRule(rule.id, { enabled: v.enabled, severity: v.severity, ...(hasThreshold ? { threshold: thresholdInput(v.threshold ?? '') } : {}) })
      void message.success(t('dispatch.rules.saved'))
      void queryClient.invalidateQueries({ queryKey: ['warnings'] })
      void queryClient.invalidateQueries({ queryKey: ['dispatch'] })
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) {
        const known = ['threshold', 'severity', 'enabled']
        form.setFields(e.fieldErrors.filter((f) => f.field && known.includes(f.field)).map((f) => ({ name: f.field as keyof RuleForm, errors: [localized(f.message, locale)] })))
        if (e.fieldErrors.some((f) => !f.field || !known.includes(f.field))) setError(errorText(e, t))
      } else setError(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Form<RuleForm>
      form={form}
      layout="inline"
      disabled={!editable}
      initialValues={{ enabled: rule.enabled, threshold: rule.threshold === null ? '' : String(rule.threshold), severity: rule.severity }}
      data-testid={`warning-rule-${rule.id}`}
    >
      <Form.Item name="enabled" label={t('dispatch.rules.col.enabled')} valuePropName="checked">
        <Switch size="small" />
      </Form.Item>
      {hasThreshold && (
        <Form.Item
          name="threshold"
          label={t('dispatch.rules.col.threshold')}
          extra={info?.thresholdRange ? t('dispatch.rules.range', { min: info.thresholdRange[0], max: info.thresholdRange[1], unit: info.thresholdUnit === 'pt' ? t('dispatch.unit.pts') : (info.thresholdUnit ?? '') }) : undefined}
        >
          <Input style={{ width: 100 }} data-testid={`warning-rule-${rule.id}-threshold`} />
        </Form.Item>
      )}
      <Form.Item name="severity" label={t('dispatch.centre.col.severity')}>
        <Select style={{ width: 100 }} options={(['high', 'medium', 'low'] as const).map((s) => ({ value: s, label: t(`dispatch.centre.severity.${s}`) }))} />
      </Form.Item>
      {editable && (
        <Form.Item>
          <Button type="primary" size="small" loading={saving} onClick={() => void save()} data-testid={`warning-rule-${rule.id}-save`}>
            {t('common.save')}
          </Button>
        </Form.Item>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Form>
  )
}
