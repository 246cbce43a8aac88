import type { CSSProperties, MouseEvent } from 'react'

/**
 * A form dialog leaves the screen in the render that shows its pending card (decision 0091).
 * Nothing should be animating when the counsellor lets go of the button that saves: Chromium
 * first draws a frame the page committed just before the click, and an animation running at the
 * press (the button's ripple, a field's label fading as it loses focus) keeps such frames coming.
 * For a click late in a frame, that puts the card one frame later. Decision 0098.
 */
export const leavingButtonProps = {
  /** The ripple would grow for half a second over a dialog that has already gone. */
  disableRipple: true,
  /**
   * Pressing with a pointer does not move focus: the field keeps it, so nothing in it changes
   * style (and transitions) under the press. Keyboard use is unchanged; focus goes back to the
   * opener once the dialog has left, or to the first field in error if it stays.
   */
  onMouseDown: (event: MouseEvent) => {
    event.preventDefault()
  },
} as const

/**
 * A kept-mounted dialog that has left is out of the layout, not only invisible: its fields'
 * transitions stop, and the frames after the Save do no style work for a hidden form.
 */
export function leftDialogStyle(isShown: boolean): CSSProperties | undefined {
  return isShown ? undefined : { display: 'none' }
}
