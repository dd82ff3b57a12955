import { useState } from 'react'
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { userApi } from '../../api/endpoints.ts'
import { ROLES, type UserRow } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { errorText } from '../../shared/errors.ts'
import { USCC_PATTERN } from '../enterprises/registryState.ts'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { formFromUser, scopeProblem, toCreate, toUpdate, type UserFormValues } from './userForm.ts'

const FORM_FIELDS = new Set(['username', 'displayName', 'role', 'enterpriseUscc', 'password'])

export function UserFormModal({ user, onClose }: { user?: UserRow; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<UserFormValues>()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const role = Form.useWatch('role', form)
  const editing = user !== undefined

  const save = async () => {
    let v: UserFormValues
    try {
      v = await form.validateFields()
    } catch {
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      if (user) await userApi.update(user.id, toUpdate(v))
      else await userApi.create(toCreate(v))
      await queryClient.invalidateQueries({ queryKey: ['users'] })
      void message.success(t('common.saved'))
      onClose()
    } catch (e) {
      if (e instanceof ApiError) {
        const locale = currentLocale()
        const known = e.fieldErrors.filter((f) => f.field && FORM_FIELDS.has(f.field))
        if (known.length) form.setFields(known.map((f) => ({ name: f.field as keyof UserFormValues, errors: [pickText(f.message, locale)] })))
        if (e.code === 'PASSWORD_POLICY') form.setFields([{ name: 'password', errors: [e.message] }])
      }
      setFailure(errorText(e, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      mask={{ closable: false }}
    >
      {failure && <Alert type="error" showIcon title={failure} className="gx-form-alert" />}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={user ? formFromUser(user) : { role: 'countyOfficial', active: true }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={editing ? undefined : t('users.usernameHint')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.username') }) },
            { pattern: /^[A-Za-z0-9._-]{3,40}$/, message: t('users.usernameHint') },
          ]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }, { max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {role === 'enterprise' ? (
          <Form.Item
            name="enterpriseUscc"
            label={t('users.enterpriseUscc')}
            normalize={(v: string | undefined) => v?.toUpperCase().trim()}
            rules={[
              { required: true, message: t('common.required', { field: t('users.enterpriseUscc') }) },
              { pattern: USCC_PATTERN, message: t('enterprise.usccInvalid') },
            ]}
          >
            <Input className="gx-mono" maxLength={18} />
          </Form.Item>
        ) : (
          <Form.Item
            name="region"
            label={t('users.scope')}
            dependencies={['role']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const problem = scopeProblem(getFieldValue('role') as UserFormValues['role'], value)
                  if (problem === 'required') throw new Error(t('users.scopeRequired'))
                  if (problem === 'city') throw new Error(t('users.scopeLevelCity'))
                  if (problem === 'county') throw new Error(t('users.scopeLevelCounty'))
                },
              }),
            ]}
          >
            <RegionCascader anyLevel maxLevel={role === 'cityOfficial' ? 2 : 3} />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('auth.passwordPolicy')}
            rules={[{ required: true, message: t('auth.passwordRequired') }, { min: 8, message: t('auth.passwordPolicy') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="active" label={t('users.active')} valuePropName="checked">
            <Switch checkedChildren={t('users.activeYes')} unCheckedChildren={t('users.activeNo')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
