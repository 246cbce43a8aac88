import { useQueryClient } from '@tanstack/react-query'
import { use, useCallback, useState } from 'react'
import { apiQueries } from '@/api/query-options'
import { JournalEntryActions, needsAttention } from '@/app/routes/journal-entry-actions'
import { useApi } from '@/config/connection'
import {
  canChange,
  deleteRequest,
  editRequest,
  resubmitRequest,
  type InteractionDialogRequest,
} from '@/features/interaction-forms/interaction-dialog-requests'
import { preloadInteractionForms } from '@/features/interaction-forms/interaction-dialog-host'
import {
  InteractionEntryActions,
  ResubmitButton,
} from '@/features/interaction-forms/interaction-entry-actions'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'
import { isResubmittable, isRetryable } from '@/mutations/journal-actions'
import { JournalContext } from '@/mutations/journal-context'
import { useJournalEntry } from '@/mutations/use-journal'
import type { TimelineItem } from '@/mutations/overlay'

/**
 * The candidate page's interaction dialogs: which one is open, the timeline's "Log interaction"
 * and per-entry actions that open them; the form code is fetched at the first sign of intent.
 */
export function useInteractionDialogs() {
  const context = use(JournalContext)
  const api = useApi()
  const queryClient = useQueryClient()
  const [request, setRequest] = useState<InteractionDialogRequest | null>(null)

  // Ahead of the first click, when the pointer or focus reaches "Log interaction" (the card
  // actions do the same for their own buttons): the forms' code and the update schema (the
  // create schema is already read for the timeline). Not before: a counsellor who only reads the
  // timeline never downloads the forms.
  const handleLogIntent = useCallback(() => {
    preloadInteractionForms()
    queryClient.query(apiQueries.schema(api, 'update')).catch(() => undefined)
  }, [api, queryClient])

  const handleLog = useCallback(() => {
    setRequest({ kind: 'log' })
  }, [])
  const handleEdit = useCallback((item: TimelineItem) => {
    setRequest(editRequest(item))
  }, [])
  const handleDelete = useCallback((item: TimelineItem) => {
    setRequest(deleteRequest(item))
  }, [])
  const journal = context?.journal
  const handleResubmit = useCallback(
    (key: string) => {
      const entry = journal?.getSnapshot().entries.find((candidate) => candidate.key === key)
      const next = entry ? resubmitRequest(entry) : null
      if (next) setRequest(next)
    },
    [journal],
  )
  const handleClose = useCallback(() => {
    setRequest(null)
  }, [])

  return {
    request,
    /** Undefined without a journal: nothing could be written, so nothing is offered. */
    onLogInteraction: context ? handleLog : undefined,
    onLogIntent: context ? handleLogIntent : undefined,
    onEdit: handleEdit,
    onDelete: handleDelete,
    onResubmit: handleResubmit,
    onClose: handleClose,
  }
}

/** Whether a card gets any action at all (so cards without one get no empty action row). */
export function hasEntryActions(entry: TimelineEntry): boolean {
  return needsAttention(entry) || (entry.item !== null && canChange(entry.item))
}

type TimelineEntryActionsProps = {
  entry: TimelineEntry
  onRetry: (key: string) => void
  onDiscard: (key: string) => void
  onEdit: (item: TimelineItem) => void
  onDelete: (item: TimelineItem) => void
  onResubmit: (key: string) => void
}

/** A card's actions: retry / discard / edit & resubmit when it needs attention, else edit / delete. */
export function TimelineEntryActions(props: TimelineEntryActionsProps) {
  const { entry, onRetry, onDiscard, onEdit, onDelete, onResubmit } = props
  const key = entry.entryKey
  // The journal entry behind the card's mark: what can still be done depends on how it failed.
  // Read here rather than passed down, so the feed's actions stay the same function.
  const change = useJournalEntry(key)
  if (needsAttention(entry) && key !== null) {
    const canResubmit = change !== undefined && isResubmittable(change)
    return (
      <>
        {canResubmit && (
          <ResubmitButton
            onClick={() => {
              onResubmit(key)
            }}
          />
        )}
        <JournalEntryActions
          entry={entry}
          canRetry={change !== undefined && isRetryable(change)}
          onRetry={onRetry}
          onDiscard={onDiscard}
        />
      </>
    )
  }
  return entry.item ? (
    <InteractionEntryActions item={entry.item} onEdit={onEdit} onDelete={onDelete} />
  ) : null
}
