import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, test } from 'vitest'
import {
  ConnectionProvider,
  environmentFromSearch,
  useApi,
  useConnection,
} from '@/config/connection'

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
