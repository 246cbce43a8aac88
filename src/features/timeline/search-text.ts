/**
 * Search that forgives case and accents: "orienteren" finds "Oriënteren", "CV" finds "cv".
 * Each character folds on its own, so a match in the folded text maps back to the original
 * characters for highlighting.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function foldChar(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  let index = 0
  for (const char of text) {
    const part = foldChar(char)
    for (let i = 0; i < part.length; i += 1) origin.push(index)
    folded += part
    index += char.length
  }
  origin.push(index)
  return { folded, origin }
}

/** The words of a search query, folded; empty when there is nothing to search for. */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((term) => term.length > 0)
}

/** True when every term occurs in the folded haystack. */
export function matchesTerms(foldedHaystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedHaystack.includes(term))
}

export type TextPart = { text: string; isMatch: boolean }

/** Splits `text` into plain and matching stretches for highlighting (overlaps merged). */
export function splitMatches(text: string, terms: readonly string[]): TextPart[] {
  if (terms.length === 0 || text === '') return [{ text, isMatch: false }]
  const { folded, origin } = foldWithMap(text)
  const ranges: [number, number][] = []
  for (const term of terms) {
    let at = folded.indexOf(term)
    while (at !== -1) {
      ranges.push([origin[at] ?? 0, origin[at + term.length] ?? text.length])
      at = folded.indexOf(term, at + term.length)
    }
  }
  if (ranges.length === 0) return [{ text, isMatch: false }]
  ranges.sort((a, b) => a[0] - b[0])
  const parts: TextPart[] = []
  let cursor = 0
  let current: [number, number] | null = null
  const flush = () => {
    if (!current) return
    if (current[0] > cursor) parts.push({ text: text.slice(cursor, current[0]), isMatch: false })
    parts.push({ text: text.slice(current[0], current[1]), isMatch: true })
    cursor = current[1]
  }
  for (const range of ranges) {
    if (current && range[0] <= current[1]) current[1] = Math.max(current[1], range[1])
    else {
      flush()
      current = [...range]
    }
  }
  flush()
  if (cursor < text.length) parts.push({ text: text.slice(cursor), isMatch: false })
  return parts
}
