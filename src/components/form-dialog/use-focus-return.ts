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
  // A layout effect runs before MUI's trap moves focus in (a passive effect), so the opener is
  // still the active element here.
  useLayoutEffect(() => {
    if (!isShown) return
    const opener = document.activeElement
    const dialog = dialogRef.current
    if (!(opener instanceof HTMLElement) || opener === document.body) return
    if (dialog?.contains(opener)) return
    return () => {
      afterNextPaint(() => {
        const active = document.activeElement
        const isUnclaimed =
          active === null || active === document.body || (dialog?.contains(active) ?? false)
        if (isUnclaimed && opener.isConnected) opener.focus()
      })
    }
  }, [isShown])
  return dialogRef
}
