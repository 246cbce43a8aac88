import { expect, test } from 'vitest'
import { readFilterParams, writeFilterParams } from '@/features/timeline/filter-search-params'
import { NO_FILTERS } from '@/features/timeline/timeline-filters'

test('filters round-trip through the URL and leave other parameters alone', () => {
  const filters = {
    types: ['Telefonisch', 'E-mail'],
    from: '2025-01-01',
    to: '2025-03-31',
    text: 'pabo cv',
    statuses: ['failed' as const],
  }
  const params = writeFilterParams(new URLSearchParams('sandbox=1&type=Anders'), filters)
  expect(params.toString()).toBe(
    'sandbox=1&type=Telefonisch&type=E-mail&from=2025-01-01&to=2025-03-31&q=pabo+cv&status=failed',
  )
  expect(readFilterParams(params)).toEqual(filters)
  expect(writeFilterParams(params, NO_FILTERS).toString()).toBe('sandbox=1')
})

test('a hand-edited link with nonsense in it is read as far as it makes sense', () => {
  expect(
    readFilterParams(
      new URLSearchParams('from=2025-02-31&to=yesterday&status=lost&type=&type=A&type=A'),
    ),
  ).toEqual({ ...NO_FILTERS, types: ['A'] })
})
