import { useQueryClient } from '@tanstack/react-query'
import { use, useCallback, useEffect, useState } from 'react'
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
import { JournalContext } from '@/mutations/journal-context'
import type { TimelineItem } from '@/mutations/overlay'

/**
 * The candidate page's interaction dialogs: which one is open, the timeline's "Log interaction"
 * and per-entry actions that open them, and the form code fetched while the browser is idle.
 */
export function useInteractionDialogs() {
  const context = use(JournalContext)
  const api = useApi()
  const queryClient = useQueryClient()
  const [request, setRequest] = useState<InteractionDialogRequest | null>(null)

  // Ahead of the first click, once the page is idle: the forms' code and the update schema
  // (the create schema is already read for the timeline), so a dialog opens without a wait.
  useEffect(() => {
    // Preloading is a production nicety; in unit tests it would outlive the test's environment.
    if (!context || import.meta.env.MODE === 'test') return
    const preload = () => {
      preloadInteractionForms()
      queryClient.query(apiQueries.schema(api, 'update')).catch(() => undefined)
    }
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(preload, { timeout: 5000 })
      return () => {
        window.cancelIdleCallback(id)
      }
    }
    const timer = setTimeout(preload, 1000)
    return () => {
      clearTimeout(timer)
    }
  }, [context, api, queryClient])

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
  if (needsAttention(entry) && key !== null) {
    const canResubmit =
      (entry.status === 'failed' || entry.status === 'unsent') && entry.error?.kind !== 'dependency'
    return (
      <>
        {canResubmit && (
          <ResubmitButton
            onClick={() => {
              onResubmit(key)
            }}
          />
        )}
        <JournalEntryActions entry={entry} onRetry={onRetry} onDiscard={onDiscard} />
      </>
    )
  }
  return entry.item ? (
    <InteractionEntryActions item={entry.item} onEdit={onEdit} onDelete={onDelete} />
  ) : null
}
