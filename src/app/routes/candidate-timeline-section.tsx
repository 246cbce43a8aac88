import { useQuery } from '@tanstack/react-query'
import { use, useCallback, useMemo } from 'react'
import type { Interaction } from '@/api/contract'
import { apiQueries } from '@/api/query-options'
import {
  TimelineEntryActions,
  hasEntryActions,
  useInteractionDialogs,
} from '@/app/routes/use-interaction-dialogs'
import { useApi } from '@/config/connection'
import { InteractionDialogHost } from '@/features/interaction-forms/interaction-dialog-host'
import {
  EMPTY_SCHEMA_INFO,
  PENDING_SCHEMA_INFO,
  readInteractionSchema,
} from '@/features/timeline/interaction-schema'
import { Timeline, type TimelineProps } from '@/features/timeline/timeline'
import {
  entriesFromInteractions,
  entriesFromOverlay,
  type TimelineEntry,
} from '@/features/timeline/timeline-entry'
import { JournalContext } from '@/mutations/journal-context'
import { useCandidateOverlay, useJournal } from '@/mutations/use-journal'

type CandidateTimelineSectionProps = {
  candidateId: string
  exportName: string
}

type SharedProps = Omit<TimelineProps, 'entries' | 'renderEntryActions' | 'hasStatusFilter'>

/**
 * Reads the interactions and the region's schema and hands them to the timeline, laid over
 * with the mutation journal when the app runs one (pending, failed, not-confirmed changes).
 */
export function CandidateTimelineSection({
  candidateId,
  exportName,
}: CandidateTimelineSectionProps) {
  const api = useApi()
  const interactions = useQuery(apiQueries.interactions(api, candidateId))
  const schema = useQuery(apiQueries.schema(api, 'create'))
  // Pending only until its first answer: after a failure the timeline goes on without it.
  const isSchemaPending = schema.isPending && schema.failureCount === 0
  const schemaInfo = useMemo(
    () =>
      schema.data
        ? readInteractionSchema(schema.data)
        : isSchemaPending
          ? PENDING_SCHEMA_INFO
          : EMPTY_SCHEMA_INFO,
    [schema.data, isSchemaPending],
  )
  // The journal is optional here: without its provider the timeline shows server records only.
  const journal = use(JournalContext)
  const dialogs = useInteractionDialogs()
  const { refetch } = interactions
  const handleRetry = useCallback(() => {
    void refetch()
  }, [refetch])

  const shared: SharedProps = {
    serverCount: interactions.data?.length ?? 0,
    isFetching: interactions.isFetching,
    error: interactions.error,
    onRetry: handleRetry,
    schemaInfo,
    exportName,
    onLogInteraction: dialogs.onLogInteraction,
    onLogIntent: dialogs.onLogIntent,
  }

  return journal ? (
    <>
      <OverlaidTimeline
        candidateId={candidateId}
        records={interactions.data}
        shared={shared}
        dialogs={dialogs}
      />
      <InteractionDialogHost
        candidateId={candidateId}
        candidateName={exportName}
        request={dialogs.request}
        onClose={dialogs.onClose}
      />
    </>
  ) : (
    <ServerTimeline records={interactions.data} shared={shared} />
  )
}

type ServerTimelineProps = {
  records: Interaction[] | undefined
  shared: SharedProps
}

function ServerTimeline({ records, shared }: ServerTimelineProps) {
  const entries = useMemo(() => (records ? entriesFromInteractions(records) : undefined), [records])
  return <Timeline {...shared} entries={entries} />
}

type OverlaidTimelineProps = {
  candidateId: string
  records: Interaction[] | undefined
  shared: SharedProps
  dialogs: ReturnType<typeof useInteractionDialogs>
}

function OverlaidTimeline({ candidateId, records, shared, dialogs }: OverlaidTimelineProps) {
  const items = useCandidateOverlay(candidateId, records)
  const { entries: changes, retry, discard } = useJournal()
  const entries = useMemo(() => (records ? entriesFromOverlay(items) : undefined), [records, items])
  const changeByKey = useMemo(
    () => new Map(changes.map((change) => [change.key, change])),
    [changes],
  )
  const { onEdit, onDelete, onResubmit } = dialogs
  const renderEntryActions = useCallback(
    (entry: TimelineEntry) =>
      hasEntryActions(entry) ? (
        <TimelineEntryActions
          entry={entry}
          change={entry.entryKey === null ? undefined : changeByKey.get(entry.entryKey)}
          onRetry={retry}
          onDiscard={discard}
          onEdit={onEdit}
          onDelete={onDelete}
          onResubmit={onResubmit}
        />
      ) : null,
    [changeByKey, retry, discard, onEdit, onDelete, onResubmit],
  )
  return (
    <Timeline
      {...shared}
      entries={entries}
      hasStatusFilter
      renderEntryActions={renderEntryActions}
    />
  )
}
