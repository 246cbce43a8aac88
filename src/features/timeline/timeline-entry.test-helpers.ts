import type { Interaction } from '@/api/contract'
import { entriesFromInteractions, type TimelineEntry } from '@/features/timeline/timeline-entry'

/** Test data for the timeline's tests (never imported by app code). */
export function interaction(
  fields: Partial<Interaction> & Pick<Interaction, 'id'>,
  candidateId = 'recCandidate0001',
): Interaction {
  return {
    candidateId,
    type: ['Telefonisch'],
    performedAt: '2025-05-01',
    createdAt: '2025-05-01T08:00:00Z',
    updatedAt: '2025-05-01T08:00:00Z',
    ...fields,
  }
}

export function entry(fields: Partial<Interaction> & Pick<Interaction, 'id'>): TimelineEntry {
  const [made] = entriesFromInteractions([interaction(fields)])
  if (!made) throw new Error('one interaction makes one entry')
  return made
}
