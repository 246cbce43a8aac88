import IconButton from '@mui/material/IconButton'
import Toolbar from '@mui/material/Toolbar'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { LazyTooltip, armTooltips } from '@/components/lazy-tooltip'

function Bar() {
  return (
    <Toolbar onFocus={armTooltips} onPointerEnter={armTooltips}>
      <button type="button">Before</button>
      <LazyTooltip title="Switch to dark theme">
        <IconButton aria-label="Switch to dark theme">☾</IconButton>
      </LazyTooltip>
    </Toolbar>
  )
}

// One test: the loaded Tooltip is module state, shared by everything after the first arm.
test('keeps keyboard focus when the tooltip code arrives, then shows the hint on hover', async () => {
  const user = userEvent.setup()
  render(<Bar />)
  expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()

  // Tab straight onto the button: arming starts here, and the button is swapped for one inside
  // the Tooltip while it has focus. Focus must end on the new button, not on <body>.
  await user.tab()
  await user.tab()
  const button = screen.getByRole('button', { name: 'Switch to dark theme' })
  await waitFor(() => {
    expect(screen.getByRole('button', { name: 'Switch to dark theme' })).not.toBe(button)
  })
  expect(screen.getByRole('button', { name: 'Switch to dark theme' })).toHaveFocus()

  await user.hover(screen.getByRole('button', { name: 'Switch to dark theme' }))
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Switch to dark theme')
})
