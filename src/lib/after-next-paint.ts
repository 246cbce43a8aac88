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
