import { render, screen, waitFor, within } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { expect, test, vi } from 'vitest'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

/**
 * The multi-select hands MUI's Autocomplete its input box only on first use. Every first use
 * must behave as if it had always had it: the listbox opens, the chips can be reached and
 * removed, and a press outside the input box leaves the focus alone.
 */

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    type: {
      type: 'array',
      title: 'Type',
      description: 'One or more types',
      items: { type: 'string', enum: ['Telefonisch', 'E-mail', 'Persoonlijk'] },
    },
  },
  additionalProperties: false,
}
const stored = { type: ['Telefonisch', 'Persoonlijk'] }
const combobox = () => screen.getByRole('combobox', { name: 'Type' })

test('the first press on the field opens the list', async () => {
  const { user } = renderSchemaForm({ schema, defaultValues: stored })
  await user.click(combobox())
  const listbox = within(await screen.findByRole('listbox'))
  expect(listbox.getByRole('option', { name: 'E-mail' })).toBeInTheDocument()
  expect(combobox()).toHaveFocus()
})

test('the first press on "Open" opens the list', async () => {
  const { user } = renderSchemaForm({ schema, defaultValues: stored })
  await user.click(screen.getByRole('button', { name: 'Open' }))
  expect(await screen.findByRole('listbox')).toBeInTheDocument()
})

test('tabbing in and pressing ArrowLeft reaches the last chip; Backspace removes it', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: stored })
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await user.tab()
  expect(combobox()).toHaveFocus()
  await user.keyboard('{ArrowLeft}')
  expect(screen.getByRole('button', { name: 'Persoonlijk' })).toHaveFocus()
  await user.keyboard('{Backspace}')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['Telefonisch'] })
})

test('the first press on a chip’s delete icon removes that chip', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: stored })
  const chip = screen.getByRole('button', { name: 'Telefonisch' })
  const deleteIcon = chip.querySelector('svg')
  if (!deleteIcon) throw new Error('no delete icon')
  await user.click(deleteIcon)
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['Persoonlijk'] })
})

test('a first press on the helper text leaves the focus where it was', async () => {
  const { user } = renderSchemaForm({ schema, defaultValues: stored })
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await user.click(screen.getByText('One or more types'))
  expect(combobox()).not.toHaveFocus()
  expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
})

test('using the field does not change its markup', async () => {
  const { user } = renderSchemaForm({ schema, defaultValues: stored })
  const field = () => combobox().closest('.MuiAutocomplete-root')?.outerHTML
  const before = field()
  await user.click(combobox())
  await user.keyboard('{Escape}')
  await user.click(screen.getByRole('textbox', { name: 'Name' }))
  await waitFor(() => {
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
  })
  expect(field()).toBe(before)
})

test('focus given during a render (a dialog focusing its first field) hands over without a React warning', async () => {
  const errors = vi.spyOn(console, 'error')
  const { user } = renderSchemaForm({ schema, defaultValues: stored })
  // Focus from a layout effect: React is committing when the focus event runs.
  function FocusOnMount() {
    useLayoutEffect(() => {
      combobox().focus()
    }, [])
    return null
  }
  render(<FocusOnMount />)
  expect(combobox()).toHaveFocus()
  await user.keyboard('{ArrowDown}')
  expect(await screen.findByRole('listbox')).toBeInTheDocument()
  const warnings = errors.mock.calls.filter((call) => String(call[0]).includes('flushSync'))
  errors.mockRestore()
  expect(warnings).toEqual([])
})
