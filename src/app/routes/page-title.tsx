import { useTranslation } from 'react-i18next'
import { useConnection } from '@/config/connection'

type PageTitleProps = {
  title: string
}

/** The tab title (prefixed while in sandbox); React 19 hoists <title> into <head>. */
export function PageTitle({ title }: PageTitleProps) {
  const { t } = useTranslation()
  const { environment } = useConnection()
  const prefix = environment === 'sandbox' ? `${t('settings.header.titlePrefix')} · ` : ''
  return <title>{`${prefix}${title} · ${t('app.productName')}`}</title>
}
