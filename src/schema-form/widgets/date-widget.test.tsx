import { act, screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { formatIsoDateTime } from '@/schema-form/date-values'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const schema = {
  type: 'object',
  properties: {
    day: { type: 'string', format: 'date', title: 'Day' },
    at: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], title: 'At' },
  },
  required: ['day'],
  additionalProperties: false,
}

/** MUI X fields are sections (spinbuttons): click the first one of the group and type digits. */
async function typeInto(user: UserEvent, label: string, digits: string) {
  const group = within(screen.getByRole('group', { name: label }))
  await user.click(group.getAllByRole('spinbutton')[0] ?? document.body)
  await user.keyboard(digits)
}

function helperOf(label: string) {
  const id = screen.getByRole('group', { name: label }).getAttribute('aria-describedby') ?? ''
  return document.getElementById(id)?.textContent ?? ''
}

test('counsellor types a date and it is sent as that calendar day', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema })
  await typeInto(user, 'Day', '29112026')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-11-29' })
})

test('a half-typed date is reported as incomplete instead of disappearing', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema })
  await typeInto(user, 'Day', '2911')
  expect(helperOf('Day')).not.toContain('Incomplete')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(helperOf('Day')).toBe('Incomplete date: fill in day, month and year')
  expect(onSubmit).not.toHaveBeenCalled()
  await user.click(
    within(screen.getByRole('group', { name: 'Day' })).getByRole('spinbutton', { name: 'Year' }),
  )
  await user.keyboard('2026')
  expect(helperOf('Day')).not.toContain('Incomplete')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-11-29' })
})

test('a date that does not exist or a short year gets its own message', async () => {
  const { user } = renderSchemaForm({ schema, language: 'nl' })
  await typeInto(user, 'Day', '30022026')
  await user.tab()
  expect(helperOf('Day')).toBe('Deze datum bestaat niet')
  const year = within(screen.getByRole('group', { name: 'Day' })).getByRole('spinbutton', {
    name: 'Jaar',
  })
  await user.click(year)
  await user.keyboard('{Backspace}')
  await typeInto(user, 'Day', '01032')
  await user.tab()
  expect(helperOf('Day')).toBe('Vul het jaar volledig in, zoals 2026')
})

test('a stored date is shown as that same day and is not changed by looking at it', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: { day: '2026-01-01' } })
  const group = within(screen.getByRole('group', { name: 'Day' }))
  expect(group.getByRole('spinbutton', { name: 'Day' })).toHaveTextContent('01')
  expect(group.getByRole('spinbutton', { name: 'Year' })).toHaveTextContent('2026')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-01-01' })
})

test('a date-time is sent as local wall time with its offset', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: { day: '2026-01-01' } })
  await typeInto(user, 'At', '291120261430')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  const expected = formatIsoDateTime(new Date(2026, 10, 29, 14, 30))
  expect(expected).toMatch(/^2026-11-29T14:30:00[+-]\d\d:\d\d$/)
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-01-01', at: expected })
})

test('a form reset clears a half-typed date', async () => {
  const { user, result } = renderSchemaForm({ schema })
  await typeInto(user, 'Day', '2911')
  await user.tab()
  const group = within(screen.getByRole('group', { name: 'Day' }))
  expect(group.getByRole('spinbutton', { name: 'Day' })).toHaveTextContent('29')
  act(() => {
    result.current?.form.reset({ day: '', at: '' })
  })
  const dayOf = () => within(screen.getByRole('group', { name: 'Day' }))
  expect(dayOf().getByRole('spinbutton', { name: 'Day' })).toHaveTextContent('DD')

  await typeInto(user, 'Day', '29112026')
  await user.click(dayOf().getByRole('spinbutton', { name: 'Year' }))
  await user.keyboard('{Backspace}')
  await user.tab()
  expect(helperOf('Day')).toBe('Incomplete date: fill in day, month and year')
  act(() => {
    result.current?.form.reset({ day: '2026-01-05', at: '' })
  })
  expect(
    within(screen.getByRole('group', { name: 'Day' })).getByRole('spinbutton', { name: 'Day' }),
  ).toHaveTextContent('05')
})
