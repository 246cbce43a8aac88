import { ThemeProvider } from '@mui/material/styles'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { flushSync } from 'react-dom'
import { expect, test } from 'vitest'
import { FormDialog } from '@/components/form-dialog/form-dialog'
import { FormLoadingDialog } from '@/components/form-dialog/form-loading-dialog'
import { theme } from '@/theme/theme'

/** What every form dialog here has besides its behaviour: a title, a Save and one field. */
const formBasics = { title: 'A form', isSubmitting: false, submitLabel: 'Save' } as const

function NameField() {
  return (
    <label>
      Name
      <input name="name" />
    </label>
  )
}

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
          {...formBasics}
          open={isOpen}
          onClose={() => {
            setOpen(false)
          }}
          onSubmit={(event) => {
            event.preventDefault()
            setOpen(false)
          }}
        >
          <NameField />
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

// Nothing animates under the press of Save, and a dialog that has left is out of the layout
// (leaving-dialog.ts, decision 0098).

test('pressing Save with the pointer leaves focus in the field, and its release still saves', async () => {
  const user = userEvent.setup()
  render(<Page />)
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  const field = screen.getByRole('textbox', { name: 'Name' })
  await user.type(field, 'Anna')
  const save = screen.getByRole('button', { name: 'Save' })
  await user.pointer({ keys: '[MouseLeft>]', target: save })
  expect(field).toHaveFocus()
  expect(save.querySelector('.MuiTouchRipple-ripple')).toBeNull()
  await user.pointer({ keys: '[/MouseLeft]', target: save })
  await waitFor(() => expect(dialog).not.toBeVisible())
  await waitFor(() => expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus())
})

test('a dialog that has left is out of the layout, and comes back into it when opened again', async () => {
  const user = userEvent.setup()
  render(<Page />)
  const opener = screen.getByRole('button', { name: 'Open the form' })
  await user.click(opener)
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  const root = dialog.closest('.MuiModal-root')
  expect(root).not.toBeNull()
  expect(root).not.toHaveStyle({ display: 'none' })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(root).toHaveStyle({ display: 'none' })
  await waitFor(() => expect(opener).toHaveFocus())
  await user.click(opener)
  expect(await screen.findByRole('dialog', { name: 'A form' })).toBe(dialog)
  expect(root).not.toHaveStyle({ display: 'none' })
})

/** A form that counts its saves, and the browser's own submissions of it. */
function CountingForm({ onSave }: { onSave: () => void }) {
  return (
    <ThemeProvider theme={theme}>
      <FormDialog
        {...formBasics}
        open
        onClose={() => undefined}
        onSubmit={(event) => {
          event.preventDefault()
          onSave()
        }}
      >
        <NameField />
        <label>
          Place
          <input name="place" />
        </label>
      </FormDialog>
    </ThemeProvider>
  )
}

async function renderCountingForm() {
  const saves = { handler: 0, native: 0 }
  render(
    <CountingForm
      onSave={() => {
        saves.handler += 1
      }}
    />,
  )
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  const form = dialog.querySelector('form')
  if (form === null) throw new Error('the dialog has no form')
  form.addEventListener('submit', () => {
    saves.native += 1
  })
  return saves
}

// Save's click saves without the browser submitting the form (decision 0099); every way of
// saving still saves exactly once.
test('a click on Save saves once, without the browser submitting the form', async () => {
  const user = userEvent.setup()
  const saves = await renderCountingForm()
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(saves).toEqual({ handler: 1, native: 0 })
})

test('Enter in a field and Ctrl+Enter each save once', async () => {
  const user = userEvent.setup()
  const saves = await renderCountingForm()
  await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Anna{Enter}')
  expect(saves.handler).toBe(1)
  await user.type(screen.getByRole('textbox', { name: 'Place' }), 'Gouda')
  await user.keyboard('{Control>}{Enter}{/Control}')
  expect(saves.handler).toBe(2)
})

test('Save from the keyboard (Space on the button) saves once', async () => {
  const user = userEvent.setup()
  const saves = await renderCountingForm()
  screen.getByRole('button', { name: 'Save' }).focus()
  await user.keyboard(' ')
  expect(saves).toEqual({ handler: 1, native: 0 })
})

// The rules of the one focus owner (focus-owner.ts, decision 0091).

test('focus goes back after the dialog has left, not inside the render that closes it', async () => {
  const user = userEvent.setup()
  render(<Page />)
  const opener = screen.getByRole('button', { name: 'Open the form' })
  await user.click(opener)
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  act(() => {
    screen.getByRole('button', { name: 'Save' }).click()
  })
  // Closed in this render, and nothing moved focus in it: that is the frame showing the result.
  expect(dialog).not.toBeVisible()
  expect(opener).not.toHaveFocus()
  await waitFor(() => expect(opener).toHaveFocus())
})

test('Cancel gives focus back to the button that opened the form', async () => {
  const user = userEvent.setup()
  render(<Page />)
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  await screen.findByRole('dialog', { name: 'A form' })
  await user.click(screen.getByRole('button', { name: 'Cancel' }))
  await waitFor(() => expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus())
})

/** A form whose dialog leaves on Save and comes back at once, as when a refusal is quick. */
function RefusedPage() {
  const [isShown, setShown] = useState(false)
  return (
    <ThemeProvider theme={theme}>
      <button
        type="button"
        onClick={() => {
          setShown(true)
        }}
      >
        Open the form
      </button>
      <FormDialog
        {...formBasics}
        open={isShown}
        onClose={() => {
          setShown(false)
        }}
        onSubmit={(event) => {
          event.preventDefault()
          const field = event.currentTarget.closest('form')?.querySelector('input')
          flushSync(() => {
            setShown(false)
          })
          // The refusal: the same form back, focus on the field the server named.
          flushSync(() => {
            setShown(true)
          })
          field?.focus()
        }}
      >
        <NameField />
      </FormDialog>
    </ThemeProvider>
  )
}

test('a form that comes back before focus went back keeps focus where it is', async () => {
  const user = userEvent.setup()
  render(<RefusedPage />)
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  const dialog = await screen.findByRole('dialog', { name: 'A form' })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  const field = within(dialog).getByRole('textbox', { name: 'Name' })
  expect(field).toHaveFocus()
  // Long enough for a return that was not cancelled to have taken focus out of the form.
  await act(() => new Promise((resolve) => setTimeout(resolve, 250)))
  expect(field).toHaveFocus()
})

/** A loading dialog first (the form's code on its way), then the form in its place. */
function LoadingFirstPage() {
  const [stage, setStage] = useState<'closed' | 'loading' | 'form'>('closed')
  return (
    <ThemeProvider theme={theme}>
      <button
        type="button"
        onClick={() => {
          setStage('loading')
        }}
      >
        Open the form
      </button>
      <button
        type="button"
        onClick={() => {
          setStage('form')
        }}
      >
        Code arrives
      </button>
      {stage === 'loading' ? (
        <FormLoadingDialog
          title={formBasics.title}
          onClose={() => {
            setStage('closed')
          }}
        />
      ) : null}
      {stage === 'form' ? (
        <FormDialog
          {...formBasics}
          open
          onClose={() => {
            setStage('closed')
          }}
          onSubmit={(event) => {
            event.preventDefault()
            setStage('closed')
          }}
        >
          <NameField />
        </FormDialog>
      ) : null}
    </ThemeProvider>
  )
}

test('a form that replaced its loading dialog gives focus back to what opened the loading dialog', async () => {
  const user = userEvent.setup()
  render(<LoadingFirstPage />)
  const arrives = screen.getByRole('button', { name: 'Code arrives' })
  await user.click(screen.getByRole('button', { name: 'Open the form' }))
  await screen.findByRole('dialog', { name: 'A form' })
  // The code arrives (not a click of the user's: the page behind the dialog is inert to them).
  act(() => {
    arrives.click()
  })
  await screen.findByRole('button', { name: 'Save' })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await waitFor(() => expect(screen.getByRole('button', { name: 'Open the form' })).toHaveFocus())
})
