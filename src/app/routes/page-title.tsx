import { useTranslation } from 'react-i18next'

type PageTitleProps = {
  title: string
}

/** The tab title; React 19 hoists <title> into <head>. */
export function PageTitle({ title }: PageTitleProps) {
  const { t } = useTranslation()
  return <title>{`${title} · ${t('app.productName')}`}</title>
}
