import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { MAX_BATCH } from '@/api/contract'
import { apiQueries } from '@/api/query-options'
import { DraftRestoredAlert } from '@/components/form-dialog/draft-restored-alert'
import { FormDialog } from '@/components/form-dialog/form-dialog'
import { FormLoadingDialog } from '@/components/form-dialog/form-loading-dialog'
import { useFormDialogTranslation } from '@/components/form-dialog/messages'
import { ResubmitNotice, SubmissionAlert } from '@/components/form-dialog/submission-alert'
import { useDialogPresence } from '@/components/form-dialog/use-form-submission'
import { useApi } from '@/config/connection'
import type { JournalError, PayloadObject } from '@/mutations/journal-entry'
import { SchemaArrayRows } from '@/schema-form/array-rows'
import type { JsonSchema } from '@/schema-form/json-value'
import { SchemaFields } from '@/schema-form/schema-fields'
import { SchemaFormProvider } from '@/schema-form/schema-form-provider'
import { useCandidateFormsTranslation } from '@/features/candidate-forms/messages'
import {
  INTERACTIONS,
  useCreateCandidateForm,
} from '@/features/candidate-forms/use-create-candidate-form'

export type CreateCandidateDialogProps = {
  onClose: () => void
  /** Journaled, the dialog left the screen: keep it mounted until `onClose` (after the 202). */
  onJournaled?: () => void
  /** Correct a failed or unsent create: its key, the candidate it tried and why it failed. */
  resubmit?: { key: string; payload: PayloadObject; error: JournalError | null } | null
}

/** "New candidate": waits for the region's create schema, then opens the form. */
export function CreateCandidateDialog(props: CreateCandidateDialogProps) {
  const { t } = useCandidateFormsTranslation()
  const { t: tDialog } = useFormDialogTranslation()
  const api = useApi()
  const schema = useQuery(apiQueries.schema(api, 'create'))
  const title = props.resubmit ? t('create.resubmitTitle') : t('create.title')
  if (schema.data) {
    return (
      <SchemaFormProvider>
        <CreateCandidateForm {...props} title={title} schema={schema.data} />
      </SchemaFormProvider>
    )
  }
  return (
    <FormLoadingDialog
      title={title}
      onClose={props.onClose}
      error={schema.isError ? { message: tDialog('loadFailed') } : null}
      onRetry={() => void schema.refetch()}
      isRetrying={schema.isFetching}
    />
  )
}

type CreateCandidateFormProps = CreateCandidateDialogProps & { title: string; schema: JsonSchema }

function CreateCandidateForm({
  onClose,
  onJournaled,
  resubmit = null,
  title,
  schema,
}: CreateCandidateFormProps) {
  const { t } = useCandidateFormsTranslation()
  const presence = useDialogPresence(onJournaled)
  const headingId = useId()
  const titles = useMemo(() => {
    const fields = ['firstName', 'lastName', 'email', 'phone'] as const
    const rowFields = ['type', 'performedAt', 'summary', 'notes', 'duration'] as const
    return {
      candidate: Object.fromEntries(fields.map((name) => [name, t(`fields.${name}`)])),
      interaction: Object.fromEntries(rowFields.map((name) => [name, t(`fields.${name}`)])),
    }
  }, [t])
  const { form, model, draft, submission, handleSubmit, handleStartOver } = useCreateCandidateForm({
    schema,
    titles,
    resubmit: resubmit ? { key: resubmit.key, payload: resubmit.payload } : null,
    onDone: onClose,
    onJournaled: presence.onJournaled,
    onReturned: presence.onReturned,
  })
  const [isDraftShown, setDraftShown] = useState(draft !== null)
  // The candidate's own fields; its inline interactions get their own section below.
  const candidateModel = useMemo(
    () => ({ ...model, fields: model.fields.filter((field) => field.name !== INTERACTIONS) }),
    [model],
  )
  const interactions = model.fields.find((field) => field.name === INTERACTIONS)

  const notices = (
    <>
      {resubmit ? <ResubmitNotice error={resubmit.error} /> : null}
      {draft && isDraftShown ? (
        <DraftRestoredAlert
          draft={draft}
          onDiscard={() => {
            handleStartOver()
            setDraftShown(false)
          }}
        />
      ) : null}
      <SubmissionAlert error={submission.error} />
    </>
  )

  return (
    <FormDialog
      open
      presence={presence}
      title={title}
      onClose={onClose}
      onSubmit={(event) => void handleSubmit(event)}
      isSubmitting={form.formState.isSubmitting}
      submitLabel={resubmit ? t('create.resubmit') : t('create.submit')}
      notices={notices}
      maxWidth="md"
      onOpenFocus={() => {
        form.setFocus('firstName')
      }}
    >
      <SchemaFields
        model={candidateModel}
        control={form.control}
        order={['firstName', 'lastName', 'email']}
        optionalFields="collapsed"
      />
      {interactions?.object ? (
        <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
          <Typography id={headingId} variant="h6" component="h3">
            {t('create.interactionsHeading')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('create.interactionsHint', {
              max: interactions.constraints.maxItems ?? MAX_BATCH,
            })}
          </Typography>
          <SchemaArrayRows
            model={interactions.object}
            name={INTERACTIONS}
            control={form.control}
            minRows={interactions.constraints.minItems ?? 0}
            maxRows={Math.min(interactions.constraints.maxItems ?? MAX_BATCH, MAX_BATCH)}
            order={['type', 'performedAt', 'summary', 'duration', 'notes']}
          />
        </Box>
      ) : null}
    </FormDialog>
  )
}
