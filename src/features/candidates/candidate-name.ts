import type { Candidate } from '@/api/contract'

/** "First Last", tolerating an empty part (the upstream does not require both). */
export function candidateName(candidate: Pick<Candidate, 'firstName' | 'lastName'>): string {
  return [candidate.firstName, candidate.lastName].filter((part) => part.trim() !== '').join(' ')
}
