import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, test } from 'vitest'
import {
  ConnectionProvider,
  environmentFromSearch,
  mockConnection,
  useApi,
  useConnection,
} from '@/config/connection'
import { CONNECTION_STORAGE_KEY } from '@/config/connection-storage'

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
  expect(result.current.api.scope).toEqual({
    environment: 'production',
    region: 'upstream:https://relay.example:utrecht',
  })
  expect(result.current.state.regionName).toBe('utrecht')
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
