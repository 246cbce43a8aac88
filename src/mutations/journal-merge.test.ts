import { expect, test } from 'vitest'
import { mergeExternal } from '@/mutations/journal-merge'
import { makeEntry } from '@/mutations/test-support'

const keep = (keys: string[]) => (key: string) => keys.includes(key)

test('the other tab’s list wins, except where this tab has a newer version', () => {
  const mineNewer = makeEntry({ key: 'a', phase: 'confirmed', createdAt: 1, updatedAt: 20 })
  const theirsOlder = makeEntry({ key: 'a', phase: 'queued', createdAt: 1, updatedAt: 10 })
  const theirsNew = makeEntry({ key: 'b', createdAt: 5 })
  const merged = mergeExternal([mineNewer], [theirsOlder, theirsNew], keep([]))
  expect(merged.entries).toEqual([mineNewer, theirsNew])
  expect(merged.isStoredUpToDate).toBe(false)
})

test('an entry the other tab removed goes, unless this tab is still sending it', () => {
  const sending = makeEntry({ key: 'mine', createdAt: 1 })
  const dropped = makeEntry({ key: 'gone', createdAt: 2 })
  const merged = mergeExternal([sending, dropped], [], keep(['mine']))
  expect(merged.entries.map((entry) => entry.key)).toEqual(['mine'])
})

test('when nothing here is newer the result equals storage, so nothing is written back', () => {
  const same = makeEntry({ key: 'a', updatedAt: 10 })
  const merged = mergeExternal([same], [same], keep([]))
  expect(merged.isStoredUpToDate).toBe(true)
})
