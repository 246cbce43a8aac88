import IconButton from '@mui/material/IconButton'
import Toolbar from '@mui/material/Toolbar'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { LazyTooltip, armTooltips } from '@/components/lazy-tooltip'

// Its own file: the loaded Tooltip is module state, and this needs it not yet loaded.
test('a click under way when the tooltip code arrives still clicks, then the tooltip comes', async () => {
  const onClick = vi.fn()
  render(
    // A touch: the pointer arrives and presses at once, so the press itself arms.
    <Toolbar onPointerDown={armTooltips}>
      <LazyTooltip title="Switch to dark theme">
        <IconButton aria-label="Switch to dark theme" onClick={onClick}>
          ☾
        </IconButton>
      </LazyTooltip>
    </Toolbar>,
  )
  const user = userEvent.setup()
  const button = screen.getByRole('button', { name: 'Switch to dark theme' })

  // The press arms; the Tooltip's code lands before the release.
  await user.pointer({ keys: '[MouseLeft>]', target: button })
  await import('@mui/material/Tooltip')
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(screen.getByRole('button', { name: 'Switch to dark theme' })).toBe(button)

  await user.pointer({ keys: '[/MouseLeft]', target: button })
  expect(onClick).toHaveBeenCalledTimes(1)
  // Then the button is swapped for the one inside the Tooltip, which works as before.
  await waitFor(() => {
    expect(screen.getByRole('button', { name: 'Switch to dark theme' })).not.toBe(button)
  })
  await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }))
  expect(onClick).toHaveBeenCalledTimes(2)
})
