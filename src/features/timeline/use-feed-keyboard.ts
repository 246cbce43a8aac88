import { useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react'

const NEXT_KEYS = new Set(['ArrowDown', 'j', 'PageDown'])
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k', 'PageUp'])

type FeedKeyboardOptions = {
  feedRef: RefObject<HTMLElement | null>
  /** The ids of the entries shown, in feed order. */
  order: readonly string[]
  onToggle: (id: string) => void
}

const entryIdOf = (element: Element) =>
  element.closest('article[data-entry-id]')?.getAttribute('data-entry-id') ?? null

/**
 * The WAI-ARIA feed's keyboard: one tab stop for the whole feed (roving tabindex), arrow keys,
 * j / k and Page Up / Down to move between entries (also from a button inside one), Home / End
 * on an entry to jump, Enter on an entry to open or close it. One listener on the feed.
 */
export function useFeedKeyboard({ feedRef, order, onToggle }: FeedKeyboardOptions) {
  const [activeId, setActiveId] = useState<string | null>(null)
  // The last entry the counsellor was on, else the first one shown.
  const tabStopId = activeId !== null && order.includes(activeId) ? activeId : (order[0] ?? null)

  function focusEntry(id: string | undefined) {
    if (!id) return
    const element = feedRef.current?.querySelector<HTMLElement>(
      `article[data-entry-id="${CSS.escape(id)}"]`,
    )
    if (!element) return
    setActiveId(id)
    element.focus()
    element.scrollIntoView({ block: 'nearest' })
  }

  function handleFocus(event: FocusEvent<HTMLElement>) {
    const id = entryIdOf(event.target)
    if (id && id !== activeId) setActiveId(id)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target
    if (!(target instanceof HTMLElement)) return
    const id = entryIdOf(target)
    if (id === null) return
    const isOnEntry = target.matches('article[data-entry-id]')
    const index = order.indexOf(id)
    let destination: string | undefined
    if (NEXT_KEYS.has(event.key)) destination = order[index + 1]
    else if (PREVIOUS_KEYS.has(event.key)) destination = order[index - 1]
    else if (event.key === 'Home' && isOnEntry) destination = order[0]
    else if (event.key === 'End' && isOnEntry) destination = order.at(-1)
    else if (event.key === 'Enter' && isOnEntry) {
      event.preventDefault()
      onToggle(id)
      return
    } else return
    event.preventDefault()
    focusEntry(destination)
  }

  return { tabStopId, handleFocus, handleKeyDown }
}
