import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, test } from 'vitest'
import {
  ConnectionProvider,
  environmentFromSearch,
  mockConnection,
  useApi,
  useConnection,
  type Connection,
} from '@/config/connection'
import { CONNECTION_STORAGE_KEY } from '@/config/connection-storage'
import { apiKeys } from '@/api/query-options'
import { draftStorageKey } from '@/components/form-dialog/form-draft'
import { journalStorageKey } from '@/mutations/journal-storage-key'

function wrapper({ children }: { children: ReactNode }) {
  return <ConnectionProvider initialEnvironment="production">{children}</ConnectionProvider>
}

function storedText(storage: Storage): string {
  return Array.from({ length: storage.length }, (_, index) => {
    const key = storage.key(index)
    return key === null ? '' : `${key}=${storage.getItem(key) ?? ''}`
  }).join('\n')
}

function useBoth() {
  return { state: useConnection(), api: useApi() }
}

test('the app starts on the demo backend with the first demo region', () => {
  const { result } = renderHook(useBoth, { wrapper })

  expect(result.current.state.connection).toEqual({
    kind: 'mock',
    region: 'utrecht',
    apiKey: 'demo-utrecht',
  })
  expect(result.current.state.regionName).toBe('Onderwijsregio Utrecht')
  expect(result.current.api.url('/candidates')).toBe('/api/v2/candidates')
  expect(result.current.api.headers('application/json').get('x-api-key')).toBe('demo-utrecht')
})

test('an upstream API key is kept in sessionStorage only, never in localStorage', () => {
  const { result } = renderHook(useBoth, { wrapper })

  act(() => {
    result.current.state.setConnection({
      kind: 'upstream',
      origin: 'https://relay.example',
      apiKey: 'secret-key-123',
      region: 'utrecht',
    })
  })

  expect(result.current.api.url('/candidates')).toBe('https://relay.example/api/v2/candidates')
  expect(result.current.api.headers('application/json').get('x-api-key')).toBe('secret-key-123')
  expect(storedText(window.localStorage)).not.toContain('secret-key-123')
  expect(window.location.href).not.toContain('secret-key-123')
  expect(storedText(window.sessionStorage)).toContain('secret-key-123')
})

test('sandbox goes by header or by prefix, as chosen', () => {
  const { result } = renderHook(useBoth, { wrapper })

  act(() => {
    result.current.state.setEnvironment('sandbox')
  })
  expect(result.current.api.headers('application/json').get('x-api-sandbox')).toBe('true')
  expect(result.current.api.scope).toEqual({ environment: 'sandbox', region: 'utrecht' })

  act(() => {
    result.current.state.setSandboxMode('prefix')
  })
  expect(result.current.api.url('/candidates')).toBe('/api/sandbox/candidates')
  expect(result.current.api.headers('application/json').has('x-api-sandbox')).toBe(false)
})

test('a link with ?sandbox=1 opens the sandbox', () => {
  expect(environmentFromSearch('?sandbox=1')).toBe('sandbox')
  expect(environmentFromSearch('?sandbox=0')).toBe('production')
  expect(environmentFromSearch('')).toBe('production')
})

test('a key kept in memory only is never written anywhere, and is asked for again after a reload', () => {
  const { result, unmount } = renderHook(useBoth, { wrapper })
  act(() => {
    result.current.state.setConnection(
      {
        kind: 'upstream',
        origin: 'https://relay.example',
        apiKey: 'memory-only-key-456',
        region: 'utrecht',
        regionName: 'Onderwijsregio Utrecht',
      },
      { keyStorage: 'memory' },
    )
  })
  expect(result.current.api.headers('application/json').get('x-api-key')).toBe(
    'memory-only-key-456',
  )
  expect(storedText(window.sessionStorage)).not.toContain('memory-only-key-456')
  expect(storedText(window.localStorage)).not.toContain('memory-only-key-456')
  unmount()

  // A reload: the address and region are remembered, the key is not.
  const reloaded = renderHook(useBoth, { wrapper })
  expect(reloaded.result.current.state.connection).toMatchObject({
    kind: 'upstream',
    origin: 'https://relay.example',
    apiKey: '',
  })
  expect(reloaded.result.current.state.needsSetup).toBe(true)
  expect(reloaded.result.current.state.keyStorage).toBe('memory')
})

test('demo data and each upstream never share a cache key or journal namespace', () => {
  const { result } = renderHook(useBoth, { wrapper })
  expect(result.current.api.scope.region).toBe('utrecht')
  act(() => {
    result.current.state.setConnection({
      kind: 'upstream',
      origin: 'https://relay.example',
      apiKey: 'k',
      region: 'utrecht',
    })
  })
  expect(result.current.api.scope.environment).toBe('production')
  expect(result.current.api.scope.region).toMatch(/^upstream:https:\/\/relay\.example:utrecht:/)
  expect(result.current.state.regionName).toBe('utrecht')
})

test('another API key is another scope (cache keys, journal, drafts), and the key never shows in it', () => {
  const upstream = (apiKey: string, origin = 'https://relay.example') => ({
    kind: 'upstream' as const,
    origin,
    apiKey,
    region: 'utrecht', // a typed region name: the API did not say which region the key opens
  })
  const scopeOf = (connection: Connection) => {
    const { result } = renderHook(useBoth, {
      wrapper: ({ children }: { children: ReactNode }) => (
        <ConnectionProvider initialEnvironment="production" initialConnection={connection}>
          {children}
        </ConnectionProvider>
      ),
    })
    return result.current.api.scope.region
  }
  const first = scopeOf(upstream('secret-key-number-one'))
  expect(scopeOf(upstream('secret-key-number-one'))).toBe(first) // stable across reloads
  expect(scopeOf(upstream('secret-key-number-two'))).not.toBe(first)
  expect(scopeOf(upstream('secret-key-number-one', 'https://other.example'))).not.toBe(first)
  expect(first).not.toContain('secret')
  expect(first).not.toContain('number')
  // Whoever changes the key in the running app gets the new scope at once.
  const { result } = renderHook(useBoth, { wrapper })
  act(() => {
    result.current.state.setConnection(upstream('secret-key-number-one'))
  })
  expect(result.current.api.scope.region).toBe(first)
  act(() => {
    result.current.state.setConnection(upstream('secret-key-number-two'))
  })
  const second = result.current.api.scope
  expect(second.region).not.toBe(first)
  // Every store kept per scope follows it: query cache, journal and drafts.
  const firstScope = { environment: 'production', region: first } as const
  expect(apiKeys.scope(second)).not.toEqual(apiKeys.scope(firstScope))
  expect(journalStorageKey(second)).not.toBe(journalStorageKey(firstScope))
  expect(draftStorageKey(second, 'new-candidate')).not.toBe(
    draftStorageKey(firstScope, 'new-candidate'),
  )
})

test('a production build (no mock) starts at the configured API without a key', () => {
  window.sessionStorage.setItem(
    CONNECTION_STORAGE_KEY,
    JSON.stringify({ connection: mockConnection(), sandboxMode: 'header' }),
  )
  const { result } = renderHook(useBoth, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <ConnectionProvider initialEnvironment="production" isMockAvailable={false}>
        {children}
      </ConnectionProvider>
    ),
  })
  expect(result.current.state.connection).toEqual({
    kind: 'upstream',
    origin: 'https://onderwijsregio.onderwijsin.nl',
    apiKey: '',
    region: 'unknown',
  })
  expect(result.current.state.needsSetup).toBe(true)
})

test('a tampered stored connection is ignored instead of trusted', () => {
  window.sessionStorage.setItem(
    CONNECTION_STORAGE_KEY,
    JSON.stringify({
      connection: { kind: 'upstream', origin: 'javascript:alert(1)', apiKey: 'k', region: 'r' },
      sandboxMode: 'header',
    }),
  )
  const { result } = renderHook(useBoth, { wrapper })
  expect(result.current.state.connection).toEqual(mockConnection())
})
