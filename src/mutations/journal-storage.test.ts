import { expect, test } from 'vitest'
import {
  createJournalStorage,
  journalStorageKey,
  parseLegacyJournal,
  parseStoredEntry,
  type ExternalChange,
} from '@/mutations/journal-storage'
import { journalEntryItemKey, legacyJournalKey } from '@/mutations/journal-storage-key'
import { MemoryStorage, TEST_SCOPE, makeEntry } from '@/mutations/journal.test-helpers'

const legacy = (entries: unknown[], version: unknown = 1) => JSON.stringify({ version, entries })

test('items are namespaced by environment and region, one per entry', () => {
  const scope = { environment: 'sandbox', region: 'rijnmond' } as const
  expect(journalStorageKey(scope)).toBe('candidate-timeline:journal:v2:sandbox:rijnmond')
  expect(journalEntryItemKey(scope, 'k')).toBe('candidate-timeline:journal:v2:sandbox:rijnmond#k')
})

test('entries survive a write and a read', () => {
  const storage = new MemoryStorage()
  const journal = createJournalStorage(TEST_SCOPE, storage)
  const entries = [makeEntry({ key: 'a' }), makeEntry({ key: 'b', phase: 'queued' })]
  expect(journal.save(entries)).toBeNull()
  expect(createJournalStorage(TEST_SCOPE, storage).load()).toEqual(entries)
  expect(storage.length).toBe(2)
})

test('a save writes only what changed and never removes another tab’s entries', () => {
  const storage = new MemoryStorage()
  const tabA = createJournalStorage(TEST_SCOPE, storage)
  const tabB = createJournalStorage(TEST_SCOPE, storage)
  tabA.save([makeEntry({ key: 'a' })])
  // Tab B never saw `a`: its saves neither overwrite nor drop it (the old single list did).
  tabB.save([makeEntry({ key: 'b' })])
  tabB.save([])
  expect(
    createJournalStorage(TEST_SCOPE, storage)
      .load()
      .map((entry) => entry.key),
  ).toEqual(['a'])
  const writes: string[] = []
  const spy = Object.assign(storage, {
    setItem(key: string, value: string) {
      writes.push(key)
      MemoryStorage.prototype.setItem.call(storage, key, value)
    },
  })
  const tabC = createJournalStorage(TEST_SCOPE, spy)
  const loaded = tabC.load()
  tabC.save([...loaded, makeEntry({ key: 'c' })])
  expect(writes).toEqual([journalEntryItemKey(TEST_SCOPE, 'c')])
})

test('corrupt JSON, foreign shapes and the wrong scope are ignored, not thrown', () => {
  for (const raw of ['{not json', 'null', '42', '"text"', '[]', JSON.stringify({ key: 'x' })]) {
    expect(parseStoredEntry(raw, TEST_SCOPE)).toBeNull()
  }
  const other = makeEntry({ key: 'r', scope: { environment: 'production', region: 'rijnmond' } })
  expect(parseStoredEntry(JSON.stringify(other), TEST_SCOPE)).toBeNull()
  const storage = new MemoryStorage()
  storage.setItem(journalEntryItemKey(TEST_SCOPE, 'bad'), '{garbage')
  storage.setItem(
    journalEntryItemKey(TEST_SCOPE, 'good'),
    JSON.stringify(makeEntry({ key: 'good' })),
  )
  // An entry stored under another entry's item is not trusted either.
  storage.setItem(journalEntryItemKey(TEST_SCOPE, 'moved'), JSON.stringify(makeEntry({ key: 'x' })))
  expect(
    createJournalStorage(TEST_SCOPE, storage)
      .load()
      .map((entry) => entry.key),
  ).toEqual(['good'])
})

test('a version 1 list is moved into items once; its bad entries and other scopes are left out', () => {
  const storage = new MemoryStorage()
  const good = makeEntry({ key: 'good' })
  const sandbox = makeEntry({ key: 's', scope: { environment: 'sandbox', region: 'utrecht' } })
  storage.setItem(
    legacyJournalKey(TEST_SCOPE),
    legacy([null, { ...makeEntry({ key: 'bad' }), phase: 'exploded' }, good, sandbox]),
  )
  expect(parseLegacyJournal(legacy([good], 2), TEST_SCOPE)).toEqual([])
  expect(createJournalStorage(TEST_SCOPE, storage).load()).toEqual([good])
  expect(storage.getItem(legacyJournalKey(TEST_SCOPE))).toBeNull()
  expect(createJournalStorage(TEST_SCOPE, storage).load()).toEqual([good])
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

test('an emptied journal removes its items', () => {
  const storage = new MemoryStorage()
  const journal = createJournalStorage(TEST_SCOPE, storage)
  journal.save([makeEntry()])
  journal.save([])
  expect(storage.length).toBe(0)
})

test('another tab’s change arrives through the storage event, parsed and scoped', () => {
  const journal = createJournalStorage(TEST_SCOPE, window.localStorage)
  const seen: ExternalChange[] = []
  const stop = journal.listen((change) => seen.push(change))
  const fire = (key: string | null, newValue: string | null) => {
    window.dispatchEvent(
      new StorageEvent('storage', { key, newValue, storageArea: window.localStorage }),
    )
  }
  const theirs = makeEntry({ key: 'from-other-tab' })
  fire(journalEntryItemKey(TEST_SCOPE, 'from-other-tab'), JSON.stringify(theirs))
  fire('some-other-key', JSON.stringify(makeEntry({ key: 'ignored' })))
  fire(journalEntryItemKey(TEST_SCOPE, 'broken'), '{garbage')
  fire(journalEntryItemKey(TEST_SCOPE, 'from-other-tab'), null)
  fire(null, null) // the other tab cleared storage
  stop()
  fire(journalEntryItemKey(TEST_SCOPE, 'after-stop'), JSON.stringify(makeEntry()))
  expect(seen).toEqual([
    { kind: 'entry', key: 'from-other-tab', entry: theirs },
    { kind: 'entry', key: 'broken', entry: null },
    { kind: 'entry', key: 'from-other-tab', entry: null },
    { kind: 'cleared' },
  ])
})
