import { vi } from 'vitest'
import { timezoneSuite } from '@/schema-form/timezone-suite.test-helpers'

// vi.hoisted runs before every import, so no module computes a date in another zone first.
vi.hoisted(() => {
  process.env.TZ = 'America/Los_Angeles'
})

// West of UTC: a stored date read as UTC midnight would show as the day before.
timezoneSuite('America/Los_Angeles', -8 * 60, '-08:00')
