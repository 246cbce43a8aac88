import { render, screen } from '@testing-library/react'
import i18next, { type TFunction } from 'i18next'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { readFilterParams, writeFilterParams } from '@/features/timeline/filter-search-params'
import { entry } from '@/features/timeline/timeline-entry.test-helpers'
import {
  FILTERS,
  FILTER_NAMES,
  NO_FILTERS,
  activeFilters,
  applyFilters,
  clearFilter,
  describeFilter,
  type FilterName,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'
import { TimelineNoMatch } from '@/features/timeline/timeline-no-match'
import { LANGUAGES, changeLanguage } from '@/lib/i18n'
import { createPerformedAtFormat } from '@/lib/relative-time'

/**
 * Walks every filter declaration. A new filter gets its example here, and the compiler asks for
 * one (`Record<FilterName, …>`): the URL, the test, the words and the "no match" line are then
 * checked without writing another test.
 */
const originalTz = process.env.TZ
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam'
})
afterEach(async () => {
  process.env.TZ = originalTz
  await changeLanguage('en')
})

const entries = [
  entry({ id: 'call', type: ['Telefonisch'], performedAt: '2025-05-02', summary: 'Belafspraak' }),
  entry({
    id: 'mail',
    type: ['E-mail'],
    performedAt: '2025-05-10T09:00:00+02:00',
    summary: 'Brochure gestuurd',
    notes: 'Informatie over de pabo.',
  }),
  { ...entry({ id: 'unsent', type: ['E-mail'], performedAt: '2025-06-01' }), status: 'unsent' },
] as const

type Example = {
  /** The filter switched on. */
  on: Partial<TimelineFilters>
  /** Which of `entries` it lets through (some, not all). */
  shows: readonly string[]
  /** Something its description must say. */
  says: (t: TFunction) => string
}

const EXAMPLES: Record<FilterName, Example> = {
  types: { on: { types: ['Telefonisch'] }, shows: ['call'], says: () => 'Telefonisch' },
  dates: {
    on: { from: '2025-05-03', to: '2025-06-30' },
    shows: ['mail', 'unsent'],
    says: () => '2025',
  },
  text: { on: { text: 'PABO' }, shows: ['mail'], says: () => 'PABO' },
  statuses: {
    on: { statuses: ['failed'] },
    shows: ['unsent'],
    says: (t) => t('timeline.filters.statusOption.failed'),
  },
}

test('no two filters share a URL parameter, and "no filters" is every filter off', () => {
  const params = FILTER_NAMES.flatMap((name) => FILTERS[name].params)
  expect(new Set(params).size).toBe(params.length)
  for (const name of FILTER_NAMES) expect(NO_FILTERS).toMatchObject(FILTERS[name].off)
  expect(activeFilters(NO_FILTERS)).toEqual([])
  expect(applyFilters(entries, NO_FILTERS).visibleCount).toBe(entries.length)
})

describe.each(FILTER_NAMES)('the %s filter', (name) => {
  const example = EXAMPLES[name]
  const filters: TimelineFilters = { ...NO_FILTERS, ...example.on }

  test('is active when set and cleared by itself', () => {
    expect(activeFilters(filters)).toEqual([name])
    expect(clearFilter(filters, name)).toEqual(NO_FILTERS)
  })

  test('goes through the URL and back, in its own parameters only', () => {
    const params = writeFilterParams(new URLSearchParams('sandbox=1'), filters)
    const written = [...new Set(params.keys())].filter((key) => key !== 'sandbox')
    expect(written.length).toBeGreaterThan(0)
    for (const key of written) expect(FILTERS[name].params).toContain(key)
    expect(params.get('sandbox')).toBe('1')
    expect(readFilterParams(params)).toEqual(filters)
    expect(writeFilterParams(params, NO_FILTERS).toString()).toBe('sandbox=1')
  })

  test('lets through the entries it should', () => {
    expect(example.shows.length).toBeGreaterThan(0)
    expect(example.shows.length).toBeLessThan(entries.length)
    const result = applyFilters(entries, filters)
    expect([...result.visibleIds]).toEqual(example.shows)
    expect(result.withoutFilter).toEqual({ [name]: entries.length })
  })

  test.each(LANGUAGES)(
    'is described in words (%s), and listed with its clear button in the no-match notice',
    async (language) => {
      await changeLanguage(language)
      const t = i18next.t.bind(i18next)
      const described = describeFilter(name, filters, t, createPerformedAtFormat(language))
      expect(described).toContain(example.says(t))
      expect(described).not.toMatch(/timeline\.|{{/) // no missing string, no unfilled value
      const clear = t(`timeline.filters.clear.${name}`)
      expect(clear).not.toMatch(/timeline\./)

      render(
        <TimelineNoMatch
          filters={filters}
          result={applyFilters(entries, filters)}
          total={entries.length}
          describeFilter={(each) =>
            describeFilter(each, filters, t, createPerformedAtFormat(language))
          }
          onClear={() => undefined}
          onClearAll={() => undefined}
        />,
      )
      expect(screen.getByRole('listitem')).toHaveTextContent(described)
      expect(screen.getByRole('button', { name: clear })).toBeInTheDocument()
      expect(screen.getByRole('status')).toHaveTextContent(t(`timeline.filters.names.${name}`))
    },
  )
})
