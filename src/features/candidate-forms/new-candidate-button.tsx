import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined'
import Button from '@mui/material/Button'
import { useState } from 'react'
import {
  CandidateDialogHost,
  preloadCandidateForms,
  type CandidateDialogRequest,
} from '@/features/candidate-forms/candidate-dialog-host'
import { useCandidateFormsTranslation } from '@/features/candidate-forms/messages'

/** "New candidate": opens the create form (its code fetched on hover or focus, ahead of a click). */
export function NewCandidateButton() {
  const { t } = useCandidateFormsTranslation()
  const [request, setRequest] = useState<CandidateDialogRequest | null>(null)
  return (
    <>
      <Button
        variant="contained"
        startIcon={<PersonAddOutlined />}
        onPointerEnter={preloadCandidateForms}
        onFocus={preloadCandidateForms}
        onClick={() => {
          setRequest({ kind: 'create' })
        }}
      >
        {t('newCandidate')}
      </Button>
      <CandidateDialogHost
        request={request}
        onClose={() => {
          setRequest(null)
        }}
      />
    </>
  )
}
