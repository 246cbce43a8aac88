import { act, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { formatIsoDateTime } from '@/schema-form/date-values'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import { getAtPath } from '@/schema-form/schema-model'
import {
  lastPayload,
  renderSchemaForm,
  type HarnessOptions,
} from '@/schema-form/render-schema-form.test-helpers'

/**
 * A date field is a light preview until it is reached, then the real MUI X picker. Nobody may
 * notice the swap: not the eye, not a screen reader, not a keyboard user typing at once.
 */

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    day: { type: 'string', format: 'date', title: 'Day', description: 'The day it happened' },
    at: { type: 'string', format: 'date-time', title: 'At' },
    later: { type: 'string', format: 'date', title: 'Later' },
  },
  required: ['day'],
  additionalProperties: false,
}
/** Name first, so Tab from it reaches Day and Shift+Tab from At reaches Day's button. */
const order = ['name', 'day', 'at', 'later']
const renderDates = (options: Omit<HarnessOptions, 'schema'> = {}) =>
  renderSchemaForm({ schema, fields: { order }, ...options })
const item = getAtPath(exampleSchema, 'properties.interactions.items')
const storedAt = formatIsoDateTime(new Date(2026, 2, 14, 10, 30))

const stateOf = (label: string) =>
  screen
    .getByRole('group', { name: label, hidden: true })
    .closest('[data-picker]')
    ?.getAttribute('data-picker')
const sectionOf = (label: string, section: string) =>
  within(screen.getByRole('group', { name: label })).getByRole('spinbutton', { name: section })

/**
 * The field's markup with what may differ between two renders taken out: React's ids (each is
 * numbered by first appearance, so `for`/`aria-labelledby` must still point at the same part)
 * and the order of attributes. Everything else (classes, roles, aria values, text) must match.
 */
function markupOf(label: string): string {
  const wrapper = screen.getByRole('group', { name: label }).closest('[data-picker]')
  const field = wrapper?.firstElementChild
  if (!field) throw new Error(`no field ${label}`)
  const ids = new Map<string, string>()
  const idOf = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`)
    return ids.get(id) ?? ''
  }
  const write = (node: Node): string => {
    if (!(node instanceof Element)) return node.textContent ?? ''
    const attributes = [...node.attributes]
      .map(({ name, value }) => `${name}="${value.replace(/_r_[\da-z]+_/g, idOf)}"`)
      .sort()
    return `<${node.localName} ${attributes.join(' ')}>${[...node.childNodes].map(write).join('')}</${node.localName}>`
  }
  return write(field)
}

async function untilLeft(label: string) {
  await waitFor(() => {
    expect(screen.getByRole('group', { name: label }).className).not.toContain('Mui-focused')
  })
}

test.each(['en', 'nl'])(
  'before it is reached a date field shows exactly what the picker shows (%s)',
  async (language) => {
    const { user } = renderDates({
      language,
      defaultValues: { day: '2026-02-28', at: '2026-11-29T14:30:00+01:00' },
    })
    const labels = ['Day', 'At', 'Later']
    for (const label of labels) expect(stateOf(label)).toBe('preview')
    const before = labels.map(markupOf)

    for (const label of labels) {
      const group = within(screen.getByRole('group', { name: label }))
      await user.click(group.getAllByRole('spinbutton')[0] ?? document.body)
      expect(stateOf(label)).toBe('active')
    }
    await user.click(screen.getByRole('textbox', { name: 'Name' }))
    for (const label of labels) await untilLeft(label)

    expect(labels.map(markupOf)).toEqual(before)
  },
)

test('the time of a stored date-time previews like its picker too', async () => {
  const { user } = renderSchemaForm({
    schema: item,
    defaultValues: { type: ['Telefonisch'], performedAt: storedAt },
  })
  expect(stateOf('Time')).toBe('preview')
  expect(sectionOf('Time', 'Hours')).toHaveTextContent('10')
  const before = [markupOf('Performed at'), markupOf('Time')]
  await user.click(sectionOf('Time', 'Minutes'))
  await user.click(sectionOf('Performed at', 'Year'))
  expect(stateOf('Performed at')).toBe('active')
  await user.click(screen.getByRole('textbox', { name: 'Summary' }))
  await untilLeft('Performed at')
  await untilLeft('Time')
  expect(stateOf('Time')).toBe('active')
  expect([markupOf('Performed at'), markupOf('Time')]).toEqual(before)
})

test('a screen reader hears the same field before and after the swap', async () => {
  const { user } = renderDates({ defaultValues: { day: '2026-03-15' } })
  const heard = () => {
    const group = screen.getByRole('group', { name: 'Day' })
    return {
      sections: within(group)
        .getAllByRole('spinbutton')
        .map((section) => [
          section.getAttribute('aria-label'),
          section.getAttribute('aria-valuetext'),
          section.getAttribute('aria-valuenow'),
        ]),
      button: within(group).getByRole('button').getAttribute('aria-label'),
    }
  }
  expect(screen.getByRole('group', { name: 'Day' })).toHaveAccessibleDescription(
    'The day it happened',
  )
  const before = heard()
  expect(before.sections).toEqual([
    ['Day', '15', '15'],
    ['Month', 'March', '3'],
    ['Year', null, '2026'],
  ])
  expect(before.button).toBe('Choose date, selected date is 15 Mar 2026')
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await user.tab()
  expect(stateOf('Day')).toBe('active')
  expect(screen.getByRole('group', { name: 'Day' })).toHaveAccessibleDescription(
    'The day it happened',
  )
  expect(heard().sections).toEqual(before.sections)
  expect(heard().button).toBe(before.button)
})

test('tabbing in lands on the first section of the real picker, and typing at once is kept', async () => {
  const { user, onSubmit } = renderDates()
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await user.tab()
  expect(stateOf('Day')).toBe('active')
  expect(sectionOf('Day', 'Day')).toHaveFocus()
  await user.keyboard('29112026')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-11-29' })
})

test('clicking a section edits that section, as in the picker', async () => {
  const { user, onSubmit } = renderDates({ defaultValues: { day: '2026-03-15' } })
  await user.click(sectionOf('Day', 'Year'))
  expect(stateOf('Day')).toBe('active')
  expect(sectionOf('Day', 'Year')).toHaveFocus()
  await user.keyboard('2027')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2027-03-15' })
})

test('the arrow keys work from the first keystroke', async () => {
  const { user, onSubmit } = renderDates({ defaultValues: { day: '2026-03-15' } })
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await user.tab()
  await user.keyboard('{ArrowUp}{ArrowRight}{ArrowDown}')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-02-16' })
})

test('a half-typed date right after the swap still reads "Incomplete date"', async () => {
  const { user, onSubmit } = renderDates()
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await user.tab()
  await user.keyboard('2911')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('group', { name: 'Day' })).toHaveAccessibleDescription(
    'Incomplete date: fill in day, month and year',
  )
  expect(onSubmit).not.toHaveBeenCalled()
})

test('a save with the date missing brings the focus into the real picker', async () => {
  const { user, onSubmit } = renderDates()
  expect(stateOf('Day')).toBe('preview')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(stateOf('Day')).toBe('active')
  expect(sectionOf('Day', 'Day')).toHaveFocus()
  await user.keyboard('01012026')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ day: '2026-01-01' })
})

test('shift-tab reaches the open button of the real picker, and Enter opens it', async () => {
  const { user } = renderDates({ defaultValues: { day: '2026-03-15' } })
  const at = within(screen.getByRole('group', { name: 'At' }))
  await user.click(at.getAllByRole('spinbutton')[0] ?? document.body)
  await user.tab({ shift: true })
  expect(stateOf('Day')).toBe('active')
  const button = screen.getByRole('button', { name: 'Choose date, selected date is 15 Mar 2026' })
  expect(button).toHaveFocus()
  await user.keyboard('{Enter}')
  expect(await screen.findByRole('dialog')).toBeInTheDocument()
})

test('clicking the open button opens the picker at once', async () => {
  const { user } = renderDates({ defaultValues: { day: '2026-03-15' } })
  await user.click(screen.getByRole('button', { name: /^Choose date, selected date is 15 Mar/ }))
  expect(stateOf('Day')).toBe('active')
  expect(await screen.findByRole('dialog')).toBeInTheDocument()
  expect(within(screen.getByRole('dialog')).getByRole('gridcell', { name: '15' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
})

test('a form reset while the preview shows updates it', () => {
  const { result } = renderDates({ defaultValues: { day: '2026-03-15' } })
  act(() => {
    result.current?.form.reset({ day: '2026-12-01' })
  })
  expect(sectionOf('Day', 'Month')).toHaveTextContent('12')
  expect(stateOf('Day')).toBe('preview')
})
