import { Spin } from 'antd'
import { useTranslation } from 'react-i18next'

export function FullPageSpin() {
  const { t } = useTranslation()
  return (
    <div className="gx-fullpage-center">
      <Spin size="large" description={t('app.loading')} />
    </div>
  )
}
