import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MockControlPort } from '@/config/mock-control'

type ResetDataButtonProps = {
  control: MockControlPort
}

/** Fresh seed data after a confirmation; every cached read is dropped so the pages refetch. */
export function ResetDataButton({ control }: ResetDataButtonProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [isConfirming, setIsConfirming] = useState(false)
  const [isDone, setIsDone] = useState(false)
  const titleId = useId()
  const textId = useId()

  function handleOpen() {
    setIsDone(false)
    setIsConfirming(true)
  }
  function handleCancel() {
    setIsConfirming(false)
  }
  function handleConfirm() {
    control.resetData()
    void queryClient.resetQueries()
    setIsConfirming(false)
    setIsDone(true)
  }

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('qa.resetDataHint')}
      </Typography>
      <Button variant="outlined" color="error" onClick={handleOpen}>
        {t('qa.resetData')}
      </Button>
      <Typography variant="body2" role="status">
        {isDone ? t('qa.resetDone') : ''}
      </Typography>
      <Dialog
        open={isConfirming}
        onClose={handleCancel}
        aria-labelledby={titleId}
        aria-describedby={textId}
      >
        <DialogTitle id={titleId}>{t('qa.resetConfirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id={textId}>{t('qa.resetConfirm')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={handleCancel}>{t('qa.cancel')}</Button>
          <Button onClick={handleConfirm} color="error" variant="contained">
            {t('qa.resetConfirmButton')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  )
}
