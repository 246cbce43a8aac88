import * as z from 'zod/mini'
import { SANDBOX_MODES, type SandboxMode } from '@/api/contract'
import { baseUrlSchema } from '@/config/base-url'
import type { Connection } from '@/config/connection-types'
import { parseJson } from '@/lib/json'

/**
 * Where an upstream API key may live: `session` = sessionStorage (survives a reload, gone when
 * the tab closes), `memory` = this page only (a reload asks for it again). Never localStorage.
 */
export const KEY_STORAGES = ['session', 'memory'] as const
export type KeyStorage = (typeof KEY_STORAGES)[number]

export type StoredConnection = {
  connection: Connection
  sandboxMode: SandboxMode
  keyStorage: KeyStorage
}

// sessionStorage, not localStorage: an upstream API key must not outlive the browser session.
export const CONNECTION_STORAGE_KEY = 'candidate-timeline.connection'

const storedSchema = z.object({
  connection: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('mock'),
      region: z.string().check(z.minLength(1)),
      apiKey: z.string().check(z.minLength(1)),
    }),
    z.object({
      kind: z.literal('upstream'),
      origin: baseUrlSchema,
      // Empty when the key was kept in memory only.
      apiKey: z.string(),
      region: z.string().check(z.minLength(1)),
      regionName: z.optional(z.string().check(z.minLength(1))),
    }),
    z.object({
      kind: z.literal('relay'),
      region: z.string().check(z.minLength(1)),
      subject: z.string(),
    }),
  ]),
  sandboxMode: z.enum(SANDBOX_MODES),
  keyStorage: z._default(z.enum(KEY_STORAGES), 'session'),
})

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null // storage disabled: choices hold for this page only
  }
}

export function readStoredConnection(): StoredConnection | null {
  try {
    const raw = sessionStore()?.getItem(CONNECTION_STORAGE_KEY)
    if (!raw) return null
    const json = parseJson(raw)
    const parsed = json.ok ? storedSchema.safeParse(json.value) : null
    return parsed?.success ? parsed.data : null // garbage: start from the defaults
  } catch {
    return null // storage disabled
  }
}

/** Writes the choice; with `keyStorage: 'memory'` an upstream key is left out. */
export function writeStoredConnection(value: StoredConnection): void {
  const connection =
    value.connection.kind === 'upstream' && value.keyStorage === 'memory'
      ? { ...value.connection, apiKey: '' }
      : value.connection
  try {
    sessionStore()?.setItem(CONNECTION_STORAGE_KEY, JSON.stringify({ ...value, connection }))
  } catch {
    // Quota or privacy mode: the choice still holds for this page.
  }
}
