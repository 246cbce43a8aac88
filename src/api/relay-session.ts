/**
 * [OURS] `GET /auth/session` of our relay: who is signed in and which regions they may use.
 * Only read when the app finds itself served by a relay (config/relay-start.ts, a lazy chunk).
 */
import * as z from 'zod/mini'

const actorRegionSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  sandbox: z.boolean(),
})

export const relaySessionSchema = z.looseObject({
  subject: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  regions: z.array(actorRegionSchema),
  defaultRegion: z.string().check(z.minLength(1)),
  roles: z.array(z.string()),
  idleExpiresAt: z.iso.datetime({ offset: true }),
  absoluteExpiresAt: z.iso.datetime({ offset: true }),
  csrfHeader: z.string(),
})
export type RelaySession = z.infer<typeof relaySessionSchema>

/** The relay's 401 at `/auth/session`: nobody is signed in. */
export const relaySignedOutSchema = z.looseObject({
  error: z.literal('unauthenticated'),
  message: z.string(),
  login: z.optional(z.string()),
})
