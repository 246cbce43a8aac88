import { render, screen } from '@testing-library/react'
import { RouterProvider, createMemoryRouter } from 'react-router'
import { expect, test, vi } from 'vitest'
import { ApiError } from '@/api/errors'
import { AppProviders } from '@/app/app'
import { RouteError } from '@/app/routes/route-error'
import { createTestQueryClient } from '@/test/render'

function renderThrowing(error: unknown) {
  function Broken(): never {
    throw error
  }
  // React logs caught render errors; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const router = createMemoryRouter([
    { path: '/', element: <Broken />, errorElement: <RouteError isStandalone /> },
  ])
  render(
    <AppProviders queryClient={createTestQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
}

test('counsellor sees a useful page instead of a blank one when a page crashes', () => {
  renderThrowing(new TypeError("Cannot read properties of undefined (reading 'map')"))

  expect(screen.getByRole('main')).toBeInTheDocument()
  expect(
    screen.getByRole('heading', { level: 1, name: 'Something went wrong' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the candidate list' })).toHaveAttribute(
    'href',
    '/candidates',
  )
  expect(screen.getByText('Technical details')).toBeInTheDocument()
})

test('counsellor sees an API failure that escaped a page explained in words', () => {
  renderThrowing(new ApiError({ status: 401, code: 'unauthorized', message: 'Unknown API key.' }))

  expect(screen.getByRole('alert')).toHaveTextContent('The API key was not accepted')
})
