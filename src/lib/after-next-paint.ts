import { startTransition } from 'react'

/** How long a hidden tab, which draws no frames, waits instead of the next paint. */
const HIDDEN_TAB_FALLBACK_MS = 100

/**
 * Runs `run` once, just after the browser has painted its next frame (a task queued from that
 * frame's `requestAnimationFrame`), or after a short wait in a tab that draws no frames. Returns
 * a function that cancels it.
 *
 * For work a click causes that must not delay the frame showing its result (decision 0091).
 */
export function afterNextPaint(run: () => void): () => void {
  let isDone = false
  const once = () => {
    if (isDone) return
    isDone = true
    run()
  }
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => {
      setTimeout(once, 0)
    })
  setTimeout(once, HIDDEN_TAB_FALLBACK_MS)
  return () => {
    isDone = true
  }
}

/**
 * `startTransition` once the next frame is painted, for state a click changes that nothing in
 * that frame shows (a dialog host's page releasing a request whose dialog has already left, a
 * form's "submitting" while it is hidden).
 *
 * Inside the click it cost twice (decision 0090): React 19 reads a transition started while a
 * form's `submit` event is dispatched as that form's action (for `useFormStatus`), so it copied
 * every field of the form into a `FormData` and rendered the form as pending; and a transition
 * started just after the event still rendered its slices in the tasks before the frame. The
 * caller must check, when `update` runs, that what it changes still holds: an answer may have
 * come in between.
 */
export function startTransitionAfterPaint(update: () => void): void {
  afterNextPaint(() => {
    startTransition(update)
  })
}
