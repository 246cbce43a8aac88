import type { TFunction } from 'i18next'
import type { ApiError } from '@/api/errors'
import type { ErrorDescription } from '@/lib/describe-api-error'

/**
 * [OURS] How a refusal by our relay reads where a query failed (describeApiError asks this in
 * relay mode). A rate limit is left to the usual "busy, try again in N s".
 */
export function describeRelayRefusal(error: ApiError, t: TFunction): ErrorDescription | null {
  const base = { kind: error.kind, details: null }
  const refusal = error.relayCode
  if (refusal === null || refusal === 'rate_limited') return null
  if (refusal === 'unauthenticated')
    return {
      ...base,
      title: t('relay.refusal.unauthenticatedTitle'),
      message: t('relay.refusal.unauthenticated'),
    }
  if (
    refusal === 'forbidden_region' ||
    refusal === 'forbidden_environment' ||
    refusal === 'cross_site'
  )
    return {
      ...base,
      title: t('relay.refusal.forbiddenTitle'),
      message: t(`relay.refusal.${refusal}`),
    }
  return {
    ...base,
    title: t('relay.refusal.otherTitle'),
    message: t('relay.refusal.other', { message: error.message }),
  }
}
