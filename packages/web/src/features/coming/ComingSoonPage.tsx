import { Card, Result, Tag, Typography } from 'antd'
import { RocketOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ComingFeature } from '../catalog.ts'

/** What a feature that is not built yet will do, so that users know what to expect and when to ask. */
export function ComingSoonPage({ feature }: { feature: ComingFeature }) {
  const { t } = useTranslation()
  const name = t(`features.${feature}`)
  return (
    <div className="gx-page gx-coming" data-testid={`coming-${feature}`}>
      <Result
        icon={<RocketOutlined />}
        title={
          <span>
            {t('coming.title', { feature: name })} <Tag color="default">{t('menu.comingSoon')}</Tag>
          </span>
        }
        subTitle={t(`coming.${feature}.summary`)}
      />
      <Card className="gx-coming-card">
        <Typography.Paragraph strong>{t('coming.intro')}</Typography.Paragraph>
        <ul className="gx-coming-list">
          <li>{t(`coming.${feature}.b1`)}</li>
          <li>{t(`coming.${feature}.b2`)}</li>
          <li>{t(`coming.${feature}.b3`)}</li>
        </ul>
        <Typography.Paragraph type="secondary">{t('coming.meanwhile')}</Typography.Paragraph>
      </Card>
    </div>
  )
}
