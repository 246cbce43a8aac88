import { useEffect, useState } from 'react'
import { DraftRestoredAlert } from '@/components/form-dialog/draft-restored-alert'
import { FormDialog } from '@/components/form-dialog/form-dialog'
import { ResubmitNotice, SubmissionAlert } from '@/components/form-dialog/submission-alert'
import { useDialogPresence } from '@/components/form-dialog/use-form-submission'
import type { PayloadObject } from '@/mutations/journal-entry'
import type { JsonSchema } from '@/schema-form/json-value'
import { SchemaArrayRows } from '@/schema-form/array-rows'
import { ItemSchemaGate } from '@/features/interaction-forms/item-schema-gate'
import { useInteractionDialogTranslation } from '@/features/interaction-forms/dialog-messages'
import { useInteractionLabels } from '@/features/interaction-forms/use-interaction-item-schema'
import {
  ROWS,
  useLogInteractionsForm,
} from '@/features/interaction-forms/use-log-interactions-form'
import type { JournalError } from '@/mutations/journal-entry'
import { MAX_BATCH } from '@/api/contract'

export type LogInteractionsDialogProps = {
  candidateId: string
  /** Shown under the title ("For Jan de Vries"). */
  candidateName?: string
  onClose: () => void
  /** The journal holds the rows now (the dialog is done); default: onClose. */
  onSaved?: (rowCount: number) => void
  /**
   * The rows are journaled and the dialog left the screen; keep it mounted until `onSaved` or
   * `onClose` (a refused save brings it back).
   */
  onJournaled?: () => void
  /** Correct a failed or unsent create: its journal key, rows and why it failed. */
  resubmit?: { key: string; rows: readonly PayloadObject[]; error: JournalError | null } | null
}

// One array for every render: each row is memoised on its props.
const FIELD_ORDER = ['type', 'performedAt', 'summary', 'duration', 'notes']

/** "Log interactions": loads the region's item schema, then the form. */
export function LogInteractionsDialog(props: LogInteractionsDialogProps) {
  const { t } = useInteractionDialogTranslation()
  const title = props.resubmit ? t('resubmit.logTitle') : t('log.title')
  return (
    <ItemSchemaGate operation="create" title={title} onClose={props.onClose}>
      {(itemSchema) => <LogInteractionsForm {...props} title={title} itemSchema={itemSchema} />}
    </ItemSchemaGate>
  )
}

type LogInteractionsFormProps = LogInteractionsDialogProps & {
  title: string
  itemSchema: JsonSchema
}

function LogInteractionsForm(props: LogInteractionsFormProps) {
  const { candidateId, candidateName, onClose, onSaved, resubmit = null, title, itemSchema } = props
  const { t } = useInteractionDialogTranslation()
  const titles = useInteractionLabels()
  const presence = useDialogPresence(props.onJournaled)
  const { form, model, draft, submission, handleSubmit, handleStartOver } = useLogInteractionsForm({
    candidateId,
    itemSchema,
    titles,
    resubmit,
    onJournaled: presence.onJournaled,
    onReturned: presence.onReturned,
    onDone: (rowCount) => {
      if (onSaved) onSaved(rowCount)
      else onClose()
    },
  })
  const [isDraftShown, setDraftShown] = useState(draft !== null)
  const rowCount = useRowCount(form.watch, form.getValues)
  const rows = model.fields.find((field) => field.name === ROWS)

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
      subtitle={candidateName ? t('log.subtitle', { name: candidateName }) : undefined}
      onClose={onClose}
      onSubmit={(event) => void handleSubmit(event)}
      isSubmitting={form.formState.isSubmitting || submission.isPending}
      submitLabel={resubmit ? t('resubmit.submit') : t('log.submit', { count: rowCount })}
      notices={notices}
      maxWidth="md"
      onOpenFocus={() => {
        form.setFocus(`${ROWS}.0.type`)
      }}
    >
      {rows?.object ? (
        <SchemaArrayRows
          model={rows.object}
          name={ROWS}
          control={form.control}
          minRows={1}
          maxRows={MAX_BATCH}
          order={FIELD_ORDER}
        />
      ) : null}
    </FormDialog>
  )
}

/** The number of rows, re-rendering the dialog only when it changes (not on every keystroke). */
function useRowCount(
  watch: ReturnType<typeof useLogInteractionsForm>['form']['watch'],
  getValues: ReturnType<typeof useLogInteractionsForm>['form']['getValues'],
): number {
  const count = (values: Record<string, unknown>) => {
    const rows = values[ROWS]
    return Array.isArray(rows) ? rows.length : 0
  }
  const [rowCount, setRowCount] = useState(() => count(getValues()))
  useEffect(() => {
    const subscription = watch((values) => {
      setRowCount(count(values))
    })
    return () => {
      subscription.unsubscribe()
    }
  }, [watch])
  return rowCount
}
