import { useLayoutEffect, useRef, type RefObject } from 'react'
import { afterNextPaint } from '@/lib/after-next-paint'

/**
 * The one owner of focus for the form dialogs (log, edit, delete, new candidate, and the loading
 * dialogs that stand in while a form's code or schema comes). Decision 0091.
 *
 * MUI's focus trap gives focus back to the opener inside the render that closes its dialog. On
 * Save that render also shows the pending card, and the `focus()` made the browser lay out the
 * whole page there and then. The dialogs here pass `disableRestoreFocus`, and this module gives
 * focus back instead, just after the next paint. Because one module knows every form dialog:
 *
 * - focus goes back only when the last form dialog on screen has left; a dialog that takes over
 *   from another (a loading dialog replaced by its form) takes over its opener;
 * - a pending return is cancelled the moment any form dialog opens or comes back (a refused save
 *   brings its form back, and focus then belongs to the field in error);
 * - focus the user (or the page) put somewhere meanwhile is never taken back: focus goes back
 *   only while it is on nothing (the page's body) or still inside the dialog that left.
 */

type Shown = {
  /** Where focus goes back when this dialog leaves. */
  opener: HTMLElement | null
  contains: (node: Node) => boolean
}

type PendingReturn = { target: HTMLElement; from: Shown; cancel: () => void }

const shown = new Set<Shown>()
let pending: PendingReturn | null = null

const isNothing = (node: Element | null) => node === null || node === node.ownerDocument.body

function cancelPending(): PendingReturn | null {
  const cancelled = pending
  cancelled?.cancel()
  pending = null
  return cancelled
}

/** A form dialog is on screen: cancel any return, and find out where its own goes. */
function enter(self: Shown['contains']): Shown {
  const active = document.activeElement
  const cancelled = cancelPending()
  const standIn = active === null ? undefined : [...shown].find((other) => other.contains(active))
  let opener: HTMLElement | null = null
  // Another form dialog holds focus (a loading dialog still up while its form mounts).
  if (standIn) opener = standIn.opener
  // Focus is on nothing or in the dialog that just left: a dialog taking over from it (the form
  // after its loading dialog), or the same dialog back after a refusal.
  else if (
    isNothing(active) ||
    (active !== null && (self(active) || cancelled?.from.contains(active)))
  )
    opener = cancelled?.target ?? null
  // Focus is on the page: what opened this dialog.
  else if (active instanceof HTMLElement) opener = active
  const entry: Shown = { opener, contains: self }
  shown.add(entry)
  return entry
}

/** A form dialog left the screen: give focus back after the next paint, if it was the last. */
function leave(entry: Shown): void {
  shown.delete(entry)
  const target = entry.opener
  if (shown.size > 0 || target === null) return
  cancelPending()
  const scheduled: PendingReturn = {
    target,
    from: entry,
    cancel: afterNextPaint(() => {
      if (pending !== scheduled) return
      pending = null
      const active = document.activeElement
      const isUnclaimed = isNothing(active) || (active !== null && entry.contains(active))
      if (isUnclaimed && target.isConnected) target.focus()
    }),
  }
  pending = scheduled
}

/**
 * Registers a form dialog with the focus owner while `isShown`. Put the returned ref on the MUI
 * `Dialog` (its root), and give that `Dialog` `disableRestoreFocus`.
 */
export function useFocusOwner(isShown: boolean): RefObject<HTMLDivElement | null> {
  const root = useRef<HTMLDivElement | null>(null)
  // A layout effect runs before MUI's trap moves focus into the dialog (a passive effect), so
  // what has focus now is still what opened it.
  useLayoutEffect(() => {
    if (!isShown) return
    // Read when asked: a dialog mounted open is in its portal only from the next commit, and
    // one that unmounted has no root any more (what had focus in it has lost it with it).
    let last: HTMLDivElement | null = null
    const contains = (node: Node) => {
      last = root.current ?? last
      return last?.contains(node) ?? false
    }
    const entry = enter(contains)
    return () => {
      leave(entry)
    }
  }, [isShown])
  return root
}
