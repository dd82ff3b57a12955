import { useRef, useState } from 'react'
import { Form, Input, Space, Typography } from 'antd'
import { CheckCircleTwoTone, LoadingOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { enterpriseApi } from '../../api/endpoints.ts'
import type { UsccCheck } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { USCC_PATTERN } from './registryState.ts'

/**
 * The USCC input of the enterprise form: checked locally as typed (shape), and by the server on blur
 * (checksum, registering department and category), whose warnings are shown without blocking.
 */
export function UsccField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const locale = currentLocale()
  const cache = useRef(new Map<string, UsccCheck>())
  const [checking, setChecking] = useState(false)
  const [result, setResult] = useState<UsccCheck | null>(null)

  const check = async (code: string): Promise<UsccCheck> => {
    const hit = cache.current.get(code)
    if (hit) return hit
    setChecking(true)
    try {
      const r = await enterpriseApi.validateUscc(code)
      cache.current.set(code, r)
      return r
    } finally {
      setChecking(false)
    }
  }

  const parts = result?.valid ? result.parts : null
  const extra = checking ? (
    <Typography.Text type="secondary">
      <LoadingOutlined /> {t('enterprise.usccChecking')}
    </Typography.Text>
  ) : result ? (
    <Space orientation="vertical" size={0}>
      {result.valid && (
        <Typography.Text type="success">
          <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('enterprise.usccValid')}
          {parts &&
            ` · ${parts.registeringDepartment.name} · ${parts.category.name} · ${parts.divisionCode}`}
        </Typography.Text>
      )}
      {result.warnings.map((w) => (
        <Typography.Text key={w.code} type="warning">
          {pickText(w, locale)}
        </Typography.Text>
      ))}
    </Space>
  ) : null

  return (
    <Form.Item
      name="uscc"
      label={t('enterprise.uscc')}
      validateTrigger={['onChange', 'onBlur']}
      normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
      extra={disabled ? undefined : extra}
      hasFeedback={!disabled}
      rules={[
        { required: true, message: t('common.required', { field: t('enterprise.uscc') }) },
        { pattern: USCC_PATTERN, message: t('enterprise.usccInvalid'), validateTrigger: 'onBlur' },
        {
          validateTrigger: 'onBlur',
          validator: async (_, value: string | undefined) => {
            if (disabled || !value || !USCC_PATTERN.test(value)) {
              setResult(null)
              return
            }
            const r = await check(value)
            setResult(r)
            if (!r.valid) throw new Error(r.errors.map((e) => pickText(e, locale)).join('; ') || t('enterprise.usccInvalid'))
          },
        },
      ]}
    >
      <Input className="gx-mono" maxLength={18} disabled={disabled} placeholder="91430100MA4XXXXXXX" data-testid="enterprise-uscc" />
    </Form.Item>
  )
}
