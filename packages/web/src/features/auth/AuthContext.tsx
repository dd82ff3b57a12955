import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { setCsrfToken, setUnauthorizedHandler, type ApiError } from '../../api/client.ts'
import { authApi } from '../../api/endpoints.ts'
import type { AuthResponse, Locale, Me, Permission } from '../../api/types.ts'
import { changeLocale, storedLocale } from '../../i18n/index.ts'
import { reconcileLocale } from '../../i18n/locale.ts'

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated'

export interface AuthContextValue {
  status: AuthStatus
  me: Me | null
  /** why the user was sent back to the login page (the server's localized message) */
  notice: string | null
  login: (username: string, password: string) => Promise<void>
  logout: () => Promise<void>
  can: (permission: Permission) => boolean
  /** switches the UI language now, remembers it on this browser and saves it to the account */
  switchLocale: (locale: Locale) => Promise<void>
}

const AuthContext = createContext<AuthContextValue | null>(null)

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth outside AuthProvider')
  return ctx
}

/** The logged-in user, for pages that only render inside the authenticated shell. */
export function useMe(): Me {
  const { me } = useAuth()
  if (!me) throw new Error('useMe without a logged-in user')
  return me
}

export const TABS_STORAGE_PREFIX = 'gongxin.tabs.'

export function AuthProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<AuthStatus>('loading')
  const [me, setMe] = useState<Me | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const meRef = useRef<Me | null>(null)

  const adopt = useCallback(async (res: AuthResponse) => {
    setCsrfToken(res.csrfToken)
    const { use, saveToAccount } = reconcileLocale(storedLocale(), res.user.locale)
    await changeLocale(use, false)
    if (saveToAccount) authApi.setLocale(use).catch(() => undefined)
    meRef.current = { ...res.user, locale: use }
    setMe(meRef.current)
    setNotice(null)
    setStatus('authenticated')
  }, [])

  const dropSession = useCallback(() => {
    setCsrfToken(null)
    meRef.current = null
    setMe(null)
    setStatus('anonymous')
    queryClient.clear()
  }, [queryClient])

  // Any 401 from any call ends the session in the UI: back to the login page, then back to where the
  // user was once they log in again.
  useEffect(() => {
    setUnauthorizedHandler((err: ApiError) => {
      if (!meRef.current) return
      const from = window.location.pathname
      dropSession()
      setNotice(err.message || null)
      navigate('/login', { replace: true, state: { from } })
    })
    return () => setUnauthorizedHandler(null)
  }, [dropSession, navigate])

  useEffect(() => {
    let cancelled = false
    authApi
      .me()
      .then((res) => (cancelled ? undefined : adopt(res)))
      .catch(() => {
        if (!cancelled) setStatus('anonymous')
      })
    return () => {
      cancelled = true
    }
  }, [adopt])

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await authApi.login(username, password)
      await adopt(res)
    },
    [adopt],
  )

  const logout = useCallback(async () => {
    const id = meRef.current?.id
    try {
      await authApi.logout()
    } catch {
      // the session may already be gone; the user is logged out either way
    }
    if (id !== undefined) {
      try {
        window.sessionStorage.removeItem(`${TABS_STORAGE_PREFIX}${id}`)
      } catch {
        // storage unavailable: nothing to forget
      }
    }
    dropSession()
    navigate('/login', { replace: true })
  }, [dropSession, navigate])

  const switchLocale = useCallback(
    async (locale: Locale) => {
      await changeLocale(locale, true)
      if (meRef.current) {
        meRef.current = { ...meRef.current, locale }
        setMe(meRef.current)
        await authApi.setLocale(locale).catch(() => undefined)
        // Server-side texts (labels, messages) come in the request's language: fetch them again.
        await queryClient.invalidateQueries()
      }
    },
    [queryClient],
  )

  const can = useCallback((p: Permission) => me?.permissions.includes(p) ?? false, [me])

  const value = useMemo<AuthContextValue>(
    () => ({ status, me, notice, login, logout, can, switchLocale }),
    [status, me, notice, login, logout, can, switchLocale],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
