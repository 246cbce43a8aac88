/**
 * A `mailto:` link for one address (RFC 6068). The address is data, not URL syntax: a `?`, `&`
 * or `#` in it would otherwise start headers (`?cc=…&body=…`) or a fragment, a `%` would be read
 * as an escape, and `+`, spaces and quotes are mangled by some mail clients. Each side of the last
 * `@` is percent-encoded; the `@` itself stays, so a plain address reads as it is.
 */
export function mailtoHref(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 0) return `mailto:${encodeURIComponent(address)}`
  const local = address.slice(0, at)
  const domain = address.slice(at + 1)
  return `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain)}`
}
