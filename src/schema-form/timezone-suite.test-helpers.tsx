import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const schema = {
  type: 'object',
  properties: {
    day: { type: 'string', format: 'date', title: 'Day' },
    at: { type: 'string', format: 'date-time', title: 'At' },
  },
  additionalProperties: false,
}

/**
 * Test-only: the same checks in whatever zone the test file set in `process.env.TZ` (Node
 * re-reads it on assignment; each Vitest test file runs in its own process). `minutesEast` is
 * that zone's offset on 29 Nov 2026, and proves the zone really is in force.
 */
export function timezoneSuite(zone: string, minutesEast: number, offsetText: string) {
  test(`the test really runs in ${zone}`, () => {
    expect(process.env.TZ).toBe(zone)
    expect(-new Date(2026, 10, 29).getTimezoneOffset()).toBe(minutesEast)
  })

  test(`counsellor in ${zone} picks 29 November from the calendar and 2026-11-29 is sent`, async () => {
    const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: { day: '2026-11-01' } })
    const day = within(screen.getByRole('group', { name: 'Day' }))
    await user.click(day.getByRole('button', { name: /^Choose date/ }))
    await user.click(within(screen.getByRole('grid')).getByRole('gridcell', { name: '29' }))
    // jsdom has no `pointer: fine`, so MUI shows its mobile dialog, which is confirmed with OK.
    await user.click(screen.getByRole('button', { name: 'OK' }))
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(lastPayload(onSubmit)).toEqual({ day: '2026-11-29' })
  })

  test(`counsellor in ${zone} types a date and the same day is sent`, async () => {
    const { user, onSubmit } = renderSchemaForm({ schema })
    const group = within(screen.getByRole('group', { name: 'Day' }))
    await user.click(group.getByRole('spinbutton', { name: 'Day' }))
    await user.keyboard('01012026')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(lastPayload(onSubmit)).toEqual({ day: '2026-01-01' })
  })

  test.each(['2026-03-08', '2026-04-05', '2026-09-27', '2026-11-01', '2026-12-31'])(
    `a stored %s (around daylight saving changes) stays that day in ${zone}`,
    async (day) => {
      const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: { day } })
      const group = within(screen.getByRole('group', { name: 'Day' }))
      expect(group.getByRole('spinbutton', { name: 'Day' })).toHaveTextContent(day.slice(8))
      await user.click(screen.getByRole('button', { name: 'Save' }))
      expect(lastPayload(onSubmit)).toEqual({ day })
    },
  )

  test(`a date-time typed in ${zone} carries that zone's offset`, async () => {
    const { user, onSubmit } = renderSchemaForm({ schema })
    const group = within(screen.getByRole('group', { name: 'At' }))
    await user.click(group.getByRole('spinbutton', { name: 'Day' }))
    await user.keyboard('291120261430')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(lastPayload(onSubmit)).toEqual({ at: `2026-11-29T14:30:00${offsetText}` })
  })
}
