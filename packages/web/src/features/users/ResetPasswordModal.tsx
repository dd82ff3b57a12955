import { useState } from 'react'
import { App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { userApi } from '../../api/endpoints.ts'
import type { UserRow } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const [saving, setSaving] = useState(false)

  const save = async () => {
    let password: string
    try {
      password = (await form.validateFields()).password
    } catch {
      return
    }
    setSaving(true)
    try {
      await userApi.resetPassword(user.id, password)
      void message.success(t('users.resetDone'))
      onClose()
    } catch (e) {
      form.setFields([{ name: 'password', errors: [errorText(e, t)] }])
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('auth.newPassword')}
          extra={t('auth.passwordPolicy')}
          rules={[{ required: true, message: t('auth.passwordRequired') }, { min: 8, message: t('auth.passwordPolicy') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
