/** A small seeded PRNG so the demo data is the same on every machine for the same seed. */
export type Random = () => number

/** mulberry32: 32-bit state, good enough spread for fake data, tiny and fast. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over the string: turns `utrecht:production` into a seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function seededRandom(text: string): Random {
  return mulberry32(hashString(text))
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

export function pick<T>(random: Random, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0]
}

/** `count` distinct items, in the list's own order. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, items.length)) {
    chosen.add(Math.floor(random() * items.length))
  }
  return items.filter((_, index) => chosen.has(index))
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Airtable-like record id: `rec` + 14 alphanumerics ([ASSUMED] in the contract). */
export function recordId(random: Random): string {
  let id = 'rec'
  for (let i = 0; i < 14; i += 1) id += ALPHANUMERIC.charAt(Math.floor(random() * 62))
  return id
}

export function hex(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16)
  return out
}
