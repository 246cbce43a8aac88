import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const schema = {
  type: 'object',
  properties: {
    count: { type: 'integer', minimum: 0, maximum: 10 },
    rating: { anyOf: [{ type: 'number', multipleOf: 0.5 }, { type: 'null' }] },
    duration: { type: 'integer', minimum: 0, maximum: 86400, description: 'Duration in seconds' },
  },
  additionalProperties: false,
}

test('counsellor is told when a number field holds something that is not a number', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema })
  const count = screen.getByRole('textbox', { name: 'Count' })
  await user.type(count, '12abc')
  await user.tab()
  expect(count).toHaveAccessibleDescription('Enter a whole number, like 12')
  await user.clear(count)
  await user.type(count, '12')
  expect(count).toHaveAccessibleDescription('At most 10')
  await user.clear(count)
  await user.type(count, '7')
  await user.type(screen.getByRole('textbox', { name: 'Rating' }), '4,5')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ count: 7, rating: 4.5 })
})

test('counsellor enters a duration in hours and minutes and it is sent as seconds', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema })
  const duration = screen.getByRole('textbox', { name: 'Duration' })
  expect(duration).toHaveAccessibleDescription('Minutes, or hours and minutes: 1 h 10 min')
  await user.type(duration, '70')
  expect(duration).toHaveAccessibleDescription('Reads as 1 h 10 min')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ duration: 4200 })
  await user.clear(duration)
  await user.type(duration, '1 u 30 min')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ duration: 5400 })
})

test('a stored duration is shown in hours and minutes, and limits are said in time', async () => {
  const { user } = renderSchemaForm({ schema, defaultValues: { duration: 4200 }, language: 'nl' })
  const duration = screen.getByRole('textbox', { name: 'Duration' })
  expect(duration).toHaveValue('1 u 10 min')
  await user.clear(duration)
  await user.type(duration, '25 uur')
  await user.tab()
  expect(duration).toHaveAccessibleDescription('Maximaal 24 u')
  await user.clear(duration)
  await user.type(duration, 'straks')
  expect(duration).toHaveAccessibleDescription(
    'Vul minuten (70) of uren en minuten (1 u 10 min) in',
  )
})

test('the duration widget can be chosen for any whole-number field', async () => {
  const plain = { type: 'object', properties: { length: { type: 'integer' } } }
  const { user, onSubmit } = renderSchemaForm({
    schema: plain,
    widgets: { length: 'duration-seconds' },
  })
  await user.type(screen.getByRole('textbox', { name: 'Length' }), '1:05')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ length: 3900 })
})
