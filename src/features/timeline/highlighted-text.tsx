import { createContext, use } from 'react'
import { splitMatches } from '@/features/timeline/search-text'

/**
 * The search words to mark. A context, not a prop of the card: a keystroke then re-renders the
 * few hundred text runs that may change, not a hundred whole cards.
 */
export const SearchTermsContext = createContext<readonly string[]>([])

type HighlightedTextProps = {
  text: string
}

/** The text with the search words marked (<mark>, so screen readers can announce them too). */
export function HighlightedText({ text }: HighlightedTextProps) {
  const terms = use(SearchTermsContext)
  if (terms.length === 0) return text
  return splitMatches(text, terms).map((part, index) =>
    part.isMatch ? <mark key={index}>{part.text}</mark> : part.text,
  )
}
