import { useMemo, useState } from 'react'
import { Table } from 'antd'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { auditApi } from '../../api/endpoints.ts'
import { errorText } from '../../shared/errors.ts'
import { auditColumns, auditExpandable } from './auditColumns.tsx'

/** The audit entries of one record (an enterprise's change history), newest first. */
export function EntityAuditHistory({ entity, entityId }: { entity: string; entityId: string }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const pageSize = 10
  const q = useQuery({
    queryKey: ['audit', 'entity', entity, entityId, page],
    queryFn: () => auditApi.list({ entity, entityId, page, pageSize }),
    placeholderData: keepPreviousData,
  })
  const columns = useMemo(() => auditColumns(t, { withEntity: false }), [t])
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="enterprise-audit"
      columns={columns}
      dataSource={q.data?.items ?? []}
      loading={q.isLoading}
      expandable={auditExpandable}
      locale={{ emptyText: q.isError ? errorText(q.error, t) : t('audit.empty') }}
      pagination={{ current: page, pageSize, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
    />
  )
}
