import type { Interaction } from '@/api/contract'
import { performedAtSortKey } from '@/lib/format'

/** Newest first by `performedAt`; ties by `createdAt` (newest first), as the upstream cuts. */
export function sortNewestFirst(interactions: Interaction[]): Interaction[] {
  return interactions.toSorted(
    (a, b) =>
      performedAtSortKey(b.performedAt) - performedAtSortKey(a.performedAt) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  )
}
