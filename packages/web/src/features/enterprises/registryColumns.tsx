import { Tag, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { TFunction } from 'i18next'
import type { EnterpriseListItem, EnterpriseSort, Locale } from '../../api/types.ts'
import { formatAmount, formatDate } from '../../shared/format.ts'
import { fromSortParam } from './registryState.ts'

export function registryColumns(t: TFunction, locale: Locale, sort: EnterpriseSort | undefined): TableColumnsType<EnterpriseListItem> {
  const sorted = fromSortParam(sort)
  const orderOf = (column: string) => (sorted?.column === column ? sorted.order : null)
  return [
    {
      key: 'uscc',
      dataIndex: 'uscc',
      title: t('registry.columns.uscc'),
      width: 190,
      render: (v: string) => <span className="gx-mono">{v}</span>,
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('registry.columns.name'),
      sorter: true,
      sortOrder: orderOf('name'),
      ellipsis: true,
      render: (v: string) => <Typography.Link>{v}</Typography.Link>,
    },
    {
      key: 'region',
      title: t('registry.columns.region'),
      width: 170,
      render: (_, r) => `${r.cityName} ${r.countyName}`,
    },
    { key: 'park', dataIndex: 'parkName', title: t('registry.columns.park'), ellipsis: true },
    {
      key: 'industry',
      title: t('registry.columns.industry'),
      ellipsis: true,
      render: (_, r) => (
        <Tooltip title={r.industryCode}>
          <span>{r.industryName}</span>
        </Tooltip>
      ),
    },
    {
      key: 'foundedOn',
      dataIndex: 'foundedOn',
      title: t('registry.columns.foundedOn'),
      width: 120,
      sorter: true,
      sortOrder: orderOf('foundedOn'),
      render: (v: string | null) => formatDate(v),
    },
    { key: 'ownership', dataIndex: 'ownership', title: t('registry.columns.ownership'), width: 140, ellipsis: true },
    {
      key: 'aboveScale',
      dataIndex: 'aboveScale',
      title: t('registry.columns.aboveScale'),
      width: 90,
      render: (v: boolean) =>
        v ? <Tag color="green">{t('registry.aboveScaleYes')}</Tag> : <Tag>{t('registry.aboveScaleNo')}</Tag>,
    },
    {
      key: 'revenue',
      dataIndex: 'revenue',
      title: t('registry.columns.revenue'),
      width: 160,
      align: 'right',
      sorter: true,
      sortOrder: orderOf('revenue'),
      render: (v: string | null) => formatAmount(v, locale),
    },
  ]
}
