import { useEffect, useRef, useState } from 'react'
import { startTransitionAfterPaint } from '@/lib/after-next-paint'

/** One dialog the host renders: the open request, or one whose change is on its way. */
export type DialogSlot<R> = {
  /** A stable React key: the same dialog keeps its state while it moves between the two. */
  id: number
  request: R
  /** The host's open request (false: journaled, hidden until its answer comes back). */
  isCurrent: boolean
}

const ids = new WeakMap<object, number>()
let lastId = 0
function idOf(request: object): number {
  let id = ids.get(request)
  if (id === undefined) {
    lastId += 1
    id = lastId
    ids.set(request, id)
  }
  return id
}

/**
 * A dialog host's dialogs. A form that journaled its change leaves the host's open request (so
 * the counsellor can open the next one) but stays mounted, hidden, until the first answer: a 202
 * ends it (`finish`), a refusal brings the same form back with what was typed.
 */
export function useDialogSlots<R extends object>(
  request: R | null,
  onClose: () => void,
  /** false: the open request stays until the answer (a host that unmounts on `onClose`). */
  releaseOnJournaled = true,
) {
  const [submitted, setSubmitted] = useState<readonly R[]>([])
  // The callbacks run after renders (a submit's answer): they read what is true then.
  const latest = useRef({ submitted, request, onClose })
  /** Journaled, its release waiting for the frame that shows the dialog gone. */
  const releasing = useRef(new Set<R>())
  useEffect(() => {
    latest.current = { ...latest.current, request, onClose }
  })
  const update = (next: readonly R[]) => {
    latest.current = { ...latest.current, submitted: next }
    setSubmitted(next)
  }

  const slots: DialogSlot<R>[] = submitted.map((item) => ({
    id: idOf(item),
    request: item,
    isCurrent: false,
  }))
  if (request !== null && !submitted.includes(request))
    slots.push({ id: idOf(request), request, isCurrent: true })

  return {
    slots,
    /** The change is journaled: free the open request, keep the dialog mounted. */
    journaled: (item: R) => {
      if (latest.current.submitted.includes(item)) return
      // Kept in the list at once (an urgent update, in the render that shows the pending card;
      // the host alone re-renders, its dialogs are memoised). Were it part of the release below,
      // a click opening the next dialog while that transition waits would render on a list
      // without this dialog, unmount it, and lose the form a refusal comes back to.
      update([...latest.current.submitted, item])
      if (!releaseOnJournaled) return
      releasing.current.add(item)
      // Not urgent: the dialog has left already (its presence), in the frame that shows the
      // pending card; the page re-renders for the freed request once that frame is painted. An
      // answer may come first: a 202 finishes the dialog (nothing left to release); a refusal
      // brings the form back, still in the list, and the page still lets its request go.
      startTransitionAfterPaint(() => {
        // Finished meanwhile (its 202 came first, or it was closed): nothing left to release.
        if (!releasing.current.delete(item)) return
        if (latest.current.request === item) latest.current.onClose()
      })
    },
    /** The dialog is done (saved or closed). */
    finish: (item: R) => {
      releasing.current.delete(item)
      const current = latest.current
      if (current.submitted.includes(item))
        update(current.submitted.filter((other) => other !== item))
      if (current.request === item) current.onClose()
    },
  }
}
