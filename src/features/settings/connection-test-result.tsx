import Alert, { type AlertColor } from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Environment } from '@/api/contract'
import type { ConnectionTestOutcome } from '@/features/settings/connection-test'

type ConnectionTestResultProps = {
  outcome: ConnectionTestOutcome
  /** The URL that was read (it never contains the key). */
  url: string
  environment: Environment
}

type Explanation = { severity: AlertColor; title: string; message: string; caveat?: string }

/** A test's outcome in plain words: what happened, what it probably means, what to do. */
export function ConnectionTestResult({ outcome, url, environment }: ConnectionTestResultProps) {
  const { t } = useTranslation()
  const explanation = explain(outcome, t, { host: new URL(url).origin, environment })
  return (
    <Alert severity={explanation.severity} data-outcome={outcome.kind}>
      <AlertTitle>{explanation.title}</AlertTitle>
      <Typography variant="body2">{explanation.message}</Typography>
      {explanation.caveat && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {explanation.caveat}
        </Typography>
      )}
      <Box component="details" sx={{ mt: 1 }}>
        <Box component="summary" sx={{ cursor: 'pointer' }}>
          {t('settings.test.details')}
        </Box>
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-all' }}>
          {t('settings.test.detailsText', {
            url,
            environment: t(`settings.test.environment_${environment}`),
          })}
        </Typography>
      </Box>
    </Alert>
  )
}

function explain(
  outcome: ConnectionTestOutcome,
  t: TFunction,
  context: { host: string; environment: Environment },
): Explanation {
  const { host } = context
  switch (outcome.kind) {
    case 'ok':
      return {
        severity: 'success',
        title: t('settings.test.okTitle'),
        message: `${t('settings.test.ok', {
          environment: t(`settings.test.environment_${context.environment}`),
        })} ${
          outcome.region
            ? t('settings.test.okRegion', { region: outcome.region.name })
            : t('settings.test.okNoRegion')
        }`,
      }
    case 'wrong-region':
      return {
        severity: 'warning',
        title: t('settings.test.wrongRegionTitle'),
        message: t('settings.test.wrongRegion', {
          reported: outcome.region.name,
          expected: outcome.expected,
        }),
      }
    case 'unauthorized':
      return {
        severity: 'error',
        title: t('settings.test.unauthorizedTitle'),
        message: t('settings.test.unauthorized'),
      }
    case 'forbidden':
      return {
        severity: 'error',
        title: t('settings.test.forbiddenTitle'),
        message: t('settings.test.forbidden'),
      }
    case 'cors':
      return {
        severity: 'error',
        title: t('settings.test.corsTitle'),
        message: t('settings.test.cors', { host, page: window.location.origin }),
        caveat: t('settings.test.corsCaveat'),
      }
    case 'unreachable':
      return {
        severity: 'error',
        title: t('settings.test.unreachableTitle'),
        message: t('settings.test.unreachable', { host }),
        caveat: t('settings.test.unreachableCaveat'),
      }
    case 'timeout':
      return {
        severity: 'error',
        title: t('settings.test.timeoutTitle'),
        message: t('settings.test.timeout', { host, seconds: outcome.seconds }),
      }
    case 'blocked-by-policy':
      return {
        severity: 'error',
        title: t('settings.test.policyTitle'),
        message: t('settings.test.policy', { host, allowed: outcome.allowed.join(', ') }),
      }
    case 'mixed-content':
      return {
        severity: 'error',
        title: t('settings.test.mixedContentTitle'),
        message: t('settings.test.mixedContent'),
      }
    case 'not-the-api':
      return {
        severity: 'error',
        title: t('settings.test.notApiTitle'),
        message: t('settings.test.notApi', { host, detail: outcome.detail }),
      }
    case 'sandbox-ignored':
      return {
        severity: 'warning',
        title: t('settings.test.sandboxIgnoredTitle'),
        message: t('settings.test.sandboxIgnored'),
      }
    case 'rate-limited':
      return {
        severity: 'warning',
        title: t('settings.test.rateLimitedTitle'),
        message: t('settings.test.rateLimited'),
      }
    case 'server':
      return {
        severity: 'error',
        title: t('settings.test.serverTitle'),
        message: t('settings.test.server', { status: outcome.status }),
      }
    case 'http':
      return {
        severity: 'error',
        title: t('settings.test.httpTitle'),
        message: t('settings.test.http', { status: outcome.status }),
      }
  }
}
