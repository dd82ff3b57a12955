import { lazy, Suspense, useCallback, useMemo, useState } from 'react'
import { Button, Card, Space, Spin, Table, Typography } from 'antd'
import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { enterpriseApi } from '../../api/endpoints.ts'
import type { EnterpriseDetail, EnterpriseSort } from '../../api/types.ts'
import { currentLocale } from '../../i18n/index.ts'
import { errorText } from '../../shared/errors.ts'
import { useAuth } from '../auth/AuthContext.tsx'
import { enterprisePath } from '../layout/routes.ts'
import { useWorkspace } from '../layout/Workspace.tsx'
import { EnterpriseFormModal } from './EnterpriseFormModal.tsx'
import { ExportButton } from './ExportButton.tsx'
import { ImportModal } from './ImportModal.tsx'
import { registryColumns } from './registryColumns.tsx'
import { emptyFilters, toApiFilters, toSortParam, type RegistryFilterValues, type SortOrder } from './registryState.ts'
import { RegistryFilters } from './RegistryFilters.tsx'

// ECharts is heavy: its chunk loads with the summary panel, after the table.
const SummaryPanel = lazy(() => import('./SummaryPanel.tsx').then((m) => ({ default: m.SummaryPanel })))

const PAGE_SIZES = [20, 50, 100]

/** 企业库: search, filter, sort and page the enterprises of the user's area; open one in a tab. */
export function RegistryPage() {
  const { t } = useTranslation()
  const { can } = useAuth()
  const { openPage } = useWorkspace()
  const locale = currentLocale()
  const [filters, setFilters] = useState<RegistryFilterValues>(emptyFilters)
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [sort, setSort] = useState<EnterpriseSort | undefined>(undefined)
  const [creating, setCreating] = useState(false)
  const [importing, setImporting] = useState(false)

  const apiFilters = useMemo(() => toApiFilters(filters), [filters])
  const list = useQuery({
    queryKey: ['enterprises', 'list', apiFilters, sort, page, pageSize],
    queryFn: ({ signal }) => enterpriseApi.list({ ...apiFilters, ...(sort ? { sort } : {}), page, pageSize }, signal),
    placeholderData: keepPreviousData,
  })

  const onFilters = useCallback((v: RegistryFilterValues) => {
    setFilters(v)
    setPage(1)
  }, [])

  const columns = useMemo(() => registryColumns(t, locale, sort), [t, locale, sort])
  const total = list.data?.total ?? 0

  return (
    <div className="gx-page" data-testid="registry-page">
      <Suspense fallback={null}>
        <SummaryPanel filters={apiFilters} />
      </Suspense>
      <Card className="gx-card">
        <div className="gx-toolbar">
          <RegistryFilters value={filters} onChange={onFilters} />
          <Space wrap>
            {can('enterprise.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="registry-create">
                {t('registry.create')}
              </Button>
            )}
            {can('enterprise.import') && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="registry-import">
                {t('registry.import')}
              </Button>
            )}
            {can('enterprise.export') && <ExportButton filters={apiFilters} />}
          </Space>
        </div>
        <div className="gx-table-head">
          <Typography.Text data-testid="registry-total" data-total={total}>
            {t('registry.total', { count: total })}
          </Typography.Text>
          {list.isFetching && <Spin size="small" />}
        </div>
        {list.isError && <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text>}
        <div data-testid="registry-table">
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isLoading}
            scroll={{ x: 1280 }}
            rowClassName={() => 'gx-clickable'}
            onRow={(r) => ({ onClick: () => openPage(enterprisePath(r.id)) })}
            pagination={{
              current: page,
              pageSize,
              total,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showQuickJumper: true,
            }}
            onChange={(pagination, _filters, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter
              const next = toSortParam(typeof s?.columnKey === 'string' ? s.columnKey : undefined, s?.order as SortOrder | undefined)
              if (next !== sort) {
                setSort(next)
                setPage(1)
              } else {
                setPage(pagination.current ?? 1)
              }
              if (pagination.pageSize && pagination.pageSize !== pageSize) {
                setPageSize(pagination.pageSize)
                setPage(1)
              }
            }}
          />
        </div>
      </Card>
      {creating && (
        <EnterpriseFormModal
          onClose={() => setCreating(false)}
          onSaved={(d: EnterpriseDetail) => {
            setCreating(false)
            openPage(enterprisePath(d.id))
          }}
        />
      )}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </div>
  )
}
