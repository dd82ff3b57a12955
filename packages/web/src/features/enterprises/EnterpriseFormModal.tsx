import { useState } from 'react'
import { Alert, App, AutoComplete, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { enterpriseApi } from '../../api/endpoints.ts'
import type { EnterpriseDetail } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { pickText } from '../../i18n/locale.ts'
import { errorText } from '../../shared/errors.ts'
import { IndustrySelect } from '../industries/IndustrySelect.tsx'
import { ParkSelect } from '../parks/ParkSelect.tsx'
import { RegionCascader } from '../regions/RegionCascader.tsx'
import { levelOfCode } from '../regions/regionCodes.ts'
import {
  OWNERSHIP_SUGGESTIONS, emptyEnterpriseForm, formFromDetail, inputFromForm, type EnterpriseFormValues,
} from './enterpriseForm.ts'
import { UsccField } from './UsccField.tsx'

interface Props {
  /** the enterprise to edit; a new one is created without it */
  enterprise?: EnterpriseDetail
  onClose: () => void
  onSaved: (d: EnterpriseDetail) => void
}

const FORM_FIELDS = new Set<string>([
  'uscc', 'name', 'countyCode', 'parkId', 'industryCode', 'foundedOn', 'ownership', 'tags', 'aboveScale', 'aboveScaleYear', 'aboveScaleReason',
])

/**
 * 新增 / 编辑企业. An edit sends the version it started from; if someone saved in between, the server
 * answers 409 STALE_VERSION and the user reloads the latest version instead of overwriting it.
 */
export function EnterpriseFormModal({ enterprise, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const locale = currentLocale()
  const [form] = Form.useForm<EnterpriseFormValues>()
  const [version, setVersion] = useState(enterprise?.version ?? 0)
  const [saving, setSaving] = useState(false)
  const [stale, setStale] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const county = Form.useWatch('countyCode', form)
  const aboveScale = Form.useWatch('aboveScale', form)
  const editing = enterprise !== undefined
  const initial = enterprise ? formFromDetail(enterprise) : emptyEnterpriseForm()
  const scaleChanged = aboveScale !== undefined && aboveScale !== initial.aboveScale

  const save = async () => {
    let values: EnterpriseFormValues
    try {
      values = await form.validateFields()
    } catch {
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      const input = inputFromForm(values)
      const saved = enterprise
        ? await enterpriseApi.update(enterprise.id, { ...input, version })
        : await enterpriseApi.create(input)
      queryClient.setQueryData(['enterprise', saved.id], saved)
      await queryClient.invalidateQueries({ queryKey: ['enterprises'] })
      await queryClient.invalidateQueries({ queryKey: ['audit'] })
      void message.success(editing ? t('common.saved') : t('enterprise.created'))
      onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setStale(e.message || t('enterprise.stale'))
      } else {
        if (e instanceof ApiError) {
          const known = e.fieldErrors.filter((f) => f.field && FORM_FIELDS.has(f.field))
          if (known.length) {
            form.setFields(
              known.map((f) => ({ name: f.field as keyof EnterpriseFormValues, errors: [pickText(f.message, locale)] })),
            )
          }
        }
        setFailure(errorText(e, t))
      }
    } finally {
      setSaving(false)
    }
  }

  const reload = async () => {
    if (!enterprise) return
    const fresh = await queryClient.fetchQuery({ queryKey: ['enterprise', enterprise.id], queryFn: () => enterpriseApi.get(enterprise.id), staleTime: 0 })
    form.resetFields()
    form.setFieldsValue(formFromDetail(fresh))
    setVersion(fresh.version)
    setStale(null)
    setFailure(null)
  }

  return (
    <Modal
      open
      width={760}
      title={editing ? t('enterprise.editTitle') : t('enterprise.createTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: stale !== null }}
      mask={{ closable: false }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={stale}
          description={t('enterprise.stale')}
          action={<Button size="small" onClick={() => void reload().catch((e: unknown) => setFailure(errorText(e, t)))}>{t('common.reload')}</Button>}
          className="gx-form-alert"
          data-testid="stale-version"
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} className="gx-form-alert" />}
      <Form<EnterpriseFormValues> form={form} layout="vertical" initialValues={initial} disabled={stale !== null}>
        <Row gutter={16}>
          <Col span={12}>
            <UsccField disabled={editing} />
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('enterprise.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprise.name') }) }, { max: 200 }]}>
              <Input maxLength={200} data-testid="enterprise-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="countyCode"
              label={t('enterprise.county')}
              rules={[
                { required: true, message: t('enterprise.countyRequired') },
                { validator: async (_, v: string | undefined) => { if (v && levelOfCode(v) !== 3) throw new Error(t('enterprise.countyRequired')) } },
              ]}
            >
              <RegionCascader onChange={() => form.setFieldValue('parkId', null)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parkId" label={t('enterprise.park')}>
              <ParkSelect region={county ?? null} disabled={!county} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('enterprise.industry')} rules={[{ required: true, message: t('common.required', { field: t('enterprise.industry') }) }]}>
              <IndustrySelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="foundedOn" label={t('enterprise.foundedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownership" label={t('enterprise.ownership')}>
              <AutoComplete options={OWNERSHIP_SUGGESTIONS.map((o) => ({ value: o }))} showSearch={{ filterOption: true }} allowClear />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tags" label={t('enterprise.tags')}>
              <Select mode="tags" placeholder={t('enterprise.tagsPlaceholder')} tokenSeparators={[',', '\uFF0C']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="aboveScale" label={t('enterprise.aboveScale')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="aboveScaleYear"
              label={t('enterprise.aboveScaleYear')}
              rules={[{ required: scaleChanged, message: t('enterprise.aboveScaleChangeHint') }]}
            >
              <InputNumber min={1949} max={new Date().getFullYear() + 1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="aboveScaleReason"
              label={t('enterprise.aboveScaleReason')}
              extra={scaleChanged ? t('enterprise.aboveScaleChangeHint') : undefined}
              rules={[{ required: scaleChanged, whitespace: true, message: t('enterprise.aboveScaleChangeHint') }, { max: 200 }]}
            >
              <Input placeholder={t('enterprise.aboveScaleReasonPlaceholder')} maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
