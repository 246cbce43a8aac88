import VisibilityIcon from '@mui/icons-material/Visibility'
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import { useState } from 'react'
import type { Control } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { FormTextField } from '@/components/form-text-field'
import type { ConnectionFormValues } from '@/features/settings/use-connection-form'

type ApiKeyFieldProps = {
  control: Control<ConnectionFormValues>
  describeError: (code: string) => string
}

/**
 * Masked by default, with a show/hide toggle. Not offered to autofill or spell check (a spell
 * checker may send the text to a server).
 */
export function ApiKeyField({ control, describeError }: ApiKeyFieldProps) {
  const { t } = useTranslation()
  const [isShown, setIsShown] = useState(false)

  function handleToggle() {
    setIsShown((shown) => !shown)
  }

  return (
    <FormTextField
      name="apiKey"
      control={control}
      label={t('settings.connection.apiKey')}
      hint={t('settings.connection.apiKeyHint')}
      describeError={describeError}
      type={isShown ? 'text' : 'password'}
      required
      autoComplete="off"
      slotProps={{
        htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                onClick={handleToggle}
                edge="end"
                aria-label={t('settings.connection.showKey')}
                aria-pressed={isShown}
              >
                {isShown ? <VisibilityOffIcon /> : <VisibilityIcon />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  )
}
