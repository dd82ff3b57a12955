import { Button, Tooltip } from 'antd'
import { GlobalOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../i18n/index.ts'
import { otherLocale } from '../i18n/locale.ts'
import type { Locale } from '../api/types.ts'

/** One button that toggles zh-CN ⇄ en-US; it shows the language it switches to, in that language. */
export function LanguageSwitch({ onSwitch, type = 'text' }: { onSwitch: (l: Locale) => void; type?: 'text' | 'default' }) {
  const { t } = useTranslation()
  const target = otherLocale(currentLocale())
  return (
    <Tooltip title={t('language.switchTitle')}>
      <Button
        type={type}
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        data-locale={currentLocale()}
        onClick={() => onSwitch(target)}
        lang={target}
      >
        {t(`language.${target}`)}
      </Button>
    </Tooltip>
  )
}
