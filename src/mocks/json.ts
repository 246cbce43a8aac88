import { z } from 'zod'

/** JSON values as the mock stores them (everything it holds must survive `JSON.stringify`). */
export const jsonValueSchema = z.json()
export const jsonObjectSchema = z.record(z.string(), jsonValueSchema)
export type JsonObject = z.infer<typeof jsonObjectSchema>
