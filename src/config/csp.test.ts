// @vitest-environment node
import { expect, test } from 'vitest'
import {
  connectSources,
  contentSecurityPolicy,
  isConnectAllowed,
  parseApiOrigins,
} from '@/config/csp'

test('the policy lets the page connect only to itself and the configured API origins', () => {
  const policy = contentSecurityPolicy(connectSources(parseApiOrigins('https://api.example.nl')))
  expect(policy).toContain("connect-src 'self' https://api.example.nl;")
  expect(policy).toContain("script-src 'self';")
  expect(policy).toContain("object-src 'none'")
  expect(policy).not.toContain('unsafe-eval')
  expect(policy).not.toContain('frame-ancestors') // ignored in a <meta> policy
})

test('VITE_API_ORIGIN takes one or more origins and refuses anything else', () => {
  expect(parseApiOrigins('https://a.example, https://b.example:8443/')).toEqual([
    'https://a.example',
    'https://b.example:8443',
  ])
  expect(() => parseApiOrigins('')).toThrow(/empty/)
  expect(() => parseApiOrigins('https://a.example/api/v2')).toThrow(/origin only/)
  expect(() => parseApiOrigins('ftp://a.example')).toThrow(/https/)
  expect(() => parseApiOrigins('a.example')).toThrow(/not a URL/)
})

test('connect-src matching: self, listed origins, nothing else; no policy allows all', () => {
  const connect = ["'self'", 'https://api.example.nl']
  const page = 'https://app.example.nl'
  expect(isConnectAllowed('https://api.example.nl/api/v2/schema', connect, page)).toBe(true)
  expect(isConnectAllowed('/api/v2/schema', connect, page)).toBe(true)
  expect(isConnectAllowed('https://evil.example/api/v2/schema', connect, page)).toBe(false)
  expect(isConnectAllowed('http://api.example.nl/api/v2/schema', connect, page)).toBe(false)
  expect(isConnectAllowed('https://evil.example/', [], page)).toBe(true)
})
