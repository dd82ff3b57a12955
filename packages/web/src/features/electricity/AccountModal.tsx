import { useState } from 'react'
import { Alert, App, Form, Input, Modal, Table, Tag, type TableColumnsType } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import type { FieldError } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { errorText } from '../../shared/errors.ts'
import { formatDateTime } from '../../shared/format.ts'
import { electricityApi, type GridAccount } from './api.ts'

interface Values {
  accountNumber: string
  uscc: string
  accountName?: string
  note?: string
}

/** The revisions of an account's mapping, newest first. */
export function AccountHistoryTable({ accountNumber }: { accountNumber: string }) {
  const { t } = useTranslation()
  const history = useQuery({ queryKey: ['electricity', 'accountHistory', accountNumber], queryFn: () => electricityApi.accountHistory(accountNumber).then((r) => r.items) })
  const none = t('common.none')
  const columns: TableColumnsType<GridAccount> = [
    { key: 'revision', title: t('electricity.accounts.revision'), width: 100, render: (_, a) => <>{a.revision} {a.supersededAt === null && <Tag color="green">{t('electricity.accounts.current')}</Tag>}</> },
    { key: 'uscc', dataIndex: 'uscc', title: t('electricity.accounts.uscc'), width: 190 },
    { key: 'name', dataIndex: 'name', title: t('electricity.accounts.name'), ellipsis: true },
    { key: 'accountName', dataIndex: 'accountName', title: t('electricity.accounts.accountName'), ellipsis: true, render: (v: string | null) => v ?? none },
    { key: 'recordedAt', dataIndex: 'recordedAt', title: t('electricity.accounts.recordedAt'), width: 170, render: (v: string) => formatDateTime(v) },
    { key: 'supersededAt', dataIndex: 'supersededAt', title: t('electricity.accounts.supersededAt'), width: 170, render: (v: string | null) => (v ? formatDateTime(v) : none) },
    { key: 'recordedBy', dataIndex: 'recordedBy', title: t('electricity.accounts.recordedBy'), width: 110, render: (v: string | null) => v ?? none },
    { key: 'note', dataIndex: 'note', title: t('electricity.accounts.note'), width: 160, render: (v: string | null) => v ?? none },
  ]
  return (
    <Table<GridAccount>
      rowKey="revision"
      size="small"
      columns={columns}
      dataSource={[...(history.data ?? [])].sort((a, b) => b.revision - a.revision)}
      loading={history.isLoading}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="electricity-account-history"
    />
  )
}

/**
 * Maps a new account to an enterprise, or re-maps / renames one: the server keeps the earlier mapping as a revision.
 * An edit sends back the revision it was shown; a stale one is refused and the list reloads.
 */
export function AccountModal({ current, onClose, onSaved }: { current: GridAccount | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const save = async () => {
    const v = await form.validateFields()
    setSaving(true)
    setFailure(null)
    try {
      const input = { uscc: v.uscc.trim(), accountName: v.accountName?.trim() || null, note: v.note?.trim() || null }
      if (current) await electricityApi.updateAccount(current.accountNumber, { ...input, revision: current.revision })
      else await electricityApi.createAccount({ ...input, accountNumber: v.accountNumber })
      void message.success(t('electricity.accounts.saved', { number: current?.accountNumber ?? v.accountNumber.trim() }))
      onSaved()
      onClose()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        void message.warning(errorText(e, t))
        onSaved()
        onClose()
        return
      }
      if (e instanceof ApiError && e.fieldErrors.length) {
        const by = new Map<string, FieldError[]>()
        for (const f of e.fieldErrors) if (f.field) by.set(f.field, [...(by.get(f.field) ?? []), f])
        form.setFields([...by].map(([name, errs]) => ({ name: name as keyof Values, errors: errs.map((x) => pickText(x.message, locale)) })))
      }
      setFailure(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={current ? t('electricity.accounts.editTitle', { number: current.accountNumber }) : t('electricity.accounts.createTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={current ? 960 : 560}
      destroyOnHidden
      data-testid="electricity-account-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ accountNumber: current?.accountNumber ?? '', uscc: current?.uscc ?? '', accountName: current?.accountName ?? '' }}>
        <Form.Item name="accountNumber" label={t('electricity.accounts.accountNumber')} extra={t('electricity.accounts.accountNumberHint')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('electricity.accounts.accountNumber') }) }]}>
          <Input disabled={current !== null} maxLength={40} data-testid="electricity-account-number" />
        </Form.Item>
        <Form.Item name="uscc" label={t('electricity.accounts.uscc')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('electricity.accounts.uscc') }) }]}>
          <Input maxLength={40} data-testid="electricity-account-uscc" />
        </Form.Item>
        <Form.Item name="accountName" label={t('electricity.accounts.accountName')}>
          <Input maxLength={200} />
        </Form.Item>
        {current && (
          <Form.Item name="note" label={t('electricity.accounts.note')}>
            <Input maxLength={500} placeholder={t('electricity.accounts.notePlaceholder')} />
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {current && <AccountHistoryTable accountNumber={current.accountNumber} />}
    </Modal>
  )
}
