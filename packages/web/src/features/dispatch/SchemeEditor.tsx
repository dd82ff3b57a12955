import { useRef, useState } from 'react'
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { indicatorCatalog, validateCompositeScheme, type CompositeScheme } from '@gongxin/domain'
import { ApiError } from '../../api/client.ts'
import type { Locale } from '../../api/types.ts'
import { errorText } from '../../shared/errors.ts'
import { formToScheme, placeErrors, schemeToForm, weightShares, type SchemeFieldName, type SchemeForm } from './assessment.ts'
import { compositeApi, schemesQueryKey, type SchemeEntry } from './assessmentApi.ts'
import { localized } from './format.ts'

const METHODS = ['rankPoints', 'minMax'] as const
const DIRECTIONS = ['higherIsBetter', 'lowerIsBetter'] as const

/**
 * Edits a scoring scheme (or creates one, starting from the scheme shown): name, method, and the indicators with
 * weight and direction. The domain's validateCompositeScheme checks it first; whatever the server still refuses
 * comes back as field errors (`items[0].weight`) and is shown on that field. Saved with PUT and the version read,
 * so that a concurrent change is refused rather than overwritten.
 */
export function SchemeEditor({
  entry,
  existing,
  base,
  locale,
  onClose,
  onSaved,
}: {
  /** the scheme edited; null to create one */
  entry: SchemeEntry | null
  existing: readonly SchemeEntry[]
  /** what a new scheme starts from */
  base: CompositeScheme | null
  locale: Locale
  onClose: () => void
  onSaved: (id: string) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<SchemeForm>()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string[]>([])
  const [version, setVersion] = useState(entry?.version)
  const marked = useRef<SchemeFieldName[]>([])
  const creating = entry === null
  const items = Form.useWatch('items', form) ?? []
  const shares = weightShares(items.map((it) => it?.weight))

  const initial: SchemeForm = entry
    ? schemeToForm(entry.scheme)
    : { ...(base ? schemeToForm(base) : { method: 'rankPoints' as const, items: [] }), id: '', nameZh: '', nameEn: '' }

  const show = (errors: Parameters<typeof placeErrors>[0]) => {
    const placed = placeErrors(errors, locale)
    form.setFields(placed.fields)
    marked.current = placed.fields.map((f) => f.name)
    setFailure(placed.general.length ? placed.general : [t('dispatch.composite.invalid')])
  }

  const save = async () => {
    const values = form.getFieldsValue(true) as SchemeForm
    // errors of the previous attempt go; the checks below set the current ones
    form.setFields(marked.current.map((name) => ({ name, errors: [] })))
    marked.current = []
    setFailure([])
    const scheme = formToScheme(values)
    const id = String(scheme.id)
    const checked = validateCompositeScheme(JSON.parse(JSON.stringify(scheme)) as unknown)
    const taken = creating ? existing.find((s) => s.scheme.id === id) : undefined
    if (!checked.ok || taken) {
      show([
        ...(checked.ok ? [] : checked.errors),
        ...(taken ? [{ field: 'id', message: { zh: t('dispatch.composite.idTaken', { id, name: taken.scheme.name.zh, lng: 'zh-CN' }), en: t('dispatch.composite.idTaken', { id, name: taken.scheme.name.en, lng: 'en-US' }) } }] : []),
      ])
      return
    }
    setSaving(true)
    try {
      const saved = await compositeApi.save(id, scheme, creating ? undefined : version)
      await queryClient.invalidateQueries({ queryKey: schemesQueryKey })
      await queryClient.invalidateQueries({ queryKey: ['dispatch', 'composite'] })
      void message.success(t('dispatch.composite.saved', { version: saved.version }))
      onSaved(saved.scheme.id)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION' && entry) {
        // someone saved meanwhile: load theirs so that nothing is overwritten unseen
        const fresh = await compositeApi.schemes().catch(() => null)
        const latest = fresh?.items.find((s) => s.scheme.id === entry.scheme.id)
        if (latest) {
          form.setFieldsValue(schemeToForm(latest.scheme))
          setVersion(latest.version)
        }
        await queryClient.invalidateQueries({ queryKey: schemesQueryKey })
        setFailure([t('dispatch.composite.stale')])
      } else if (e instanceof ApiError && e.fieldErrors.length) {
        show(e.fieldErrors)
      } else {
        setFailure([errorText(e, t)])
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      width={760}
      title={entry ? t('dispatch.composite.editTitle', { name: localized(entry.scheme.name, locale) }) : t('dispatch.composite.createTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      mask={{ closable: false }}
    >
      {failure.length > 0 && (
        <Alert type="error" showIcon className="gx-form-alert" title={failure.length === 1 ? failure[0] : <ul style={{ margin: 0, paddingLeft: 16 }}>{failure.map((f) => <li key={f}>{f}</li>)}</ul>} data-testid="scheme-failure" />
      )}
      <Form<SchemeForm> form={form} layout="vertical" initialValues={initial} data-testid="scheme-editor">
        <Form.Item name="id" label={t('dispatch.composite.field.id')} extra={creating ? t('dispatch.composite.field.idHint') : undefined}>
          <Input disabled={!creating} className="gx-mono" maxLength={64} autoComplete="off" />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="nameZh" label={t('dispatch.composite.field.nameZh')} style={{ minWidth: 320 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('dispatch.composite.field.nameEn')} style={{ minWidth: 320 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item name="method" label={t('dispatch.composite.field.method')}>
          <Select options={METHODS.map((m) => ({ value: m, label: t(`dispatch.composite.method.${m}`) }))} />
        </Form.Item>
        <Typography.Text strong>{t('dispatch.composite.field.items')}</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }} data-testid={`scheme-item-${i}`}>
                  <Form.Item name={[f.name, 'indicator']} label={i === 0 ? t('dispatch.composite.field.indicator') : undefined} style={{ width: 280 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('common.select')}
                      options={indicatorCatalog.map((ind) => ({ value: ind.id, label: localized({ zh: ind.nameZh, en: ind.nameEn }, locale) }))}
                      onChange={(id: string) => {
                        // the indicator's own direction is the usual choice (energy per unit of value added: lower is better)
                        const ind = indicatorCatalog.find((x) => x.id === id)
                        if (ind) form.setFieldValue(['items', f.name, 'direction'], ind.direction)
                      }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'weight']}
                    label={i === 0 ? t('dispatch.composite.field.weight') : undefined}
                    extra={shares[i] !== null && shares[i] !== undefined ? t('dispatch.composite.field.share', { share: shares[i] }) : undefined}
                    style={{ width: 140 }}
                  >
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'direction']} label={i === 0 ? t('dispatch.composite.field.direction') : undefined} style={{ width: 160 }}>
                    <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`dispatch.composite.direction.${d}`) }))} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('dispatch.composite.removeItem')}
                    title={t('dispatch.composite.removeItem')}
                    onClick={() => remove(f.name)}
                    style={i === 0 ? { marginTop: 30 } : undefined}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ indicator: undefined, weight: undefined, direction: 'higherIsBetter' })} data-testid="scheme-add">
                {t('dispatch.composite.addItem')}
              </Button>
            </div>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
          {t('dispatch.composite.precisionHint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  )
}
