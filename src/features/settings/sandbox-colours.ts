/**
 * The sandbox's own colours, the same in light and dark mode so it can never be mistaken for
 * production: amber hazard stripes with black text (contrast above 9:1 on either stripe).
 */
export const SANDBOX_AMBER = '#ffb300'
export const SANDBOX_STRIPES = `repeating-linear-gradient(-45deg, #ffc107 0 14px, ${SANDBOX_AMBER} 14px 28px)`
export const SANDBOX_TEXT = '#000'

/** A small amber square with "S": the browser tab's icon while in sandbox. */
export const SANDBOX_FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#ffb300"/><text x="8" y="12.5" font-family="Arial" font-size="12" font-weight="bold" text-anchor="middle">S</text></svg>',
)}`
