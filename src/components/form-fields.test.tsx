import FormControlLabel from '@mui/material/FormControlLabel'
import MenuItem from '@mui/material/MenuItem'
import Radio from '@mui/material/Radio'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { useForm } from 'react-hook-form'
import { expect, test, vi } from 'vitest'
import { FormRadioGroup } from '@/components/form-radio-group'
import { FormTextField } from '@/components/form-text-field'

type Values = { name: string; colour: 'red' | 'green' | 'blue'; size: string }

/** A form bound the one way (useFormField under each field); Save submits, Check triggers. */
function renderForm(onSubmit = vi.fn<(values: Values) => void>()) {
  function Harness() {
    const form = useForm<Values>({
      defaultValues: { name: '', colour: 'red', size: 's' },
      mode: 'onTouched',
    })
    const { control } = form
    return (
      <form noValidate onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}>
        <FormTextField
          name="name"
          control={control}
          label="Name"
          hint="As on the passport"
          describeError={(code) => (code === 'name.required' ? 'Fill in a name' : code)}
        />
        <FormRadioGroup name="colour" control={control} label="Colour">
          <FormControlLabel value="red" control={<Radio />} label="Red" />
          <FormControlLabel value="green" control={<Radio />} label="Green" />
          <FormControlLabel value="blue" control={<Radio />} label="Blue" />
        </FormRadioGroup>
        <FormTextField name="size" control={control} select label="Size" hint="Pick one">
          <MenuItem value="s">Small</MenuItem>
          <MenuItem value="l">Large</MenuItem>
        </FormTextField>
        <button
          type="button"
          onClick={() => {
            if (!form.getValues('name'))
              form.setError('name', { type: 'custom', message: 'name.required' })
          }}
        >
          Check
        </button>
        <button type="submit">Save</button>
      </form>
    )
  }
  render(<Harness />)
  return { user: userEvent.setup(), onSubmit }
}

test('a text field: hint as its description, the error as a sentence at the field, text kept', async () => {
  const { user, onSubmit } = renderForm()
  const name = screen.getByRole('textbox', { name: 'Name' })
  expect(name).toHaveAccessibleDescription('As on the passport')
  expect(name).not.toHaveAttribute('aria-invalid', 'true')

  await user.click(screen.getByRole('button', { name: 'Check' }))
  expect(name).toHaveAttribute('aria-invalid', 'true')
  expect(name).toHaveAccessibleDescription('Fill in a name')

  await user.type(name, 'Anna')
  expect(name).toHaveValue('Anna')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(onSubmit).toHaveBeenCalledWith(
    { name: 'Anna', colour: 'red', size: 's' },
    expect.anything(),
  )
})

test('a radio group: named by its label, the arrow keys choose, the form gets the value', async () => {
  const { user, onSubmit } = renderForm()
  const group = screen.getByRole('radiogroup', { name: 'Colour' })
  await user.click(within(group).getByRole('radio', { name: 'Red' }))
  await user.keyboard('{ArrowDown}')
  expect(within(group).getByRole('radio', { name: 'Green' })).toBeChecked()
  expect(within(group).getByRole('radio', { name: 'Green' })).toHaveFocus()
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(onSubmit).toHaveBeenCalledWith({ name: '', colour: 'green', size: 's' }, expect.anything())
})

test('a select: its hint describes it and the chosen option is submitted', async () => {
  const { user, onSubmit } = renderForm()
  const size = screen.getByRole('combobox', { name: 'Size' })
  expect(size).toHaveAccessibleDescription('Pick one')
  await user.click(size)
  await user.click(await screen.findByRole('option', { name: 'Large' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(onSubmit).toHaveBeenCalledWith({ name: '', colour: 'red', size: 'l' }, expect.anything())
})

test('no axe violations, with an error showing', async () => {
  const { user } = renderForm()
  await user.click(screen.getByRole('button', { name: 'Check' }))
  const results = await axe.run(document.body, { rules: { region: { enabled: false } } })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
})
