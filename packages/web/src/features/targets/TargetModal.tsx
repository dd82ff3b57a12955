import { useState } from 'react'
import { Alert, App, Form, Input, InputNumber, Modal, Table, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Indicator } from '@gongxin/domain'
import { ApiError } from '../../api/client.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { figureText, indicatorName, targetBounds, unitLabel } from '../indicators/figures.ts'
import { targetsApi, type Target } from './api.ts'

interface Props {
  region: { code: string; name: string }
  indicator: Indicator
  year: number
  /** the target in force, or null to set one */
  current: Target | null
  onClose: () => void
  /** after a save, or when the target turned out to be stale: the caller reloads */
  onChanged: () => void
}

/**
 * Sets or changes one target. A change sends back the revision it was shown; when someone else changed the target
 * meanwhile the server refuses (STALE_VERSION) and the caller reloads the latest value.
 */
export function TargetModal({ region, indicator, year, current, onClose, onChanged }: Props) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ target: number | null; reason?: string }>()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const bounds = targetBounds(indicator)
  const history = useQuery({
    queryKey: ['targets', 'history', region.code, indicator.id, year],
    queryFn: () => targetsApi.history(region.code, indicator.id, year).then((r) => r.items),
    enabled: current !== null,
  })

  const save = async () => {
    const v = await form.validateFields()
    if (v.target === null || v.target === undefined) return
    setSaving(true)
    setFailure(null)
    try {
      if (current) await targetsApi.update(current.id, { target: v.target, revision: current.revision, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) })
      else await targetsApi.create({ regionCode: region.code, year, indicatorId: indicator.id, target: v.target })
      void message.success(t('targets.form.saved'))
      onChanged()
      onClose()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        void message.warning(t('targets.form.stale'))
        onChanged()
        onClose()
        return
      }
      setFailure(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={`${current ? t('targets.form.editTitle') : t('targets.form.createTitle')} · ${region.name} · ${year} · ${indicatorName(indicator, locale)}`}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={640}
      destroyOnHidden
      data-testid="target-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ target: current ? Number(current.target) : null }}>
        <Form.Item
          name="target"
          label={`${t('targets.form.target')} (${unitLabel(indicator, locale)})`}
          extra={indicator.kind === 'growth' ? t('targets.form.growthHint') : t('targets.form.levelHint')}
          rules={[{ required: true, message: t('targets.form.targetRequired') }]}
        >
          <InputNumber style={{ width: 200 }} min={bounds.min} max={bounds.max} precision={bounds.precision} step={indicator.kind === 'growth' ? 0.5 : 10} data-testid="target-input" />
        </Form.Item>
        {current && (
          <Form.Item name="reason" label={t('targets.form.reason')}>
            <Input maxLength={500} placeholder={t('targets.form.reasonPlaceholder')} />
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {current && (
        <>
          <Typography.Paragraph type="secondary">
            {t('targets.form.revision', { revision: current.revision, by: current.recordedBy, at: formatDateTime(current.recordedAt) })}
          </Typography.Paragraph>
          <Typography.Text strong>{t('targets.form.history')}</Typography.Text>
          <Table<Target>
            rowKey="id"
            size="small"
            loading={history.isLoading}
            dataSource={[...(history.data ?? [])].reverse()}
            pagination={false}
            columns={[
              { key: 'revision', dataIndex: 'revision', title: t('indicators.history.revision'), width: 70 },
              { key: 'target', title: t('targets.form.target'), width: 100, align: 'right', render: (_, r) => figureText(indicator, r.target, locale) },
              { key: 'by', dataIndex: 'recordedBy', title: t('reports.batches.user'), width: 110 },
              { key: 'at', dataIndex: 'recordedAt', title: t('indicators.history.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
              { key: 'batch', dataIndex: 'batchId', title: t('indicators.history.batch'), width: 70, render: (v: number | null) => v ?? t('common.none') },
              { key: 'reason', dataIndex: 'revisionReason', title: t('indicators.history.reason'), render: (v: string | null) => v ?? t('common.none') },
            ]}
          />
        </>
      )}
    </Modal>
  )
}
