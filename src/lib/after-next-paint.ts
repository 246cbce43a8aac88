import { startTransition } from 'react'

/** How long a hidden tab, which draws no frames, waits instead of the next paint. */
const HIDDEN_TAB_FALLBACK_MS = 100

/**
 * Runs `run` once, just after the browser has painted its next frame (a task queued from that
 * frame's `requestAnimationFrame`), or after a short wait in a tab that draws no frames.
 *
 * For work a click causes that must not delay the frame that shows its result (decision 0090).
 */
export function afterNextPaint(run: () => void): void {
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
}

/**
 * `startTransition` once the next frame is painted, for state a click changes that nothing in
 * that frame shows (e.g. a dialog host releasing a request whose dialog has already left).
 *
 * Inside the click it cost twice: React 19 reads a transition started while a form's `submit`
 * event is dispatched as that form's action (`useFormStatus`), so it copied every field of the
 * form into a `FormData` and rendered the form as pending within the click; and the transition's
 * render slices ran between the click and the frame. The caller must check, when `update` runs,
 * that what it changes still holds: an answer may have come in between.
 */
export function startTransitionAfterPaint(update: () => void): void {
  afterNextPaint(() => {
    startTransition(update)
  })
}
