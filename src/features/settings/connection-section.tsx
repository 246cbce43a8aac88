import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import FormControlLabel from '@mui/material/FormControlLabel'
import MenuItem from '@mui/material/MenuItem'
import Radio from '@mui/material/Radio'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { hostOf } from '@/config/base-url'
import { buildEnv } from '@/config/build-env'
import { useConnection, type Connection } from '@/config/connection'
import { ApiKeyField } from '@/features/settings/api-key-field'
import { ConnectionTestResult } from '@/features/settings/connection-test-result'
import { FormRadioGroup } from '@/components/form-radio-group'
import { FormTextField } from '@/components/form-text-field'
import { SettingsSection } from '@/features/settings/settings-section'
import { useConnectionForm, type ConnectionDataPort } from '@/features/settings/use-connection-form'
import { useDescribeFieldError } from '@/features/settings/use-describe-field-error'

/** Built-in mock or an upstream with a key; test before saving, see the outcome in words. */
export function ConnectionSection({
  loadConnectionData,
}: {
  /** Lets leaving an upstream connection forget its data (see ConnectionDataPort). */
  loadConnectionData?: (() => Promise<ConnectionDataPort>) | undefined
}) {
  const { t } = useTranslation()
  const {
    form,
    values,
    test,
    saved,
    demoRegions,
    isMockAvailable,
    relaySession,
    handleTest,
    handleSave,
    pendingToDiscard,
    confirmLeave,
    cancelLeave,
  } = useConnectionForm(loadConnectionData)
  const describeError = useDescribeFieldError()
  const { control } = form

  return (
    <SettingsSection
      title={t('settings.connection.heading')}
      intro={t('settings.connection.intro')}
    >
      <CurrentConnection />
      {/* POST, never GET: a form submitted without script must not put the key in a URL. */}
      <Box component="form" method="post" noValidate onSubmit={(event) => void handleSave(event)}>
        <Stack spacing={2.5}>
          <FormRadioGroup name="kind" control={control} label={t('settings.connection.kindLabel')}>
            {relaySession && (
              <FormControlLabel
                value="relay"
                control={<Radio />}
                label={
                  <OptionLabel
                    label={t('relay.settings.kind')}
                    hint={t('relay.settings.kindHint', { name: relaySession.name })}
                  />
                }
              />
            )}
            <FormControlLabel
              value="mock"
              disabled={!isMockAvailable}
              control={<Radio />}
              label={
                <OptionLabel
                  label={t('settings.connection.kindMock')}
                  hint={
                    isMockAvailable
                      ? t('settings.connection.kindMockHint')
                      : t('settings.connection.kindMockUnavailable')
                  }
                />
              }
            />
            <FormControlLabel
              value="upstream"
              control={<Radio />}
              label={
                <OptionLabel
                  label={t('settings.connection.kindUpstream')}
                  hint={t('settings.connection.kindUpstreamHint')}
                />
              }
            />
          </FormRadioGroup>

          {values.kind === 'relay' ? null : values.kind === 'mock' ? (
            <FormTextField
              name="mockRegion"
              control={control}
              select
              label={t('settings.connection.demoRegion')}
              hint={t('settings.connection.demoRegionHint', {
                key: demoRegions.find((region) => region.id === values.mockRegion)?.key ?? '',
              })}
            >
              {demoRegions.map((region) => (
                <MenuItem key={region.id} value={region.id}>
                  {region.name}
                </MenuItem>
              ))}
            </FormTextField>
          ) : (
            <>
              <FormTextField
                name="baseUrl"
                control={control}
                label={t('settings.connection.baseUrl')}
                hint={t('settings.connection.baseUrlHint', { example: buildEnv.apiOrigin })}
                describeError={describeError}
                required
                type="url"
                autoComplete="url"
                slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
              />
              <ApiKeyField control={control} describeError={describeError} />
              <FormTextField
                name="regionName"
                control={control}
                label={t('settings.connection.regionName')}
                hint={t('settings.connection.regionNameHint')}
                describeError={describeError}
                required
                autoComplete="off"
              />
              <FormRadioGroup
                name="keyStorage"
                control={control}
                label={t('settings.connection.keyStorageLabel')}
              >
                <FormControlLabel
                  value="session"
                  control={<Radio />}
                  label={t('settings.connection.keyStorageSession')}
                />
                <FormControlLabel
                  value="memory"
                  control={<Radio />}
                  label={t('settings.connection.keyStorageMemory')}
                />
              </FormRadioGroup>
            </>
          )}

          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            {values.kind !== 'relay' && (
              <Button
                variant="outlined"
                onClick={() => void handleTest()}
                disabled={test.status === 'running'}
                startIcon={
                  test.status === 'running' ? <CircularProgress size={16} color="inherit" /> : null
                }
              >
                {test.status === 'running'
                  ? t('settings.connection.testing')
                  : t('settings.connection.test')}
              </Button>
            )}
            <Button type="submit" variant="contained">
              {t('settings.connection.save')}
            </Button>
          </Stack>

          {/* One polite live region: the test's outcome and the save are read out when they come. */}
          <Box aria-live="polite" sx={{ display: 'grid', gap: 2 }}>
            {test.status === 'done' && (
              <ConnectionTestResult
                outcome={test.outcome}
                url={test.url}
                environment={test.environment}
              />
            )}
            {saved && <SavedNotice connection={saved} />}
          </Box>
        </Stack>
      </Box>
      {pendingToDiscard !== null && (
        <LeaveConnectionDialog
          count={pendingToDiscard}
          onCancel={cancelLeave}
          onConfirm={confirmLeave}
        />
      )}
    </SettingsSection>
  )
}

/** "Discard N unsent changes and switch?": starts on Cancel, so a reflexive Enter keeps them. */
function LeaveConnectionDialog(props: {
  count: number
  onCancel: () => void
  onConfirm: () => void
}) {
  const { count, onCancel, onConfirm } = props
  const { t } = useTranslation()
  const titleId = useId()
  const bodyId = useId()
  return (
    <Dialog
      open
      onClose={onCancel}
      maxWidth="xs"
      fullWidth
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      slotProps={{ paper: { role: 'alertdialog' } }}
    >
      <DialogTitle id={titleId}>{t('settings.connection.leaveTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={bodyId}>
          {t('settings.connection.leaveBody', { count })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        {/* A destructive confirmation starts on the safe choice (WAI-ARIA alertdialog). */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <Button autoFocus onClick={onCancel} color="inherit">
          {t('settings.connection.leaveCancel')}
        </Button>
        <Button color="error" variant="contained" onClick={onConfirm}>
          {t('settings.connection.leaveConfirm', { count })}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

function OptionLabel({ label, hint }: { label: string; hint: string }) {
  return (
    <Box sx={{ py: 0.5 }}>
      <Typography variant="body1">{label}</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {hint}
      </Typography>
    </Box>
  )
}

function CurrentConnection() {
  const { t } = useTranslation()
  const { connection, regionName, needsSetup } = useConnection()
  const text = needsSetup
    ? t('settings.connection.currentNone')
    : connection.kind === 'mock'
      ? t('settings.connection.currentMock', { region: regionName })
      : connection.kind === 'relay'
        ? t('relay.settings.current', { region: regionName })
        : t('settings.connection.currentUpstream', {
            host: hostOf(connection.origin),
            region: regionName,
          })
  return (
    <Typography variant="body2" sx={{ mb: 2, fontWeight: 500 }}>
      {text}
    </Typography>
  )
}

function SavedNotice({ connection }: { connection: Connection }) {
  const { t } = useTranslation()
  const { regionName } = useConnection()
  return (
    <Alert severity="success">
      {connection.kind === 'mock'
        ? t('settings.connection.savedMock', { region: regionName })
        : connection.kind === 'relay'
          ? t('relay.settings.saved', { region: regionName })
          : t('settings.connection.savedUpstream', {
              host: hostOf(connection.origin),
              region: regionName,
            })}
    </Alert>
  )
}
