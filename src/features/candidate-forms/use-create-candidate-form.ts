import { useMemo, useState } from 'react'
import * as z from 'zod/mini'
import type { ApiIssue } from '@/api/contract'
import { INTERACTION_ITEM_SCHEMA_PATH } from '@/api/contract'
import { draftStorageKey, readDraft, useFormDraft } from '@/components/form-dialog/form-draft'
import { withFieldTitles } from '@/components/form-dialog/field-titles'
import { withPerformedAtNow } from '@/components/form-dialog/performed-at-default'
import { schemaVersion } from '@/components/form-dialog/schema-version'
import { useFormSubmission } from '@/components/form-dialog/use-form-submission'
import { useApi } from '@/config/connection'
import type { PayloadObject } from '@/mutations/journal-entry'
import type { SubmitResult } from '@/mutations/journal-input'
import { useCreateCandidate } from '@/mutations/use-journal'
import { isRecord } from '@/lib/json'
import { type JsonSchema } from '@/schema-form/json-value'
import { getAtPath } from '@/schema-form/schema-model'
import { useSchemaForm } from '@/schema-form/use-schema-form'

/** The inline interactions of the create payload (the contract's item schema path, minus `items`). */
export const INTERACTIONS = INTERACTION_ITEM_SCHEMA_PATH[1]
/** One "new candidate" draft per environment and region. */
const DRAFT_SUBJECT = 'new-candidate'

const WIDGETS = { [`${INTERACTIONS}.duration`]: 'duration-seconds' } as const

export type CandidateFormTitles = {
  candidate: Readonly<Record<string, string>>
  interaction: Readonly<Record<string, string>>
}

/**
 * The candidate schema with our labels for the fields we know (top level and inline
 * interactions) and "now" as the default date of each inline interaction row.
 */
function prepareSchema(source: JsonSchema, titles: CandidateFormTitles, now: Date): JsonSchema {
  const schema = withFieldTitles(source, titles.candidate)
  const found = getAtPath(schema, INTERACTION_ITEM_SCHEMA_PATH)
  const item = found ? withFieldTitles(found, titles.interaction) : undefined
  const properties = isRecord(schema.properties) ? schema.properties : null
  const interactions = properties?.[INTERACTIONS]
  if (!item || !properties || !isRecord(interactions) || !isRecord(interactions.items)) {
    return schema
  }
  return {
    ...schema,
    properties: {
      ...properties,
      [INTERACTIONS]: { ...interactions, items: withPerformedAtNow(item, now) },
    },
  }
}

/** A 400 on `POST /candidates` names the candidate first (`[0, 'email']`): this form is that one. */
function withinFirstCandidate(issues: readonly ApiIssue[]): ApiIssue[] {
  return issues.map((issue) =>
    issue.path[0] === 0 ? { ...issue, path: issue.path.slice(1) } : issue,
  )
}

export type UseCreateCandidateFormOptions = {
  /** The region's candidate create schema (`/schema`). */
  schema: JsonSchema
  titles: CandidateFormTitles
  /** Correcting a failed or unsent create: its key and the candidate it tried to create. */
  resubmit?: { key: string; payload: PayloadObject } | null
  onDone: (result: SubmitResult) => void
  /** Journaled, answer still to come: the dialog leaves the screen (see useFormSubmission). */
  onJournaled?: () => void
  /** Refused (400) or not sent after `onJournaled`: the dialog comes back. */
  onReturned?: () => void
}

/**
 * A new candidate, with 0–10 interactions inline, from the top level of the region's create
 * schema. Kept as a draft (per environment and region) until the journal holds it.
 */
export function useCreateCandidateForm(options: UseCreateCandidateFormOptions) {
  const { resubmit = null } = options
  const api = useApi()
  const [now] = useState(() => new Date())
  const { titles } = options
  const schema = useMemo(
    () => prepareSchema(options.schema, titles, now),
    [options.schema, titles, now],
  )
  const version = useMemo(() => schemaVersion(options.schema), [options.schema])
  const storageKey = resubmit ? null : draftStorageKey(api.scope, DRAFT_SUBJECT)
  const [draft] = useState(() =>
    storageKey ? readDraft(storageKey, z.record(z.string(), z.unknown())) : null,
  )

  const schemaForm = useSchemaForm({
    schema,
    widgets: WIDGETS,
    defaultValues: resubmit?.payload,
    ...(draft ? { formOptions: { values: draft.values } } : {}),
  })
  const { form, setServerIssues } = schemaForm
  const [freshValues] = useState(() => structuredClone(form.getValues()))
  const formDraft = useFormDraft({ watch: form.watch, storageKey, freshValues })

  const { submit } = useCreateCandidate()
  const submission = useFormSubmission({
    resubmitKey: resubmit?.key ?? null,
    onIssues: (issues) => setServerIssues(withinFirstCandidate(issues)).length,
    onJournaled: () => {
      // The journal's entry holds the candidate now; the next "New candidate" starts empty.
      formDraft.clear()
      options.onJournaled?.()
    },
    onReturned: () => {
      formDraft.resume(form.getValues())
      options.onReturned?.()
    },
    onDone: (result) => {
      formDraft.clear()
      options.onDone(result)
    },
  })

  const handleSubmit = form.handleSubmit(async (payload) => {
    await submission.run([payload], () => submit([payload], { schemaVersion: version }))
  })

  const handleStartOver = () => {
    formDraft.discard()
    form.reset(structuredClone(freshValues))
  }

  return { ...schemaForm, draft, submission, handleSubmit, handleStartOver }
}
