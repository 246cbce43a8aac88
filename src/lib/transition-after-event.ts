import { startTransition } from 'react'

/**
 * `startTransition`, begun just after the current event's handlers (a microtask) instead of
 * inside them.
 *
 * React 19 reads a transition started while a form's `submit` event is dispatched as that form's
 * action (for `useFormStatus`): it copies every field of the form into a `FormData` and renders
 * the form as pending, all inside the click. With a ten-row interaction form that cost more than
 * rendering the pending card itself (decision 0090). Nothing here reads the form's status. A
 * microtask runs after React's dispatch has finished, and still before any answer to the click
 * can arrive, so updates keep the order they had.
 */
export function startTransitionAfterEvent(update: () => void): void {
  queueMicrotask(() => {
    startTransition(update)
  })
}
