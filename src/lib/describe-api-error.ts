import type { TFunction } from 'i18next'
import { isApiError, type ApiError, type ApiErrorKind } from '@/api/errors'

export type ErrorDescription = {
  kind: ApiErrorKind | 'unknown'
  title: string
  message: string
  /** Developer-facing text (English, from the client) for a collapsed "technical details". */
  details: string | null
}

export type DescribeOptions = {
  /** Names what a 404 was about, for a more specific message. */
  resource?: 'candidate'
}

type RelayDescriber = (error: ApiError, t: TFunction) => ErrorDescription | null
let relayDescriber: RelayDescriber | null = null

/** Relay mode's chunk adds how its refusals read (so a build without a relay does not carry it). */
export function setRelayDescriber(describe: RelayDescriber): void {
  relayDescriber = describe
}

/** Turns anything thrown by a query into words a counsellor can act on. */
export function describeApiError(
  error: unknown,
  t: TFunction,
  options: DescribeOptions = {},
): ErrorDescription {
  if (!isApiError(error)) {
    return {
      kind: 'unknown',
      title: t('errors.unknownTitle'),
      message: t('errors.unknown'),
      details: error instanceof Error ? error.message : null,
    }
  }
  const base = { kind: error.kind, details: null }
  // [OURS] Our relay's own refusals: relay mode brings their words (describe-relay-refusal.ts).
  const relay = error.relayCode === null ? null : relayDescriber?.(error, t)
  if (relay) return relay
  switch (error.kind) {
    case 'unauthorized':
      return { ...base, title: t('errors.unauthorizedTitle'), message: t('errors.unauthorized') }
    case 'not-found':
      return options.resource === 'candidate'
        ? {
            ...base,
            title: t('errors.candidateNotFoundTitle'),
            message: t('errors.candidateNotFound'),
          }
        : { ...base, title: t('errors.notFoundTitle'), message: t('errors.notFound') }
    case 'rate-limited': {
      const seconds = error.retryAfterMs === null ? null : Math.ceil(error.retryAfterMs / 1000)
      return {
        ...base,
        title: t('errors.rateLimitedTitle'),
        message:
          seconds && seconds > 0
            ? t('errors.rateLimitedIn', { count: seconds })
            : t('errors.rateLimited'),
      }
    }
    case 'server':
      return {
        ...base,
        title: t('errors.serverTitle'),
        message: t('errors.server', { status: error.status }),
      }
    case 'network':
      return { ...base, title: t('errors.networkTitle'), message: t('errors.network') }
    case 'invalid-response':
      return {
        ...base,
        title: t('errors.invalidResponseTitle'),
        message: t('errors.invalidResponse'),
        details: error.message,
      }
    case 'validation':
      return {
        ...base,
        title: t('errors.validationTitle'),
        message: t('errors.validation'),
        details: error.message,
      }
    case 'http':
      return {
        ...base,
        title: t('errors.httpTitle'),
        message: t('errors.http', { status: error.status }),
        details: error.message,
      }
  }
}
