import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx'
import { errorText } from '../../shared/errors.ts'
import { useAuth } from './AuthContext.tsx'

interface LoginForm {
  username: string
  password: string
}

function fromOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')) return from
  }
  return '/'
}

export function LoginPage() {
  const { t } = useTranslation()
  const { status, notice, login, switchLocale } = useAuth()
  const location = useLocation()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const from = fromOf(location.state)

  if (status === 'authenticated') return <Navigate to={from} replace />

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true)
    setError(null)
    try {
      await login(values.username.trim(), values.password)
      navigate(from, { replace: true })
    } catch (e) {
      setError(errorText(e, t))
    } finally {
      setSubmitting(false)
    }
  }

  const shown = error ?? notice
  return (
    <div className="gx-login">
      <div className="gx-login-lang">
        <LanguageSwitch onSwitch={(l) => void switchLocale(l)} type="default" />
      </div>
      <Card className="gx-login-card">
        <div className="gx-login-brand">
          <span className="gx-login-latin">{t('app.brand')}</span>
          <Typography.Title level={2}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
        </div>
        {shown && <Alert type="error" showIcon title={shown} className="gx-login-alert" data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="gx-login-footer">
          {t('auth.footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  )
}
