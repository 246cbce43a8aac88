import { useLayoutEffect, useRef, type RefObject } from 'react'
import { afterNextPaint } from '@/lib/after-next-paint'

/**
 * Gives focus back to whatever had it when the dialog opened (the button that opened it), like
 * MUI's focus trap does, but just after the frame that shows the dialog gone rather than inside
 * it. MUI's trap calls `focus()` in the render that closes the dialog, and that call makes the
 * browser lay the page out again there and then: on saving a form, the one frame that should
 * show the pending card paid for a second layout (decision 0090). Radix's and React Aria's focus
 * scopes also restore focus a moment later.
 *
 * Focus is given back only when nothing else took it meanwhile: it is on the page's body or
 * still inside this (now hidden) dialog. The dialog must pass MUI `disableRestoreFocus` and put
 * `dialogRef` on its root.
 */
export function useFocusReturn(isShown: boolean): RefObject<HTMLDivElement | null> {
  const dialogRef = useRef<HTMLDivElement | null>(null)
  useLayoutEffect(() => {
    if (!isShown) return
    // Read when needed: a dialog mounted open is in its portal only from the next commit.
    let dialog = dialogRef.current
    const isWithin = (node: Node) => {
      dialog = dialogRef.current ?? dialog
      return dialog?.contains(node) ?? false
    }
    const isOutside = (node: unknown): node is HTMLElement =>
      node instanceof HTMLElement && node !== document.body && !isWithin(node)
    // A layout effect runs before MUI's trap moves focus in (a passive effect): what has focus
    // now opened the dialog, unless it was another dialog standing in while this one loaded.
    let opener: HTMLElement | null = isOutside(document.activeElement)
      ? document.activeElement
      : null
    let hasEntered = false
    // So, like MUI's trap, the first time focus comes in from outside, where it came from is the
    // opener (a loading dialog has given focus back to the button by then).
    const handleFocusIn = (event: FocusEvent) => {
      if (hasEntered || !(event.target instanceof Node) || !isWithin(event.target)) return
      hasEntered = true
      if (isOutside(event.relatedTarget)) opener = event.relatedTarget
    }
    document.addEventListener('focusin', handleFocusIn, true)
    return () => {
      document.removeEventListener('focusin', handleFocusIn, true)
      const target = opener
      if (target === null) return
      afterNextPaint(() => {
        const active = document.activeElement
        const isUnclaimed = active === null || active === document.body || isWithin(active)
        if (isUnclaimed && target.isConnected) target.focus()
      })
    }
  }, [isShown])
  return dialogRef
}
