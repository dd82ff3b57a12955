import { useState } from 'react'
import { Alert, Button, Checkbox, Segmented, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DryRunCommitButtons, FileChooser, ImportSteps, RevisionReasonField, TemplateLink, importOutcome, useTwoStepImport, type ImportRequest } from '../imports/ImportParts.tsx'
import { ELECTRICITY_TEMPLATE_PATH, GRID_ACCOUNTS_TEMPLATE_PATH, electricityApi, type ElectricityImportCounts } from './api.ts'

type Kind = 'readings' | 'accounts'
type CountKey = keyof Required<ElectricityImportCounts>

const READING_KEYS: readonly CountKey[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised', 'mappedAccounts']
const ACCOUNT_KEYS: readonly CountKey[] = ['read', 'accepted', 'rejected', 'unchanged', 'created', 'revised']
/** the server's code the panel reacts to */
const ACCOUNT_UNKNOWN = 'accountUnknown'

/**
 * Import of the grid company's electricity file, or of the account mapping, in two steps as every import: a dry
 * run that writes nothing and lists every row error and warning, then the commit of the same file. Unmapped
 * account numbers are offered to be mapped from their rows' USCCs; a closed month asks for a revision reason.
 */
export function ElectricityImportPanel() {
  const { t } = useTranslation()
  const [kind, setKind] = useState<Kind>('readings')
  const [mapNewAccounts, setMapNewAccounts] = useState(false)
  const request =
    (map: boolean): ImportRequest<ElectricityImportCounts> =>
    (file, dryRun, revisionReason) =>
      (kind === 'readings' ? electricityApi.importReadings : electricityApi.importAccounts)(file, { dryRun, mapNewAccounts: map, revisionReason })
  const imp = useTwoStepImport({ request: request(mapNewAccounts), texts: 'electricity.import', invalidate: [['electricity']], onCommitted: () => setMapNewAccounts(false) })

  const keys = kind === 'readings' ? READING_KEYS : ACCOUNT_KEYS
  const doneLabel = (k: CountKey) => (kind === 'readings' ? t(`electricity.doneCounts.${k}`) : t(`electricity.accountCounts.${k as Exclude<CountKey, 'mappedAccounts'>}`))
  const checkLabel = (k: CountKey) => (kind === 'readings' ? t(`electricity.counts.${k}`) : t(`electricity.accountCounts.${k as Exclude<CountKey, 'mappedAccounts'>}`))
  const unknownAccounts = imp.checked?.errors.filter((e) => e.code === ACCOUNT_UNKNOWN).length ?? 0

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="electricity-import">
      <ImportSteps current={imp.step} />
      <Space wrap>
        <span>{t('electricity.import.kind')}</span>
        <Segmented<Kind>
          value={kind}
          onChange={(k) => {
            setKind(k)
            imp.chooseFile(null)
          }}
          options={[
            { value: 'readings', label: t('electricity.import.kinds.readings') },
            { value: 'accounts', label: t('electricity.import.kinds.accounts') },
          ]}
          data-testid="electricity-import-kind"
        />
      </Space>
      <FileChooser dragger file={imp.file} testId="electricity-import-file" onChange={imp.chooseFile} />
      <Space wrap size="large">
        <TemplateLink
          path={kind === 'readings' ? ELECTRICITY_TEMPLATE_PATH : GRID_ACCOUNTS_TEMPLATE_PATH}
          label={kind === 'readings' ? t('electricity.import.readingsTemplate') : t('electricity.import.accountsTemplate')}
        />
        {kind === 'readings' && (
          <>
            <Checkbox
              checked={mapNewAccounts}
              onChange={(e) => {
                setMapNewAccounts(e.target.checked)
                imp.clearCheck()
              }}
              data-testid="electricity-map-new-accounts"
            >
              {t('electricity.import.mapNewAccounts')}
            </Checkbox>
            <Typography.Text type="secondary">{t('electricity.import.mapNewAccountsHint')}</Typography.Text>
          </>
        )}
      </Space>
      {kind === 'readings' && imp.showReason && <RevisionReasonField imp={imp} testId="electricity-revision-reason" />}
      <DryRunCommitButtons imp={imp} testId="electricity" />
      {importOutcome({
        imp,
        t,
        keys,
        doneLabel,
        checkLabel,
        testId: 'electricity-import',
        countsNote: kind === 'readings' && <Typography.Text type="secondary">{t('electricity.import.countsNote')}</Typography.Text>,
        beforeErrors: unknownAccounts > 0 && !mapNewAccounts && kind === 'readings' && (
          <Alert
            type="info"
            showIcon
            title={t('electricity.import.unknownAccounts', { count: unknownAccounts })}
            action={
              <Button
                size="small"
                onClick={() => {
                  setMapNewAccounts(true)
                  void imp.run(true, request(true))
                }}
                data-testid="electricity-offer-map"
              >
                {t('electricity.import.mapNewAccounts')}
              </Button>
            }
          />
        ),
      })}
    </Space>
  )
}
