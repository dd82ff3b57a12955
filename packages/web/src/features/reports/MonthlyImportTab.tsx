import { useState } from 'react'
import { Checkbox, Form, Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { MONTHLY_TEMPLATE_PATH, reportApi } from '../../api/endpoints.ts'
import type { MonthlyImportCounts } from '../../api/types.ts'
import { DryRunCommitButtons, FileChooser, ImportSteps, RevisionReasonField, TemplateLink, importOutcome, useTwoStepImport } from '../imports/ImportParts.tsx'

const COUNT_KEYS: readonly (keyof MonthlyImportCounts)[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised']
type Source = 'monthly' | 'electricity' | 'officialStats' | 'targets'
// official statistics, targets and electricity are imported on their own tabs (统计公布数, 年度目标, 用电数据)
const COMING_SOURCES: readonly Source[] = []

/**
 * Import of 规上工业企业月度主要指标 in two steps: a dry run that writes nothing and lists every row
 * error and warning, then the commit of the same file. A file that changes a closed period needs a
 * revision reason, asked for once the server says so.
 */
export function MonthlyImportTab() {
  const { t } = useTranslation()
  const [source, setSource] = useState<Source>('monthly')
  const [allowJanuary, setAllowJanuary] = useState(false)
  const imp = useTwoStepImport({
    request: (file, dryRun, revisionReason) => reportApi.importMonthly(file, { dryRun, allowJanuary, revisionReason }),
    texts: 'reports.import',
    invalidate: [['reports']],
  })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ImportSteps current={imp.step} />
      <Form layout="vertical" component="div">
        <Form.Item label={t('reports.sources.label')}>
          <Select<Source>
            value={source}
            onChange={setSource}
            style={{ maxWidth: 480 }}
            options={[
              { value: 'monthly', label: t('reports.sources.monthly') },
              ...COMING_SOURCES.map((s) => ({
                value: s,
                disabled: true,
                label: (
                  <Space size={4}>
                    {t(`reports.sources.${s}`)}
                    <Tag variant="filled">{t('reports.sources.coming')}</Tag>
                  </Space>
                ),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item>
          <FileChooser dragger file={imp.file} testId="reports-import-file" onChange={imp.chooseFile} />
        </Form.Item>
        <Space wrap size="large">
          <TemplateLink path={MONTHLY_TEMPLATE_PATH} label={t('reports.import.template')} />
          <Checkbox
            checked={allowJanuary}
            onChange={(e) => {
              setAllowJanuary(e.target.checked)
              imp.clearCheck()
            }}
          >
            {t('reports.import.allowJanuary')}
          </Checkbox>
          <Typography.Text type="secondary">{t('reports.import.allowJanuaryHint')}</Typography.Text>
        </Space>
        {imp.showReason && <RevisionReasonField imp={imp} testId="reports-revision-reason" inForm />}
      </Form>
      <DryRunCommitButtons imp={imp} testId="reports" />
      {importOutcome({ imp, t, keys: COUNT_KEYS, doneLabel: (k) => t(`reports.doneCounts.${k}`), checkLabel: (k) => t(`reports.counts.${k}`), testId: 'reports-import' })}
    </Space>
  )
}
