// @vitest-environment node
import { expect, test } from 'vitest'
import { baseUrlSchema, hostOf, isLoopbackHost, parseBaseUrl } from '@/config/base-url'

test('a typed API address becomes the base URL the client puts before /api/v2', () => {
  expect(parseBaseUrl(' https://onderwijsregio.onderwijsin.nl/ ')).toEqual({
    ok: true,
    baseUrl: 'https://onderwijsregio.onderwijsin.nl',
  })
  expect(parseBaseUrl('https://onderwijsregio.onderwijsin.nl/api/v2')).toEqual({
    ok: true,
    baseUrl: 'https://onderwijsregio.onderwijsin.nl',
  })
  expect(parseBaseUrl('https://relay.example/onderwijsregio/api/sandbox/')).toEqual({
    ok: true,
    baseUrl: 'https://relay.example/onderwijsregio',
  })
  expect(parseBaseUrl('http://127.0.0.1:9')).toEqual({ ok: true, baseUrl: 'http://127.0.0.1:9' })
})

test('an address that cannot be an API base is refused with the reason', () => {
  expect(parseBaseUrl('')).toEqual({ ok: false, problem: 'empty' })
  expect(parseBaseUrl('onderwijsregio.nl')).toEqual({ ok: false, problem: 'not-a-url' })
  expect(parseBaseUrl('ftp://example.nl')).toEqual({ ok: false, problem: 'protocol' })
  expect(parseBaseUrl('https://user:secret@example.nl')).toEqual({
    ok: false,
    problem: 'credentials',
  })
  expect(parseBaseUrl('https://example.nl/?x-api-key=abc')).toEqual({ ok: false, problem: 'query' })
  expect(parseBaseUrl('https://example.nl/#key')).toEqual({ ok: false, problem: 'query' })
  expect(baseUrlSchema.safeParse('nope').success).toBe(false)
})

test('loopback hosts and hosts of base URLs are recognised', () => {
  expect(isLoopbackHost('localhost')).toBe(true)
  expect(isLoopbackHost('127.0.0.1')).toBe(true)
  expect(isLoopbackHost('[::1]')).toBe(true)
  expect(isLoopbackHost('example.nl')).toBe(false)
  expect(hostOf('https://relay.example:8443/path')).toBe('relay.example:8443')
})
