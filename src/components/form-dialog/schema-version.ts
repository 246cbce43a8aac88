/**
 * A short fingerprint of the schema a form was built from, stored with the journal entry: when a
 * region changes its schema, a failed change can be recognised as made against the old one.
 */
export function schemaVersion(schema: unknown): string {
  const text = schema === undefined ? '' : JSON.stringify(schema)
  // FNV-1a, 32 bit: cheap, stable, and enough to tell two versions of one schema apart.
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return `fnv1a-${(hash >>> 0).toString(16).padStart(8, '0')}`
}
