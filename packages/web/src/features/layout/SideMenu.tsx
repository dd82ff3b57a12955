import type { ComponentType } from 'react'
import { Menu, Tag, type MenuProps } from 'antd'
import {
  AimOutlined, AlertOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CalendarOutlined,
  ClusterOutlined, CustomerServiceOutlined, DatabaseOutlined, FileSearchOutlined, FormOutlined, FundProjectionScreenOutlined,
  MessageOutlined, RiseOutlined, TeamOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { MENU_GROUPS, visibleFeatures, type FeatureKey } from '../catalog.ts'
import { useMe } from '../auth/AuthContext.tsx'
import { useWorkspace } from './Workspace.tsx'

const ICONS: Record<FeatureKey, ComponentType> = {
  enterprises: BankOutlined,
  reports: DatabaseOutlined,
  selfReport: FormOutlined,
  dispatch: CalendarOutlined,
  warnings: AlertOutlined,
  peerComparison: BarChartOutlined,
  tiers: RiseOutlined,
  policies: FileSearchOutlined,
  requests: MessageOutlined,
  service: CustomerServiceOutlined,
  landEfficiency: AimOutlined,
  projects: FundProjectionScreenOutlined,
  chains: ApartmentOutlined,
  clusters: ClusterOutlined,
  users: TeamOutlined,
  audit: AuditOutlined,
}

/**
 * Every feature of the product, grouped as the department's work is: built ones open their page,
 * coming ones are greyed with a tag and open a tab that says what they will do.
 */
export function SideMenu({ selected, collapsed }: { selected: FeatureKey | null; collapsed: boolean }) {
  const { t } = useTranslation()
  const me = useMe()
  const { openPage } = useWorkspace()
  const features = visibleFeatures(me.permissions)

  const items: MenuProps['items'] = MENU_GROUPS.map((group) => {
    const inGroup = features.filter((f) => f.group === group)
    if (inGroup.length === 0) return null
    return {
      type: 'group' as const,
      key: `group-${group}`,
      label: collapsed ? null : t(`menu.groups.${group}`),
      children: inGroup.map((f) => {
        const Icon = ICONS[f.key]
        const coming = f.status === 'coming'
        return {
          key: f.key,
          icon: <Icon />,
          className: coming ? 'gx-menu-coming' : undefined,
          label: (
            <span className="gx-menu-label" data-testid={`menu-${f.key}`} data-status={f.status}>
              <span className="gx-menu-text" title={t(`features.${f.key}`)}>
                {t(`features.${f.key}`)}
              </span>
              {coming && !collapsed && (
                <Tag className="gx-coming-tag" variant="filled">
                  {t('menu.comingSoon')}
                </Tag>
              )}
            </span>
          ),
        }
      }),
    }
  })

  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => {
        const f = features.find((x) => x.key === key)
        if (f) openPage(f.path)
      }}
    />
  )
}
