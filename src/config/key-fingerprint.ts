/**
 * A short, stable, non-secret tag of an upstream connection's key, so everything kept per
 * connection (query cache keys, the journal, drafts, recent candidates) changes with the key:
 * pending writes and cached personal data of one key never show or go out under another.
 *
 * cyrb53 (a public-domain 53-bit string hash) cut to 32 bits: synchronous, because the scope is
 * computed while rendering (Web Crypto's digest is async), and short on purpose — it only has to
 * tell a handful of keys apart in one browser, and a short tag says less about the key. It is
 * not a secret-keeping device: the key itself never goes into a storage key, URL or log.
 */
export function keyFingerprint(origin: string, apiKey: string): string {
  const text = `${origin}\n${apiKey}`
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  // The low 32 bits of cyrb53's 4294967296 * (2097151 & h2) + (h1 >>> 0).
  return (h1 >>> 0).toString(16).padStart(8, '0')
}
