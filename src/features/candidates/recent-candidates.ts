import { useEffect, useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import type { ApiScope } from '@/api/client'
import type { Candidate } from '@/api/contract'
import { candidateName } from '@/features/candidates/candidate-name'
import { parseJson } from '@/lib/json'

/**
 * The last few candidates this browser opened, per environment and region (a sandbox link must
 * never offer a production candidate). Only what a link needs is kept: id, name and e-mail.
 */
export type RecentCandidate = { id: string; name: string; email: string; openedAt: number }

export const MAX_RECENT = 6
const PREFIX = 'candidate-timeline.recent'
const recentSchema = z.array(
  z.object({
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    email: z.string(),
    openedAt: z.number(),
  }),
)

const storageKey = (scope: ApiScope) => `${PREFIX}.${scope.environment}.${scope.region}`
const listeners = new Set<() => void>()
const cache = new Map<string, { raw: string | null; value: RecentCandidate[] }>()
const EMPTY: RecentCandidate[] = []

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null // blocked (privacy settings): the feature simply remembers nothing
  }
}

function read(key: string): RecentCandidate[] {
  let raw: string | null = null
  try {
    raw = storage()?.getItem(key) ?? null
  } catch {
    raw = null
  }
  const cached = cache.get(key)
  if (cached && cached.raw === raw) return cached.value
  let value = EMPTY
  const json = raw ? parseJson(raw) : null
  // Garbage in storage: start again.
  const parsed = json?.ok ? recentSchema.safeParse(json.value) : null
  if (parsed?.success) value = parsed.data
  cache.set(key, { raw, value })
  return value
}

function write(key: string, value: RecentCandidate[]): void {
  try {
    if (value.length === 0) storage()?.removeItem(key)
    else storage()?.setItem(key, JSON.stringify(value))
  } catch {
    // Quota or blocked storage: not worth bothering the counsellor about.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Other tabs opening candidates show up here too.
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

export function rememberCandidate(scope: ApiScope, candidate: Candidate, now = Date.now()): void {
  const key = storageKey(scope)
  const entry: RecentCandidate = {
    id: candidate.id,
    name: candidateName(candidate),
    email: candidate.email,
    openedAt: now,
  }
  const rest = read(key).filter((recent) => recent.id !== candidate.id)
  write(key, [entry, ...rest].slice(0, MAX_RECENT))
}

export function forgetRecentCandidates(scope: ApiScope): void {
  write(storageKey(scope), [])
}

export function useRecentCandidates(scope: ApiScope): RecentCandidate[] {
  const key = storageKey(scope)
  return useSyncExternalStore(
    subscribe,
    () => read(key),
    () => EMPTY,
  )
}

/** Puts the candidate on top of the recent list once it has loaded. */
export function useRememberCandidate(scope: ApiScope, candidate: Candidate | undefined): void {
  const { environment, region } = scope
  useEffect(() => {
    if (candidate) rememberCandidate({ environment, region }, candidate)
  }, [candidate, environment, region])
}
