// @vitest-environment node
import { expect, test, vi } from 'vitest'
import { createMockBackend } from '@/mocks/backend'
import { formatScenarioParams, parseScenarioParams } from '@/mocks/scenario-params'

test('every scenario can be chosen by URL parameter', () => {
  const patch = parseScenarioParams(
    '?mock.latency=2000&mock.failureRate=0.3&mock.events=off&mock.stuck=1&mock.drop=true&mock.readErrors=429x5&mock.schemaDelay=3000&mock.writeDelay=2000&other=1',
  )
  expect(patch).toEqual({
    latencyMs: 2000,
    failureRate: 0.3,
    eventsEnabled: false,
    stuckQueue: true,
    dropNextWrite: true,
    readErrors: { mode: 'next', status: 429, remaining: 5 },
    schemaDelayMs: 3000,
    writeAnswerDelayMs: 2000,
  })
  expect(parseScenarioParams('mock.readErrors=burst').readErrors).toEqual({
    mode: 'burst',
    perSecond: 5,
  })
  expect(parseScenarioParams('mock.readErrors=500x2').readErrors).toEqual({
    mode: 'next',
    status: 500,
    remaining: 2,
  })
  expect(parseScenarioParams('mock.readErrors=off')).toEqual({ readErrors: null })
})

test('invalid values are ignored with a warning that names them', () => {
  const warn = vi.fn()
  const patch = parseScenarioParams(
    'mock.latency=-5&mock.failureRate=1.5&mock.events=maybe&mock.readErrors=418x1&mock.writeDelay=2s&mock.stuck=1',
    warn,
  )
  expect(patch).toEqual({ stuckQueue: true })
  expect(warn).toHaveBeenCalledTimes(5)
  expect(warn.mock.calls[0]?.[0]).toContain('mock.latency=-5')
})

test('setScenario refuses values that make no sense instead of half-applying them', () => {
  const backend = createMockBackend()
  expect(() => {
    backend.setScenario({ failureRate: 2 })
  }).toThrow()
  expect(backend.getScenario().failureRate).toBe(0)
  backend.setScenario({ latencyMs: 10, failureRate: undefined })
  expect(backend.getScenario()).toMatchObject({ latencyMs: 10, failureRate: 0 })
})

test('a scenario turns into the URL parameters that reproduce it, and back', () => {
  const defaults = createMockBackend({ scenario: { latencyMs: 1500 } }).getScenario()
  const scenario = {
    ...defaults,
    failureRate: 0.25,
    eventsEnabled: false,
    stuckQueue: true,
    dropNextWrite: true,
    readErrors: { mode: 'burst' as const, perSecond: 3 },
    writeAnswerDelayMs: 2000,
  }
  const params = formatScenarioParams(scenario, defaults)
  expect(params).toEqual({
    'mock.failureRate': '0.25',
    'mock.events': 'off',
    'mock.stuck': '1',
    'mock.drop': '1',
    'mock.readErrors': 'burst:3',
    'mock.writeDelay': '2000',
  })
  expect({ ...defaults, ...parseScenarioParams(new URLSearchParams(params)) }).toEqual(scenario)
  expect(formatScenarioParams(defaults, defaults)).toEqual({})
  expect(
    formatScenarioParams(
      { ...defaults, latencyMs: 0, readErrors: { mode: 'next', status: 500, remaining: 2 } },
      defaults,
    ),
  ).toEqual({ 'mock.latency': '0', 'mock.readErrors': '500x2' })
})
