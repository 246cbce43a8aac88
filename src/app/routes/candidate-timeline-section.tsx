import { useQuery } from '@tanstack/react-query'
import { use, useCallback, useMemo } from 'react'
import type { Interaction } from '@/api/contract'
import { apiQueries } from '@/api/query-options'
import { RelayModeContext } from '@/app/relay-mode'
import {
  TimelineEntryActions,
  hasEntryActions,
  useInteractionDialogs,
} from '@/app/routes/use-interaction-dialogs'
import { useApi, useConnection } from '@/config/connection'
import { InteractionDialogHost } from '@/features/interaction-forms/interaction-dialog-host'
import {
  EMPTY_SCHEMA_INFO,
  PENDING_SCHEMA_INFO,
  readInteractionSchema,
} from '@/features/timeline/interaction-schema'
import { Timeline, type TimelineProps } from '@/features/timeline/timeline'
import {
  annotateEntries,
  entriesFromInteractions,
  entriesFromOverlay,
  type EntryActors,
  type TimelineEntry,
} from '@/features/timeline/timeline-entry'
import { useColleagueChanges, type LiveMark } from '@/mutations/use-colleague-changes'
import { JournalContext, useJournalContext } from '@/mutations/journal-context'
import { useCandidateOverlay } from '@/mutations/use-journal'

type CandidateTimelineSectionProps = {
  candidateId: string
  exportName: string
}

type SharedProps = Omit<TimelineProps, 'entries' | 'renderEntryActions' | 'hasStatusFilter'>

/** What the section adds to each card: live marks and, behind a relay, who made it. */
type Annotations = {
  marks: ReadonlyMap<string, LiveMark>
  actors: EntryActors | undefined
}

/**
 * Reads the interactions and the region's schema and hands them to the timeline, laid over
 * with the mutation journal when the app runs one (pending, failed, not-confirmed changes).
 */
export function CandidateTimelineSection({
  candidateId,
  exportName,
}: CandidateTimelineSectionProps) {
  const api = useApi()
  const { needsSetup } = useConnection()
  const isOnRelay = use(RelayModeContext)
  const interactions = useQuery(apiQueries.interactions(api, candidateId))
  // Colleagues' confirmed changes appear while the page is open (one stream per scope).
  const live = useColleagueChanges(api, candidateId, !needsSetup && interactions.isSuccess)
  // Who made each change is known only to a relay: asked once per candidate, only there.
  const audit = useQuery({ ...apiQueries.candidateAudit(api, candidateId), enabled: isOnRelay })
  const actors = audit.data?.interactions
  const { marks } = live
  const annotations = useMemo<Annotations>(() => ({ marks, actors }), [marks, actors])
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
    liveChange: live.last,
  }

  return journal ? (
    <>
      <OverlaidTimeline
        candidateId={candidateId}
        records={interactions.data}
        shared={shared}
        dialogs={dialogs}
        annotations={annotations}
      />
      <InteractionDialogHost
        candidateId={candidateId}
        candidateName={exportName}
        request={dialogs.request}
        onClose={dialogs.onClose}
      />
    </>
  ) : (
    <ServerTimeline records={interactions.data} shared={shared} annotations={annotations} />
  )
}

type ServerTimelineProps = {
  records: Interaction[] | undefined
  shared: SharedProps
  annotations: Annotations
}

function ServerTimeline({ records, shared, annotations }: ServerTimelineProps) {
  const plain = useMemo(() => (records ? entriesFromInteractions(records) : undefined), [records])
  const { marks, actors } = annotations
  const entries = useMemo(
    () => (plain ? annotateEntries(plain, marks, actors) : undefined),
    [plain, marks, actors],
  )
  return <Timeline {...shared} entries={entries} />
}

type OverlaidTimelineProps = {
  candidateId: string
  records: Interaction[] | undefined
  shared: SharedProps
  dialogs: ReturnType<typeof useInteractionDialogs>
  annotations: Annotations
}

function OverlaidTimeline({
  candidateId,
  records,
  shared,
  dialogs,
  annotations,
}: OverlaidTimelineProps) {
  const items = useCandidateOverlay(candidateId, records)
  const { journal } = useJournalContext()
  const { marks, actors } = annotations
  const entries = useMemo(
    () => (records ? annotateEntries(entriesFromOverlay(items), marks, actors) : undefined),
    [records, items, marks, actors],
  )
  const { retry, discard } = journal
  const { onEdit, onDelete, onResubmit } = dialogs
  const renderEntryActions = useCallback(
    (entry: TimelineEntry) =>
      hasEntryActions(entry) ? (
        <TimelineEntryActions
          entry={entry}
          onRetry={retry}
          onDiscard={discard}
          onEdit={onEdit}
          onDelete={onDelete}
          onResubmit={onResubmit}
        />
      ) : null,
    [retry, discard, onEdit, onDelete, onResubmit],
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
