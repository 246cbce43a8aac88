import { screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { formatIsoDateTime } from '@/schema-form/date-values'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import { getAtPath } from '@/schema-form/schema-model'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const item = getAtPath(exampleSchema, 'properties.interactions.items')
const type = ['Telefonisch']

async function typeInto(user: UserEvent, label: string, digits: string) {
  const group = within(screen.getByRole('group', { name: label }))
  await user.click(group.getAllByRole('spinbutton')[0] ?? document.body)
  await user.keyboard(digits)
}

function helperOf(label: string) {
  const id = screen.getByRole('group', { name: label }).getAttribute('aria-describedby') ?? ''
  return document.getElementById(id)?.textContent ?? ''
}

test('counsellor logs a date without a time', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema: item, defaultValues: { type } })
  await typeInto(user, 'Performed at', '29112026')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type, performedAt: '2026-11-29' })
})

test('counsellor adds a time and the value becomes a date-time with offset', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema: item, defaultValues: { type } })
  await typeInto(user, 'Performed at', '29112026')
  await user.click(screen.getByRole('switch', { name: 'Include time' }))
  await typeInto(user, 'Time', '1430')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({
    type,
    performedAt: formatIsoDateTime(new Date(2026, 10, 29, 14, 30)),
  })
})

test('switching the time on without typing one asks for the time, not silently midnight', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema: item, defaultValues: { type } })
  await typeInto(user, 'Performed at', '29112026')
  await user.click(screen.getByRole('switch', { name: 'Include time' }))
  expect(helperOf('Time')).not.toContain('Incomplete')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(helperOf('Time')).toBe(
    'Incomplete time: fill in hours and minutes, or switch off “Include time”',
  )
  expect(onSubmit).not.toHaveBeenCalled()
})

test('switching the time off and on again keeps the time that was typed', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema: item, defaultValues: { type } })
  await typeInto(user, 'Performed at', '29112026')
  const includeTime = screen.getByRole('switch', { name: 'Include time' })
  await user.click(includeTime)
  await typeInto(user, 'Time', '0905')
  await user.click(includeTime)
  expect(screen.queryByRole('group', { name: 'Time' })).not.toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type, performedAt: '2026-11-29' })
  await user.click(includeTime)
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({
    type,
    performedAt: formatIsoDateTime(new Date(2026, 10, 29, 9, 5)),
  })
})

test('a stored date-time opens with its time switched on', async () => {
  const performedAt = formatIsoDateTime(new Date(2026, 2, 14, 10, 30))
  const { user, onSubmit } = renderSchemaForm({
    schema: item,
    defaultValues: { type, performedAt },
  })
  expect(screen.getByRole('switch', { name: 'Include time' })).toBeChecked()
  const time = within(screen.getByRole('group', { name: 'Time' }))
  expect(time.getByRole('spinbutton', { name: 'Hours' })).toHaveTextContent('10')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type, performedAt })
})
