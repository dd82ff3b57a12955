import { lazy } from 'react'
import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/AuthContext.tsx'
import { ComingSoonPage } from '../coming/ComingSoonPage.tsx'
import { permissionOf, type PageRoute } from './routes.ts'

// Pages load on first use, so that the login page does not wait for tables and charts.
const RegistryPage = lazy(() => import('../enterprises/RegistryPage.tsx').then((m) => ({ default: m.RegistryPage })))
const EnterpriseDetailPage = lazy(() =>
  import('../enterprises/EnterpriseDetailPage.tsx').then((m) => ({ default: m.EnterpriseDetailPage })),
)
const UsersPage = lazy(() => import('../users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })))
const ReportsPage = lazy(() => import('../reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })))
const SelfReportPage = lazy(() => import('../reports/SelfReportPage.tsx').then((m) => ({ default: m.SelfReportPage })))
const DispatchPage = lazy(() => import('../dispatch/DispatchPage.tsx').then((m) => ({ default: m.DispatchPage })))
const WarningsPage = lazy(() => import('../warnings/WarningsPage.tsx').then((m) => ({ default: m.WarningsPage })))
const PeersPage = lazy(() => import('../peers/PeersPage.tsx').then((m) => ({ default: m.PeersPage })))
const LandEfficiencyPage = lazy(() => import('../land-efficiency/LandEfficiencyPage.tsx').then((m) => ({ default: m.LandEfficiencyPage })))
const AuditPage = lazy(() => import('../audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })))

/** The page a workspace tab shows for its route, or why it cannot. */
export function PageFor({ route }: { route: PageRoute }) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const needed = permissionOf(route)
  if (needed && !can(needed)) {
    return <Result status="403" title={t('errors.forbidden')} subTitle={t('errors.forbiddenHint')} />
  }
  switch (route.kind) {
    case 'feature':
      if (route.feature === 'enterprises') return <RegistryPage />
      if (route.feature === 'reports') return <ReportsPage />
      if (route.feature === 'selfReport') return <SelfReportPage />
      if (route.feature === 'dispatch') return <DispatchPage region={null} />
      if (route.feature === 'warnings') return <WarningsPage />
      if (route.feature === 'peerComparison') return <PeersPage />
      if (route.feature === 'landEfficiency') return <LandEfficiencyPage />
      if (route.feature === 'users') return <UsersPage />
      return <AuditPage />
    case 'enterprise':
      return <EnterpriseDetailPage id={route.id} />
    case 'dispatchRegion':
      return <DispatchPage region={route.region} />
    case 'coming':
      return <ComingSoonPage feature={route.feature} />
    case 'notFound':
      return <Result status="404" title={t('errors.notFound')} subTitle={t('errors.notFoundHint', { path: route.path })} />
  }
}
