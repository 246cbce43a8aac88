import { z } from 'zod'
import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import { performedAtInstant } from '@/mocks/dates'
import type { Dataset, StoredCandidate, StoredInteraction } from '@/mocks/state'

/** Read queries over one region+environment dataset. Writes go through the engine only. */

type SortKey = readonly [string, string, string]

/**
 * Candidates are listed by last name as Dutch lists do (ignoring the tussenvoegsel: "van der
 * Meer" under M), then first name, then id, so the order is total and stable across pages.
 */
export function candidateSortKey(candidate: StoredCandidate): SortKey {
  return [
    normalise(stripTussenvoegsel(candidate.lastName)),
    normalise(candidate.firstName),
    candidate.id,
  ]
}

const TUSSENVOEGSELS = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'in',
  'ter',
  'ten',
  'te',
  'op',
])

function stripTussenvoegsel(lastName: string): string {
  const words = lastName.split(/\s+/)
  let start = 0
  while (start < words.length - 1 && TUSSENVOEGSELS.has(words[start] ?? '')) start += 1
  return words.slice(start).join(' ')
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? ''
    const y = b[i] ?? ''
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

export function sortedCandidates(dataset: Dataset): StoredCandidate[] {
  return dataset.candidates
    .map((candidate) => ({ candidate, key: candidateSortKey(candidate) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ candidate }) => candidate)
}

/** Keyset pagination: the opaque cursor names the last item served, so inserts never shift pages. */
export function candidatePage(
  dataset: Dataset,
  pageSize: number,
  after: SortKey | null,
): { data: StoredCandidate[]; nextCursor: string | null } {
  const all = sortedCandidates(dataset)
  const rest = after
    ? all.filter((candidate) => compareKeys(candidateSortKey(candidate), after) > 0)
    : all
  const data = rest.slice(0, pageSize)
  const last = data[data.length - 1]
  const nextCursor = rest.length > pageSize && last ? encodeCursor(candidateSortKey(last)) : null
  return { data, nextCursor }
}

const cursorSchema = z.object({
  v: z.literal(1),
  after: z.tuple([z.string(), z.string(), z.string()]),
})

export function encodeCursor(after: SortKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ v: 1, after }))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** `null` when the cursor is not one this server made. */
export function decodeCursor(cursor: string): SortKey | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    const parsed = cursorSchema.safeParse(json)
    return parsed.success ? parsed.data.after : null
  } catch {
    return null
  }
}

export function getCandidate(dataset: Dataset, id: string): StoredCandidate | undefined {
  return dataset.candidates.find((candidate) => candidate.id === id)
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '')
}

/** [DOC] email wins; email case-insensitive; phone compares digits only. First in list order. */
export function findCandidate(
  dataset: Dataset,
  by: { email: string | null; phone: string | null },
): StoredCandidate | undefined {
  const candidates = sortedCandidates(dataset)
  if (by.email !== null) {
    const email = by.email.trim().toLowerCase()
    return candidates.find((candidate) => candidate.email.toLowerCase() === email)
  }
  if (by.phone === null) return undefined
  const digits = phoneDigits(by.phone)
  return candidates.find(
    (candidate) => typeof candidate.phone === 'string' && phoneDigits(candidate.phone) === digits,
  )
}

/** All of the candidate's interactions, newest `performedAt` first (contract order). */
export function candidateInteractions(dataset: Dataset, candidateId: string): StoredInteraction[] {
  return dataset.interactions
    .filter((interaction) => interaction.candidateId === candidateId)
    .sort(
      (a, b) =>
        performedAtInstant(b.performedAt) - performedAtInstant(a.performedAt) ||
        Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
        (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
}

/** [DOC] at most 100 records; [ASSUMED] which: the newest (see the contract). */
export function listedInteractions(dataset: Dataset, candidateId: string): StoredInteraction[] {
  return candidateInteractions(dataset, candidateId).slice(0, INTERACTIONS_LIST_LIMIT)
}
