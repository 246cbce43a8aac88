/**
 * The one place for the two things every boundary does with JSON it did not make: tell a plain
 * object from everything else, and parse text without a try/catch at each call site. What the
 * value means is then checked with zod by the caller.
 */

/** A plain object (not `null`, not an array): what JSON calls an object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false }

/** `JSON.parse` that reports bad text as `{ ok: false }` instead of throwing. */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}
