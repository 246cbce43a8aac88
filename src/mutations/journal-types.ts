import type { MutationOutcome } from '@/api/contract'
import type { ApiClient, ApiScope } from '@/api/client'
import type { EventStreamStatus } from '@/api/events'
import type { JournalEntry, PayloadObject } from '@/mutations/journal-entry'
import type { SubmitInput, SubmitResult, SubmitStatus } from '@/mutations/journal-input'
import type { LockManagerLike } from '@/mutations/journal-ownership'
import type { JournalHalt, StorageProblem } from '@/mutations/journal-storage'
import type { RetryPolicy } from '@/mutations/journal-transition'
import type { ServerRecord } from '@/mutations/matching'

/** The journal store's public shape (see `createJournal` in journal.ts). */
export type JournalSnapshot = {
  readonly entries: readonly JournalEntry[]
  /** Set while the journal could not be written to localStorage (entries live in memory). */
  readonly storageProblem: StorageProblem | null
  readonly eventsStatus: EventStreamStatus
  /** Set while writes are stopped for this scope (an answer from the other environment). */
  readonly halt: JournalHalt | null
  /** When this snapshot was made: the render-time "now" for the overlay's highlights. */
  readonly changedAt: number
}

/** A change settled in this tab: the sync notices tell the counsellor. */
export type JournalNotice = { kind: 'confirmed' | 'failed' | 'unsent'; entry: JournalEntry }

export type JournalOptions = Partial<RetryPolicy> & {
  /** How long a confirmed entry stays after the data showed it ("what changed" highlight). */
  highlightMs?: number
  /** A confirmed write the data never shows (e.g. beyond the 100-record list) leaves after this. */
  confirmedTtlMs?: number
  now?: () => number
  /** Defaults to localStorage; null = keep the journal in memory only. */
  storage?: Storage | null
  createKey?: () => string
  /** Which tab sends which entry; defaults to `navigator.locks`, null = this tab sends all. */
  locks?: LockManagerLike | null
}

export type Journal = {
  readonly scope: ApiScope
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => JournalSnapshot
  subscribeNotices: (listener: (notice: JournalNotice) => void) => () => void
  /** Called when the counsellor asks to check a stale change again (the poller listens). */
  subscribeCheckRequests: (listener: (candidateId: string) => void) => () => void
  submit: (input: SubmitInput) => Promise<SubmitResult>
  retry: (key: string) => void
  discard: (key: string) => void
  /**
   * The form that submitted `key` is gone (its page was left) while the answer is still out: a
   * 400 then keeps the entry, unsent with the server's issues, for "Edit & resubmit" in the
   * Changes list, instead of handing the issues to a form that no longer exists.
   */
  release: (key: string) => void
  /** Lets writes go out again after a halt (the counsellor fixed the connection). */
  resume: () => void
  resubmit: (
    key: string,
    payload: readonly PayloadObject[] | PayloadObject,
  ) => Promise<SubmitResult>
  applyOutcome: (outcome: MutationOutcome) => JournalEntry | null
  reconcile: (candidateId: string, records: readonly ServerRecord[], fetchedAt: number) => void
  setEventsStatus: (status: EventStreamStatus) => void
  setApi: (api: ApiClient) => void
  start: () => void
  stop: () => void
}

export const DEFAULT_HIGHLIGHT_MS = 4000
export const DEFAULT_CONFIRMED_TTL_MS = 5 * 60_000

export function statusOf(entry: JournalEntry): SubmitStatus {
  // Stale is accepted too (no news yet): never 'unsent', which a form may discard and resend.
  if (entry.phase === 'queued' || entry.phase === 'stale') return 'accepted'
  if (entry.phase === 'confirmed') return 'settled'
  if (entry.phase === 'sending') return 'waiting'
  return 'unsent'
}

export function noticeFor(before: JournalEntry, after: JournalEntry): JournalNotice | null {
  if (before.phase === after.phase) return null
  if (after.phase === 'confirmed' || after.phase === 'failed' || after.phase === 'unsent') {
    return { kind: after.phase, entry: after }
  }
  return null
}
