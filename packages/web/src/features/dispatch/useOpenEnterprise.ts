import { useCallback } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { enterpriseApi } from '../../api/endpoints.ts'
import { errorText } from '../../shared/errors.ts'
import { useAuth } from '../auth/AuthContext.tsx'
import { enterprisePath } from '../layout/routes.ts'
import { useWorkspace } from '../layout/Workspace.tsx'

/**
 * Opens an enterprise's detail page from its USCC (warnings and monthly reports name enterprises by USCC):
 * the registry search finds its id. Null when the user may not read the registry.
 */
export function useOpenEnterprise(): ((uscc: string) => void) | null {
  const { t } = useTranslation()
  const { can } = useAuth()
  const { openPage } = useWorkspace()
  const { message } = App.useApp()
  const open = useCallback(
    (uscc: string) => {
      enterpriseApi
        .list({ q: uscc, page: 1, pageSize: 5 })
        .then((page) => {
          const hit = page.items.find((e) => e.uscc === uscc)
          if (hit) openPage(enterprisePath(hit.id))
          else void message.warning(t('dispatch.enterpriseNotFound', { uscc }))
        })
        .catch((e: unknown) => void message.error(errorText(e, t)))
    },
    [openPage, message, t],
  )
  return can('enterprise.read') ? open : null
}
