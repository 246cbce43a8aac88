import { expect, test } from 'vitest'
import {
  JOURNAL_STORAGE_VERSION,
  createJournalStorage,
  journalStorageKey,
  parseStoredJournal,
} from '@/mutations/journal-storage'
import { MemoryStorage, TEST_SCOPE, makeEntry } from '@/mutations/test-support'

const stored = (entries: unknown[], version: unknown = JOURNAL_STORAGE_VERSION) =>
  JSON.stringify({ version, entries })

test('the key is namespaced by environment and region', () => {
  expect(journalStorageKey({ environment: 'sandbox', region: 'rijnmond' })).toBe(
    'candidate-timeline:journal:v1:sandbox:rijnmond',
  )
})

test('entries survive a write and a read', () => {
  const storage = new MemoryStorage()
  const journal = createJournalStorage(TEST_SCOPE, storage)
  const entries = [makeEntry({ key: 'a' }), makeEntry({ key: 'b', phase: 'queued' })]
  expect(journal.save(entries)).toBeNull()
  expect(createJournalStorage(TEST_SCOPE, storage).load()).toEqual(entries)
})

test('corrupt JSON, foreign shapes and a wrong version are ignored, not thrown', () => {
  for (const raw of [
    '{not json',
    'null',
    '42',
    '"text"',
    '[]',
    JSON.stringify({ entries: [makeEntry()] }),
    stored([makeEntry()], 2),
    stored([makeEntry()], '1'),
    JSON.stringify({ version: 1, entries: 'nope' }),
  ]) {
    expect(parseStoredJournal(raw, TEST_SCOPE)).toEqual([])
  }
})

test('valid entries of a partly corrupt list are kept', () => {
  const good = makeEntry({ key: 'good' })
  const raw = stored([
    null,
    'string',
    { ...makeEntry({ key: 'bad-phase' }), phase: 'exploded' },
    { ...makeEntry({ key: 'no-payload' }), payload: null }, // a create must carry rows
    { ...makeEntry({ key: 'extra' }), createdAt: -5 },
    good,
    good, // a duplicated key counts once
  ])
  expect(parseStoredJournal(raw, TEST_SCOPE)).toEqual([good])
})

test('entries of another environment or region are never loaded into this scope', () => {
  const sandbox = makeEntry({ key: 's', scope: { environment: 'sandbox', region: 'utrecht' } })
  const other = makeEntry({ key: 'r', scope: { environment: 'production', region: 'rijnmond' } })
  const mine = makeEntry({ key: 'm' })
  expect(parseStoredJournal(stored([sandbox, other, mine]), TEST_SCOPE)).toEqual([mine])
})

test('a full storage reports the problem instead of throwing; a blocked one too', () => {
  const storage = new MemoryStorage()
  const journal = createJournalStorage(TEST_SCOPE, storage)
  storage.failWith = 'quota'
  expect(journal.save([makeEntry()])).toBe('quota')
  storage.failWith = 'security'
  expect(journal.save([makeEntry()])).toBe('unavailable')
  expect(createJournalStorage(TEST_SCOPE, null).save([makeEntry()])).toBe('unavailable')
  expect(createJournalStorage(TEST_SCOPE, null).load()).toEqual([])
})

test('an empty journal removes its key', () => {
  const storage = new MemoryStorage()
  const journal = createJournalStorage(TEST_SCOPE, storage)
  journal.save([makeEntry()])
  journal.save([])
  expect(storage.length).toBe(0)
})

test('another tab’s write arrives through the storage event, parsed and scoped', () => {
  const journal = createJournalStorage(TEST_SCOPE, window.localStorage)
  const seen: string[][] = []
  const stop = journal.listen((entries) => seen.push(entries.map((entry) => entry.key)))
  const fire = (key: string | null, newValue: string | null) => {
    window.dispatchEvent(
      new StorageEvent('storage', { key, newValue, storageArea: window.localStorage }),
    )
  }
  fire(journal.key, stored([makeEntry({ key: 'from-other-tab' })]))
  fire('some-other-key', stored([makeEntry({ key: 'ignored' })]))
  fire(journal.key, '{garbage')
  fire(null, null) // the other tab cleared storage
  stop()
  fire(journal.key, stored([makeEntry({ key: 'after-stop' })]))
  expect(seen).toEqual([['from-other-tab'], [], []])
})
