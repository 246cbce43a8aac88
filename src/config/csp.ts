/**
 * The Content-Security-Policy of a production build (a `<meta>` tag injected by vite.config.ts),
 * and the one rule the connection test needs from it: which origins `connect-src` lets the page
 * talk to. Pure, so the build, the app and the tests share it (see docs/decisions/0013).
 */

/** Parses `VITE_API_ORIGIN`: one or more http(s) origins, space or comma separated. */
export function parseApiOrigins(value: string): string[] {
  const parts = value.split(/[\s,]+/).filter(Boolean)
  if (parts.length === 0) throw new Error('VITE_API_ORIGIN is empty: name the API origin.')
  return parts.map((part) => {
    let url: URL
    try {
      url = new URL(part)
    } catch {
      throw new Error(
        `VITE_API_ORIGIN: "${part}" is not a URL (expected e.g. https://api.example.nl).`,
      )
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`VITE_API_ORIGIN: "${part}" must start with https:// or http://.`)
    if (url.origin !== part.replace(/\/$/, ''))
      throw new Error(`VITE_API_ORIGIN: "${part}" must be an origin only, without a path.`)
    return url.origin
  })
}

/** `'self'` (a relay on the app's own origin) plus the configured API origins. */
export function connectSources(apiOrigins: readonly string[]): string[] {
  return ["'self'", ...apiOrigins]
}

/**
 * Everything from the app's own origin; styles may be inline because Emotion (MUI) injects
 * `<style>` elements at runtime; images and fonts may be `data:` (favicon, inlined small assets);
 * no plugins, no `<base>` hijacking, forms only to ourselves. `frame-ancestors` cannot be set in
 * a `<meta>` tag (browsers ignore it there): send it as a header where the host allows.
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}

/** Whether `connect-src` lets the page fetch `url` (an empty list: the build has no CSP). */
export function isConnectAllowed(
  url: string,
  connect: readonly string[],
  pageOrigin: string,
): boolean {
  if (connect.length === 0) return true
  let origin: string
  try {
    origin = new URL(url, pageOrigin).origin
  } catch {
    return false
  }
  return connect.some((source) => (source === "'self'" ? origin === pageOrigin : origin === source))
}
