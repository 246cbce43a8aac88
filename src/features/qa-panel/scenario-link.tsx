import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentHash, useRawLocation } from '@/lib/location'

/**
 * The address of this page as it is now: the app keeps the environment and the mock scenario in
 * the URL (useUrlState), so the current address reproduces the scenario on a fresh page. It
 * never holds an API key: keys are kept out of URLs altogether.
 */
export function ScenarioLink() {
  const { t } = useTranslation()
  const { pathname, search } = useRawLocation()
  const href = `${pathname}${search ? `?${search}` : ''}${currentHash()}`
  const link = new URL(href, window.location.origin).href
  const fieldRef = useRef<HTMLInputElement>(null)
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(link)
      setStatus('copied')
    } catch {
      fieldRef.current?.select()
      setStatus('failed')
    }
  }

  return (
    <Stack spacing={1}>
      <TextField
        label={t('qa.link')}
        value={link}
        helperText={t('qa.linkHint')}
        size="small"
        fullWidth
        multiline
        inputRef={fieldRef}
        slotProps={{ htmlInput: { readOnly: true } }}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void handleCopy()}>
          {t('qa.copy')}
        </Button>
        <Typography variant="body2" role="status">
          {status === 'copied' ? t('qa.copied') : status === 'failed' ? t('qa.copyFailed') : ''}
        </Typography>
      </Stack>
    </Stack>
  )
}
