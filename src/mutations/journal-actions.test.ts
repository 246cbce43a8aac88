import { expect, test } from 'vitest'
import type { JournalError } from '@/mutations/journal-entry'
import {
  failureReason,
  isResubmittable,
  isRetryable,
  isTargetGone,
} from '@/mutations/journal-actions'
import { makeEntry } from '@/mutations/journal.test-helpers'

const engineNotFound: JournalError = { kind: 'outcome', code: 'not_found', message: 'gone' }
const apiNotFound: JournalError = { kind: 'not-found', code: 'not_found', message: 'Not found' }
const bare404: JournalError = { kind: 'not-found', code: 'http_404', message: 'Not Found' }
const update = { operation: 'update', target: { id: 'r' }, payload: { summary: 'x' } } as const
const remove = { operation: 'delete', target: { id: 'r' }, payload: null } as const

test('an edit or delete of a record that does not exist cannot be resubmitted or retried', () => {
  for (const input of [update, remove]) {
    const failed = makeEntry({ phase: 'failed', error: engineNotFound }, input)
    const unsent = makeEntry({ phase: 'unsent', error: apiNotFound }, input)
    for (const entry of [failed, unsent]) {
      expect(isTargetGone(entry)).toBe(true)
      expect(isResubmittable(entry)).toBe(false)
      expect(isRetryable(entry)).toBe(false)
    }
  }
})

test('a create that failed with not_found can still be corrected and resubmitted', () => {
  const create = makeEntry({ phase: 'failed', error: engineNotFound })
  expect(isTargetGone(create)).toBe(false)
  expect(isResubmittable(create)).toBe(true)
})

test('other failures keep their actions; a bare 404 is not taken for a vanished record', () => {
  const ownership = makeEntry(
    { phase: 'failed', error: { kind: 'outcome', code: 'ownership', message: 'not yours' } },
    update,
  )
  expect(isResubmittable(ownership)).toBe(true)
  const wrongUrl = makeEntry({ phase: 'unsent', error: bare404 }, remove)
  expect(isResubmittable(wrongUrl)).toBe(true)
  expect(isRetryable(wrongUrl)).toBe(true)
  const dependency = makeEntry(
    { phase: 'failed', error: { kind: 'dependency', code: 'dependency', message: 'no create' } },
    update,
  )
  expect(isResubmittable(dependency)).toBe(false)
  expect(isRetryable(makeEntry({ phase: 'stale' }, update))).toBe(true)
  expect(isResubmittable(makeEntry({ phase: 'queued' }, update))).toBe(false)
})

test('a refusal by our relay says why (its code), not "the API key was not accepted"', () => {
  const relay = (kind: JournalError['kind'], code: string) =>
    failureReason({ kind, code }, 'create')
  expect(relay('unauthorized', 'unauthenticated')).toBe('signedOut')
  expect(relay('http', 'forbidden_region')).toBe('forbiddenRegion')
  expect(relay('http', 'forbidden_environment')).toBe('forbiddenEnvironment')
  expect(relay('http', 'cross_site')).toBe('crossSite')
  // The upstream's own 401 stays what it was.
  expect(relay('unauthorized', 'unauthorized')).toBe('unauthorized')
})
