import { useState } from 'react'
import type { TablePaginationConfig } from 'antd'
import { useTranslation } from 'react-i18next'

const PAGE_SIZES = [20, 50, 100, 200]

/**
 * Paging of a list the server pages (`page`, `pageSize` go into the query and its key): back to the first page
 * when a filter changes, and the Table's pagination (size changer, total, a new size starts on page 1).
 */
export function useServerPaging(pageSize = 50) {
  const { t } = useTranslation()
  const [page, setPage] = useState({ page: 1, pageSize })
  return {
    page,
    /** a filter changed: back to the first page */
    firstPage: () => setPage((x) => ({ ...x, page: 1 })),
    pagination: (total: number): TablePaginationConfig => ({
      current: page.page,
      pageSize: page.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES,
      showTotal: (n) => t('common.total', { count: n }),
      onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
    }),
  }
}
