import { useEffect, useRef, useState } from 'react'
import type { FieldValues, UseFormWatch } from 'react-hook-form'
import * as z from 'zod/mini'
import type { ApiScope } from '@/api/client'
import { isPartialValue } from '@/schema-form/date-values'
import { deepEqual } from '@/schema-form/json-value'
import { isRecord, parseJson } from '@/lib/json'

/**
 * Unsent form input kept in localStorage, per environment, region and subject (a candidate, or
 * "new candidate"), so a reload, a closed tab or a crash loses nothing. Read back through zod:
 * anything that does not parse is ignored, never trusted.
 */
export const DRAFT_STORAGE_PREFIX = 'candidate-timeline:draft:v1'
const SAVE_DELAY_MS = 400

export function draftStorageKey(scope: ApiScope, subject: string): string {
  return `${DRAFT_STORAGE_PREFIX}:${scope.environment}:${scope.region}:${subject}`
}

const storedDraftSchema = z.object({
  savedAt: z.int().check(z.nonnegative()),
  values: z.record(z.string(), z.unknown()),
})

export type FormDraft = {
  values: Record<string, unknown>
  savedAt: number
  /** Half-typed dates cannot be put back into a date field; they are dropped and counted. */
  droppedDates: number
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null // blocked (privacy settings): drafts are simply not kept
  }
}

/** The stored draft, if there is one that parses (with `values` also matching `valuesSchema`). */
export function readDraft(key: string, valuesSchema: z.core.$ZodType): FormDraft | null {
  let raw: string | null = null
  try {
    raw = storage()?.getItem(key) ?? null
  } catch {
    return null
  }
  if (raw === null) return null
  const json = parseJson(raw)
  if (!json.ok) return null
  const stored = storedDraftSchema.safeParse(json.value)
  if (!stored.success || !z.safeParse(valuesSchema, stored.data.values).success) return null
  const counter = { dropped: 0 }
  const values = withoutPartialDates(stored.data.values, counter)
  return {
    values: isRecord(values) ? values : {},
    savedAt: stored.data.savedAt,
    droppedDates: counter.dropped,
  }
}

export function writeDraft(key: string, values: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: Date.now(), values }))
  } catch {
    // Full or blocked storage: the form itself still holds everything.
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key)
  } catch {
    // nothing to do
  }
}

function withoutPartialDates(value: unknown, counter: { dropped: number }): unknown {
  if (isPartialValue(value)) {
    counter.dropped += 1
    return ''
  }
  if (Array.isArray(value)) return value.map((item) => withoutPartialDates(item, counter))
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, withoutPartialDates(item, counter)]),
    )
  }
  return value
}

export type UseFormDraftOptions = {
  /** The form's `watch`. */
  watch: UseFormWatch<FieldValues>
  /** Storage key (see draftStorageKey); null keeps no draft (e.g. while correcting a failed change). */
  storageKey: string | null
  /** The values a fresh form starts with: a form still showing exactly these keeps no draft. */
  freshValues: FieldValues
}

/**
 * Saves the form's values a moment after each change (and when the page is hidden or the form
 * closes). `clear()` forgets the draft — call it once the journal holds the change (its entry
 * keeps the values from then on); `resume()` if the change is refused and the form comes back.
 */
export function useFormDraft(options: UseFormDraftOptions) {
  const { watch, storageKey, freshValues } = options
  const isCleared = useRef(false)
  const pending = useRef<{ values: unknown } | null>(null)
  const [fresh] = useState(() => structuredClone(freshValues))

  useEffect(() => {
    if (storageKey === null) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      const next = pending.current
      pending.current = null
      if (next === null || isCleared.current) return
      if (deepEqual(next.values, fresh)) removeDraft(storageKey)
      else writeDraft(storageKey, next.values)
    }
    const subscription = watch((values) => {
      pending.current = { values: structuredClone(values) }
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(flush, SAVE_DELAY_MS)
    })
    window.addEventListener('pagehide', flush)
    return () => {
      subscription.unsubscribe()
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [watch, storageKey, fresh])

  return {
    clear: () => {
      isCleared.current = true
      pending.current = null
      if (storageKey !== null) removeDraft(storageKey)
    },
    /** Start over: drop the stored draft but keep saving what comes next. */
    discard: () => {
      pending.current = null
      if (storageKey !== null) removeDraft(storageKey)
    },
    /**
     * The form came back (a refused save after `clear()`): keep saving again, starting with
     * `values` now.
     */
    resume: (values: unknown) => {
      isCleared.current = false
      pending.current = null
      if (storageKey === null) return
      if (deepEqual(values, fresh)) removeDraft(storageKey)
      else writeDraft(storageKey, structuredClone(values))
    },
  }
}

/** Removes every draft of a scope (the connection it belongs to was removed). */
export function forgetDrafts(scope: ApiScope): void {
  const store = storage()
  if (!store) return
  const prefix = `${DRAFT_STORAGE_PREFIX}:${scope.environment}:${scope.region}:`
  try {
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index))
    for (const key of keys) if (key?.startsWith(prefix)) store.removeItem(key)
  } catch {
    // Blocked storage holds no drafts.
  }
}
