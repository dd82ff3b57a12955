import { Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { DryRunCommitButtons, FileChooser, ImportSteps, RevisionReasonField, TemplateLink, importOutcome, useTwoStepImport } from '../imports/ImportParts.tsx'
import type { FactImportCounts, FactImportOptions, FactImportResult } from './api.ts'

const COUNT_KEYS: readonly (keyof FactImportCounts)[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised']

interface Props {
  run: (file: File, opts: FactImportOptions) => Promise<FactImportResult>
  templatePath: string
  templateLabel: string
  /** query keys whose data the commit changes */
  invalidate: readonly (readonly string[])[]
  testId: string
}

/**
 * Import of a file of regional facts (official statistics, targets) in two steps, as the monthly statistics
 * import: a dry run that writes nothing and lists every row error and warning, then the commit of the same
 * file. A file that changes a closed period needs a revision reason, asked for once the server says so.
 */
export function FactImportPanel({ run, templatePath, templateLabel, invalidate, testId }: Props) {
  const { t } = useTranslation()
  const imp = useTwoStepImport({ request: (file, dryRun, revisionReason) => run(file, { dryRun, revisionReason }), texts: 'indicators.import', invalidate })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
      <ImportSteps current={imp.step} />
      <FileChooser dragger file={imp.file} testId={`${testId}-file`} onChange={imp.chooseFile} />
      <TemplateLink path={templatePath} label={templateLabel} />
      {imp.showReason && <RevisionReasonField imp={imp} testId={`${testId}-reason`} />}
      <DryRunCommitButtons imp={imp} testId={testId} />
      {importOutcome({ imp, t, keys: COUNT_KEYS, doneLabel: (k) => t(`reports.doneCounts.${k}`), checkLabel: (k) => t(`reports.counts.${k}`), testId })}
    </Space>
  )
}
