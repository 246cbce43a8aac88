import { useMemo, useState } from 'react'
import * as z from 'zod/mini'
import { MAX_BATCH } from '@/api/contract'
import { draftStorageKey, readDraft, useFormDraft } from '@/components/form-dialog/form-draft'
import { withFieldTitles } from '@/components/form-dialog/field-titles'
import { withPerformedAtNow } from '@/components/form-dialog/performed-at-default'
import { schemaVersion } from '@/components/form-dialog/schema-version'
import { useFormSubmission } from '@/components/form-dialog/use-form-submission'
import { useApi } from '@/config/connection'
import type { PayloadObject } from '@/mutations/journal-entry'
import { useSubmitInteractions } from '@/mutations/use-journal'
import { isRecord } from '@/lib/json'
import type { JsonObject, JsonSchema } from '@/schema-form/json-value'
import { rowsFormSchema } from '@/schema-form/rows-form-schema'
import { useSchemaForm } from '@/schema-form/use-schema-form'
import { INTERACTION_WIDGETS } from '@/features/interaction-forms/use-interaction-item-schema'

export const ROWS = 'rows'

const draftValuesSchema = z.object({
  rows: z.array(z.record(z.string(), z.unknown())).check(z.minLength(1), z.maxLength(MAX_BATCH)),
})

export type UseLogInteractionsFormOptions = {
  candidateId: string
  itemSchema: JsonSchema
  /** Our labels for the fields we know (see withFieldTitles). */
  titles: Readonly<Record<string, string>>
  /** Correcting a failed or unsent create: its key and rows (no draft is kept then). */
  resubmit?: { key: string; rows: readonly PayloadObject[] } | null
  /** The journal holds the rows: how many were sent. */
  onDone: (rowCount: number) => void
  /** Journaled, answer still to come: the dialog leaves the screen (see useFormSubmission). */
  onJournaled?: () => void
  /** Refused (400) or not sent after `onJournaled`: the dialog comes back. */
  onReturned?: () => void
}

function payloadRows(payload: JsonObject): PayloadObject[] {
  const rows = payload[ROWS]
  return Array.isArray(rows) ? rows.filter(isRecord) : []
}

/**
 * 1–10 interactions in one write: the rows form of the region's item schema, a draft per
 * candidate (and environment and region) that survives a reload, and the submit through the
 * mutation journal with a 400 mapped onto its row and field.
 */
export function useLogInteractionsForm(options: UseLogInteractionsFormOptions) {
  const { candidateId, itemSchema, titles, resubmit = null } = options
  const api = useApi()
  const [now] = useState(() => new Date())
  const schema = useMemo(
    () =>
      rowsFormSchema(withPerformedAtNow(withFieldTitles(itemSchema, titles), now), {
        maxItems: MAX_BATCH,
      }),
    [itemSchema, titles, now],
  )
  const version = useMemo(() => schemaVersion(itemSchema), [itemSchema])
  const storageKey = resubmit ? null : draftStorageKey(api.scope, candidateId)
  const [draft] = useState(() => (storageKey ? readDraft(storageKey, draftValuesSchema) : null))

  const schemaForm = useSchemaForm({
    schema,
    widgets: INTERACTION_WIDGETS,
    defaultValues: resubmit ? { [ROWS]: resubmit.rows } : undefined,
    ...(draft ? { formOptions: { values: draft.values } } : {}),
  })
  const { form, setServerIssues, submitValid } = schemaForm
  const [freshValues] = useState(() => structuredClone(form.getValues()))
  const formDraft = useFormDraft({ watch: form.watch, storageKey, freshValues })

  const { submit } = useSubmitInteractions(candidateId)
  const submission = useFormSubmission({
    resubmitKey: resubmit?.key ?? null,
    onIssues: (issues) => setServerIssues(issues, { basePath: ROWS }).length,
    onJournaled: () => {
      // The journal's entry holds the rows now; a second "Log interaction" must not restore them.
      formDraft.clear()
      options.onJournaled?.()
    },
    onReturned: () => {
      formDraft.resume(form.getValues())
      options.onReturned?.()
    },
    onDone: (_result, rows) => {
      formDraft.clear()
      options.onDone(Array.isArray(rows) ? rows.length : 1)
    },
  })

  const handleSubmit = submitValid(async (payload) => {
    const rows = payloadRows(payload)
    await submission.run(rows, () => submit(rows, { schemaVersion: version }))
  })

  const handleStartOver = () => {
    formDraft.discard()
    form.reset(structuredClone(freshValues))
  }

  return { ...schemaForm, draft, submission, handleSubmit, handleStartOver }
}
