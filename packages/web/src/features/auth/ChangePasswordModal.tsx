import { useState } from 'react'
import { App, Form, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { authApi } from '../../api/endpoints.ts'
import { errorText } from '../../shared/errors.ts'

interface Values {
  currentPassword: string
  newPassword: string
  confirm: string
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const v = await form.validateFields()
    setSaving(true)
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword)
      void message.success(t('auth.passwordChanged'))
      form.resetFields()
      onClose()
    } catch (e) {
      void message.error(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={<Typography.Text type="secondary">{t('auth.passwordPolicy')}</Typography.Text>}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
