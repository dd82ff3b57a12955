import { App as AntApp, ConfigProvider } from 'antd'
import enUSAntd from 'antd/locale/en_US'
import zhCNAntd from 'antd/locale/zh_CN'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router'
import { ApiError } from './api/client.ts'
import { AuthProvider, useAuth } from './features/auth/AuthContext.tsx'
import { LoginPage } from './features/auth/LoginPage.tsx'
import { AppShell } from './features/layout/AppShell.tsx'
import { FullPageSpin } from './shared/FullPageSpin.tsx'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A client error will not go away by asking again; a network blip may.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      // Pages stay mounted in background tabs: refetching all of them on every window focus is waste.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
})

function RequireAuth() {
  const { status } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <FullPageSpin />
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />
  return <AppShell />
}

function LoginRoute() {
  const { status } = useAuth()
  return status === 'loading' ? <FullPageSpin /> : <LoginPage />
}

function Localized() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en-US'
  return (
    <ConfigProvider locale={en ? enUSAntd : zhCNAntd} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 4 } }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<LoginRoute />} />
              <Route path="*" element={<RequireAuth />} />
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  )
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Localized />
    </QueryClientProvider>
  )
}
