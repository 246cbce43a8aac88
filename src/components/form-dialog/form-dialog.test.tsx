import { ThemeProvider } from '@mui/material/styles'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { expect, test } from 'vitest'
import { FormDialog } from '@/components/form-dialog/form-dialog'
import { theme } from '@/theme/theme'

/**
 * A page with the button that opens the dialog and one more control elsewhere. `mountOnOpen`: the
 * dialog is only rendered while open, as when its code has just loaded (it then mounts open, and
 * is in its portal only from the next commit).
 */
function Page({ mountOnOpen = false }: { mountOnOpen?: boolean }) {
  const [isOpen, setOpen] = useState(false)
  return (
    <ThemeProvider theme={theme}>
      <button
        type="button"
        onClick={() => {
          setOpen(true)
        }}
      >
        Open the form
      </button>
      <button type="button">Somewhere else</button>
      {mountOnOpen && !isOpen ? null : (
        <FormDialog
          open={isOpen}
          title="A form"
          onClose={() => {
            setOpen(false)
          }}
          onSubmit={(event) => {
            event.preventDefault()
            setOpen(false)
          }}
          isSubmitting={false}
          submitLabel="Save"
        >
          <label>
            Name
            <input name="name" />
          </label>
        </FormDialog>
      )}
    </ThemeProvider>
  )
}

// Where focus goes when a form dialog leaves: back to the button that opened it, from the pointer
// and the keyboard, also for a dialog mounted open; never taken back from where it moved on.
test('saving gives focus back to the button that opened the form', async () => {
  const user = userEvent.setup()
  render(<Page />)
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Anna')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(dialog).not.toBeVisible())
  await waitFor(() => expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus())
})

test('a dialog mounted open gives focus back too, once it is gone', async () => {
  const user = userEvent.setup()
  render(<Page mountOnOpen />)
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  await screen.findByRole('dialog', { name: 'A form' })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await waitFor(() => {
    expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus()
  })
})

test('Escape closes the form and focus goes back to its button, from the keyboard alone', async () => {
  const user = userEvent.setup()
  render(<Page />)
  await user.tab()
  expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus()
  await user.keyboard('{Enter}')
  await screen.findByRole('dialog', { name: 'A form' })
  await waitFor(() => {
    expect(screen.getByRole('textbox', { name: 'Name' })).not.toBe(null)
  })
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus())
})

test('focus that moved on before the dialog had left is not taken back', async () => {
  const user = userEvent.setup()
  render(<Page />)
  // Found before the dialog opens: while it is open, the page behind it is aria-hidden.
  const elsewhere = screen.getByRole('button', { name: 'Somewhere else' })
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  // Saved (the dialog leaves in this render), and then focus is put somewhere on purpose, e.g.
  // by a page's own handler.
  act(() => {
    screen.getByRole('button', { name: 'Save' }).click()
  })
  elsewhere.focus()
  await waitFor(() => expect(dialog).not.toBeVisible())
  // Long enough for anything that would still move focus.
  await act(() => new Promise((resolve) => setTimeout(resolve, 250)))
  expect(elsewhere).toHaveFocus()
})
