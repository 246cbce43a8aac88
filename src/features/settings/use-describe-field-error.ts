import { useTranslation } from 'react-i18next'
import { buildEnv } from '@/config/build-env'

/** Turns the connection form's error codes (see ConnectionFieldError) into sentences. */
export function useDescribeFieldError(): (code: string) => string {
  const { t } = useTranslation()
  return (code) => {
    switch (code) {
      case 'baseUrl.empty':
        return t('settings.connection.baseUrlProblem.empty')
      case 'baseUrl.not-a-url':
        return t('settings.connection.baseUrlProblem.not-a-url')
      case 'baseUrl.protocol':
        return t('settings.connection.baseUrlProblem.protocol')
      case 'baseUrl.credentials':
        return t('settings.connection.baseUrlProblem.credentials')
      case 'baseUrl.query':
        return t('settings.connection.baseUrlProblem.query')
      case 'baseUrl.policy':
        return t('settings.connection.notAllowedByPolicy', {
          allowed: buildEnv.cspConnectSources
            .map((source) => (source === "'self'" ? window.location.origin : source))
            .join(', '),
        })
      case 'apiKey.required':
        return t('settings.connection.apiKeyRequired')
      case 'regionName.required':
        return t('settings.connection.regionNameRequired')
      default:
        return code
    }
  }
}
