import { expect, test } from 'vitest'
import type { JournalEntry, JournalError } from '@/mutations/journal-entry'
import {
  DEFAULT_RETRY_POLICY,
  resendDelay,
  transition,
  type JournalEvent,
} from '@/mutations/journal-transition'
import { makeEntry } from '@/mutations/journal.test-helpers'

const NOW = 50_000
const networkError: JournalError = { kind: 'network', code: 'network_error', message: 'offline' }
const failed: JournalError = { kind: 'outcome', code: 'ownership', message: 'not yours' }

const inPhase = (phase: JournalEntry['phase'], changes: Partial<JournalEntry> = {}) =>
  makeEntry({ phase, ...changes })

test('a 202 moves sending to queued with a deadline', () => {
  const next = transition(inPhase('sending'), { type: 'accepted' }, NOW)
  expect(next).toMatchObject({
    phase: 'queued',
    acceptedAt: NOW,
    deadlineAt: NOW + DEFAULT_RETRY_POLICY.queuedDeadlineMs,
    updatedAt: NOW,
  })
})

test('an attempt stamps sentAt and keeps sending', () => {
  const next = transition(inPhase('sending', { nextAttemptAt: 10 }), { type: 'attempt' }, NOW)
  expect(next).toMatchObject({ phase: 'sending', sentAt: NOW, nextAttemptAt: null })
})

test('a transient error stays sending, counts the attempt and backs off', () => {
  const event: JournalEvent = { type: 'transient-error', error: networkError, retryAfterMs: null }
  const first = transition(inPhase('sending'), event, NOW)
  expect(first).toMatchObject({ phase: 'sending', attempts: 1, nextAttemptAt: NOW + 1000 })
  const second = first && transition(first, event, NOW)
  expect(second).toMatchObject({ attempts: 2, nextAttemptAt: NOW + 2000, error: networkError })
})

test('after the last attempt a transient error makes the entry unsent', () => {
  const entry = inPhase('sending', { attempts: DEFAULT_RETRY_POLICY.maxAttempts - 1 })
  const next = transition(
    entry,
    { type: 'transient-error', error: networkError, retryAfterMs: null },
    NOW,
  )
  expect(next).toMatchObject({ phase: 'unsent', nextAttemptAt: null, error: networkError })
})

test('a refusal retrying cannot fix makes the entry unsent at once', () => {
  const error: JournalError = { kind: 'unauthorized', code: 'unauthorized', message: 'no' }
  expect(
    transition(inPhase('sending'), { type: 'send-failed', error, provesNotQueued: false }, NOW),
  ).toMatchObject({
    phase: 'unsent',
    error,
  })
})

test('a succeeded outcome confirms with the record ids, from sending, queued, stale or unsent', () => {
  for (const phase of ['sending', 'queued', 'stale', 'unsent'] as const) {
    const next = transition(
      inPhase(phase),
      { type: 'outcome', status: 'succeeded', recordIds: ['rec-new'] },
      NOW,
    )
    expect(next).toMatchObject({ phase: 'confirmed', recordIds: ['rec-new'], confirmedAt: NOW })
  }
})

test('a failed outcome fails the entry with its reason', () => {
  const next = transition(
    inPhase('queued'),
    { type: 'outcome', status: 'failed', error: failed },
    NOW,
  )
  expect(next).toMatchObject({ phase: 'failed', error: failed })
})

test('a duplicate or late outcome is a no-op', () => {
  const confirmed = inPhase('confirmed', { recordIds: ['a'] })
  const failedEntry = inPhase('failed', { error: failed })
  for (const entry of [confirmed, failedEntry]) {
    expect(transition(entry, { type: 'outcome', status: 'succeeded', recordIds: ['b'] }, NOW)).toBe(
      entry,
    )
    expect(transition(entry, { type: 'outcome', status: 'failed', error: failed }, NOW)).toBe(entry)
  }
})

test('seen in data confirms a queued or stale entry and marks when it was seen', () => {
  for (const phase of ['queued', 'stale'] as const) {
    const next = transition(inPhase(phase), { type: 'seen-in-data', recordIds: ['r1'] }, NOW)
    expect(next).toMatchObject({ phase: 'confirmed', seenAt: NOW, recordIds: ['r1'] })
  }
})

test('seen in data marks a confirmed entry seen once, keeping the outcome ids', () => {
  const entry = inPhase('confirmed', { recordIds: ['from-event'], confirmedAt: 10 })
  const next = transition(entry, { type: 'seen-in-data', recordIds: ['other'] }, NOW)
  expect(next).toMatchObject({ seenAt: NOW, recordIds: ['from-event'], confirmedAt: 10 })
  expect(next && transition(next, { type: 'seen-in-data', recordIds: [] }, NOW + 5)).toBe(next)
})

test('seen in data is ignored while sending, unsent or failed', () => {
  for (const phase of ['sending', 'unsent', 'failed'] as const) {
    const entry = inPhase(phase)
    expect(transition(entry, { type: 'seen-in-data', recordIds: ['x'] }, NOW)).toBe(entry)
  }
})

test('the deadline makes a queued entry stale, but only once it has passed', () => {
  const entry = inPhase('queued', { deadlineAt: NOW })
  expect(transition(entry, { type: 'deadline' }, NOW - 1)).toBe(entry)
  expect(transition(entry, { type: 'deadline' }, NOW)).toMatchObject({ phase: 'stale' })
  const stale = inPhase('stale', { deadlineAt: 1 })
  expect(transition(stale, { type: 'deadline' }, NOW)).toBe(stale)
})

test('a stale entry still confirms on a late success', () => {
  const next = transition(
    inPhase('stale'),
    { type: 'outcome', status: 'succeeded', recordIds: ['late'] },
    NOW,
  )
  expect(next).toMatchObject({ phase: 'confirmed', recordIds: ['late'] })
})

test('retry sends an unsent entry again from zero attempts; other phases ignore it', () => {
  const next = transition(
    inPhase('unsent', { attempts: 5, error: networkError }),
    { type: 'retry' },
    NOW,
  )
  expect(next).toMatchObject({ phase: 'sending', attempts: 0, error: null, nextAttemptAt: NOW })
  for (const phase of ['sending', 'queued', 'confirmed', 'failed', 'stale'] as const) {
    const entry = inPhase(phase)
    expect(transition(entry, { type: 'retry' }, NOW)).toBe(entry)
  }
})

test('a waiting edit takes the id of its create, once; or fails when the create failed', () => {
  const waiting = makeEntry(
    { key: 'edit', phase: 'sending' },
    { operation: 'update', payload: { summary: 'x' }, target: { createKey: 'c', index: 0 } },
  )
  const resolved = transition(waiting, { type: 'resolve-target', targetId: 'rec-9' }, NOW)
  expect(resolved).toMatchObject({ targetId: 'rec-9', phase: 'sending' })
  expect(resolved && transition(resolved, { type: 'resolve-target', targetId: 'b' }, NOW)).toBe(
    resolved,
  )
  const error: JournalError = { kind: 'dependency', code: 'dependency_failed', message: 'x' }
  expect(transition(waiting, { type: 'dependency-failed', error }, NOW)).toMatchObject({
    phase: 'failed',
    error,
  })
  const direct = inPhase('sending')
  expect(transition(direct, { type: 'resolve-target', targetId: 'x' }, NOW)).toBe(direct)
})

test('drop removes a confirmed entry and nothing else', () => {
  expect(transition(inPhase('confirmed'), { type: 'drop' }, NOW)).toBeNull()
  for (const phase of ['sending', 'queued', 'unsent', 'failed', 'stale'] as const) {
    const entry = inPhase(phase)
    expect(transition(entry, { type: 'drop' }, NOW)).toBe(entry)
  }
})

test('illegal events leave the entry untouched: a late 202, errors after acceptance', () => {
  for (const phase of ['queued', 'confirmed', 'failed', 'stale', 'unsent'] as const) {
    const entry = inPhase(phase)
    expect(transition(entry, { type: 'accepted' }, NOW)).toBe(entry)
    expect(transition(entry, { type: 'attempt' }, NOW)).toBe(entry)
    expect(
      transition(entry, { type: 'transient-error', error: networkError, retryAfterMs: 5 }, NOW),
    ).toBe(entry)
    expect(
      transition(entry, { type: 'send-failed', error: networkError, provesNotQueued: false }, NOW),
    ).toBe(entry)
  }
})

test('backoff doubles from 1 s to at most 30 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => resendDelay(n, null))).toEqual([
    1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
  ])
})

test('backoff honours Retry-After when it asks for longer, never shorter', () => {
  expect(resendDelay(1, 5000)).toBe(5000)
  expect(resendDelay(4, 1000)).toBe(8000)
  expect(resendDelay(6, 45_000)).toBe(45_000)
  expect(resendDelay(1, 24 * 3_600_000)).toBe(10 * 60_000) // capped: a bug, not a plan
})

test('a transient error with Retry-After schedules the retry no earlier than asked', () => {
  const next = transition(
    inPhase('sending'),
    { type: 'transient-error', error: networkError, retryAfterMs: 7000 },
    NOW,
  )
  expect(next?.nextAttemptAt).toBe(NOW + 7000)
})
