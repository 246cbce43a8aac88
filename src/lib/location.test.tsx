import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, test } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { useRawLocation, useSearchParams } from '@/lib/location'

function setup(path: string, base = '') {
  const memory = memoryLocation({ path, record: true })
  function wrapper({ children }: { children: ReactNode }) {
    return (
      <Router hook={memory.hook} searchHook={memory.searchHook} base={base}>
        {children}
      </Router>
    )
  }
  const hook = renderHook(() => ({ raw: useRawLocation(), search: useSearchParams() }), {
    wrapper,
  })
  return { memory, result: hook.result }
}

test('values are decoded once: a search for "%41" stays "%41"', () => {
  const { memory, result } = setup('/candidates/rec1?q=%2541&sandbox=1')
  expect(result.current.search[0].get('q')).toBe('%41')

  act(() => {
    result.current.search[1]((current) => {
      const next = new URLSearchParams(current)
      next.set('q', '50%ab')
      return next
    })
  })
  expect(memory.history.at(-1)).toBe('/candidates/rec1?q=50%25ab&sandbox=1')
  expect(result.current.search[0].get('q')).toBe('50%ab')
})

test('a functional update keeps the other parameters; replace overwrites the entry', () => {
  const { memory, result } = setup('/candidates?sandbox=1&mock.stuck=1')

  act(() => {
    result.current.search[1](
      (current) => {
        const next = new URLSearchParams(current)
        next.set('find', 'a@b.nl')
        return next
      },
      { replace: true },
    )
  })
  expect(memory.history).toEqual(['/candidates?sandbox=1&mock.stuck=1&find=a%40b.nl'])

  act(() => {
    result.current.search[1](new URLSearchParams())
  })
  expect(memory.history).toEqual([
    '/candidates?sandbox=1&mock.stuck=1&find=a%40b.nl',
    '/candidates',
  ])
  expect(result.current.raw).toEqual({ pathname: '/candidates', search: '' })
})

test('under a base path the query changes and the base stays, once', () => {
  const { memory, result } = setup('/demo/sub/candidates?sandbox=1', '/demo/sub')
  expect(result.current.raw.pathname).toBe('/demo/sub/candidates')

  act(() => {
    result.current.search[1]((current) => {
      const next = new URLSearchParams(current)
      next.set('find', '0612345678')
      return next
    })
  })
  expect(memory.history.at(-1)).toBe('/demo/sub/candidates?sandbox=1&find=0612345678')
})
