import { FormDialog } from '@/components/form-dialog/form-dialog'
import { ResubmitNotice, SubmissionAlert } from '@/components/form-dialog/submission-alert'
import { useDialogPresence } from '@/components/form-dialog/use-form-submission'
import type { JournalError, PayloadObject } from '@/mutations/journal-entry'
import type { WriteTarget } from '@/mutations/journal-input'
import type { JsonSchema } from '@/schema-form/json-value'
import { SchemaFields } from '@/schema-form/schema-fields'
import { ItemSchemaGate } from '@/features/interaction-forms/item-schema-gate'
import { useInteractionDialogTranslation } from '@/features/interaction-forms/dialog-messages'
import { useEditInteractionForm } from '@/features/interaction-forms/use-edit-interaction-form'
import { useInteractionLabels } from '@/features/interaction-forms/use-interaction-item-schema'

export type EditInteractionDialogProps = {
  candidateId: string
  target: WriteTarget
  /** The interaction as the timeline shows it (server record, or a pending create's row). */
  values: PayloadObject
  onClose: () => void
  /** The journal holds the change now (the dialog is done); default: onClose. */
  onSaved?: () => void
  /** Journaled, the dialog left the screen: keep it mounted until `onSaved` or `onClose`. */
  onJournaled?: () => void
  /** Correct a failed or unsent edit: its key, the patch it tried and why it failed. */
  resubmit?: { key: string; patch: PayloadObject; error: JournalError | null } | null
}

/** "Edit interaction": waits for the update schema, then opens the form on the record. */
export function EditInteractionDialog(props: EditInteractionDialogProps) {
  const { t } = useInteractionDialogTranslation()
  const title = props.resubmit ? t('resubmit.editTitle') : t('edit.title')
  return (
    <ItemSchemaGate operation="update" title={title} onClose={props.onClose}>
      {(itemSchema) => <EditInteractionForm {...props} title={title} itemSchema={itemSchema} />}
    </ItemSchemaGate>
  )
}

type EditInteractionFormProps = EditInteractionDialogProps & {
  title: string
  itemSchema: JsonSchema
}

function EditInteractionForm(props: EditInteractionFormProps) {
  const { candidateId, target, values, onClose, onSaved, resubmit = null } = props
  const { title, itemSchema } = props
  const { t } = useInteractionDialogTranslation()
  const titles = useInteractionLabels()
  const presence = useDialogPresence(props.onJournaled)
  const { form, model, hasChanges, submission, handleSubmit } = useEditInteractionForm({
    candidateId,
    itemSchema,
    titles,
    target,
    original: values,
    initial: resubmit ? { ...values, ...resubmit.patch } : null,
    resubmitKey: resubmit?.key ?? null,
    onDone: onSaved ?? onClose,
    onJournaled: presence.onJournaled,
    onReturned: presence.onReturned,
  })
  return (
    <FormDialog
      open
      presence={presence}
      title={title}
      onClose={onClose}
      onSubmit={(event) => void handleSubmit(event)}
      isSubmitting={form.formState.isSubmitting}
      submitLabel={resubmit ? t('resubmit.submit') : t('edit.submit')}
      disabledReason={hasChanges ? null : t('edit.nothingChanged')}
      notices={
        <>
          {resubmit ? <ResubmitNotice error={resubmit.error} /> : null}
          <SubmissionAlert error={submission.error} />
        </>
      }
      onOpenFocus={() => {
        form.setFocus('type')
      }}
    >
      <SchemaFields
        model={model}
        control={form.control}
        order={['type', 'performedAt', 'summary', 'duration', 'notes']}
      />
    </FormDialog>
  )
}
