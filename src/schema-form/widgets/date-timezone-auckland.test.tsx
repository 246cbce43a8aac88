import { vi } from 'vitest'
import { timezoneSuite } from '@/schema-form/timezone-suite.test-helpers'

// vi.hoisted runs before every import, so no module computes a date in another zone first.
vi.hoisted(() => {
  process.env.TZ = 'Pacific/Auckland'
})

// Midnight in Auckland is the previous day in UTC: the classic one-day shift.
timezoneSuite('Pacific/Auckland', 13 * 60, '+13:00')
