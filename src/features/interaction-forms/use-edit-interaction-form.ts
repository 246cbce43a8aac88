import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import { withFieldTitles } from '@/components/form-dialog/field-titles'
import { schemaVersion } from '@/components/form-dialog/schema-version'
import { useFormSubmission } from '@/components/form-dialog/use-form-submission'
import type { PayloadObject } from '@/mutations/journal-entry'
import type { SubmitResult, WriteTarget } from '@/mutations/journal-input'
import { useUpdateInteraction } from '@/mutations/use-journal'
import { toPatch } from '@/schema-form/form-patch'
import type { JsonSchema } from '@/schema-form/json-value'
import { issueMessage } from '@/schema-form/messages'
import { useSchemaForm } from '@/schema-form/use-schema-form'
import { messageContext } from '@/schema-form/validator'
import { INTERACTION_WIDGETS } from '@/features/interaction-forms/use-interaction-item-schema'

export type UseEditInteractionFormOptions = {
  candidateId: string
  /** The region's update item schema (`/schema?operation=update`). */
  itemSchema: JsonSchema
  /** Our labels for the fields we know (see withFieldTitles). */
  titles: Readonly<Record<string, string>>
  target: WriteTarget
  /** The values the counsellor saw: what "changed" is measured against. */
  original: PayloadObject
  /** Where the form starts when not at `original` (a failed edit: original ⊕ its patch). */
  initial?: PayloadObject | null
  /** Correcting a failed or unsent edit: its journal key. */
  resubmitKey?: string | null
  onDone: (result: SubmitResult) => void
  /** Journaled, answer still to come: the dialog leaves the screen (see useFormSubmission). */
  onJournaled?: () => void
  /** Refused (400) or not sent after `onJournaled`: the dialog comes back. */
  onReturned?: () => void
}

/**
 * Edit one interaction: the form starts from the record, validates with the update schema, and
 * sends only the fields that changed (PATCH); with nothing changed there is nothing to send.
 */
export function useEditInteractionForm(options: UseEditInteractionFormOptions) {
  const { candidateId, itemSchema, titles, target, original } = options
  const { initial = null, resubmitKey = null } = options
  const schema = useMemo(() => withFieldTitles(itemSchema, titles), [itemSchema, titles])
  const schemaForm = useSchemaForm({
    schema,
    widgets: INTERACTION_WIDGETS,
    defaultValues: initial ?? original,
    mode: 'update',
  })
  const { form, model, language, setServerIssues } = schemaForm
  const version = useMemo(() => schemaVersion(itemSchema), [itemSchema])
  const values = useWatch({ control: form.control })
  const change = useMemo(() => toPatch(model, values, original), [model, values, original])
  // A half-typed date is a change too: saving must be possible so it can be reported.
  const hasChanges = change.hasChanges || change.issues.length > 0

  const { submit } = useUpdateInteraction(candidateId)
  const submission = useFormSubmission({
    resubmitKey,
    onIssues: (issues) => setServerIssues(issues).length,
    onDone: options.onDone,
    onJournaled: options.onJournaled,
    onReturned: options.onReturned,
  })

  const handleSubmit = form.handleSubmit(async () => {
    const { patch, issues, hasChanges: isChanged } = toPatch(model, form.getValues(), original)
    for (const issue of issues) {
      const message = issueMessage(issue.code, {}, messageContext(model, issue, language))
      form.setError(String(issue.path[0]), { type: issue.code, message }, { shouldFocus: true })
    }
    if (issues.length > 0 || !isChanged) return
    const previous: PayloadObject = {}
    for (const field of model.fields) {
      if (field.name in original) previous[field.name] = original[field.name]
    }
    await submission.run(patch, () => submit({ target, patch, previous, schemaVersion: version }))
  })

  return { ...schemaForm, hasChanges, submission, handleSubmit }
}
