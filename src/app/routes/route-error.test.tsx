import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { Router } from 'wouter'
import { ApiError } from '@/api/errors'
import { AppProviders } from '@/app/app'
import type * as AppHeaderModule from '@/app/app-header'
import { RouteErrorBoundary } from '@/app/routes/route-error'
import type * as SettingsRouteModule from '@/app/routes/settings-route'
import { setupMockBackend } from '@/test/mock-backend'
import { createMemoryUrl, createTestQueryClient, renderApp } from '@/test/render'

setupMockBackend()

// A page and the layout that crash on demand, for the tests that mount the real routes.
const crash = vi.hoisted(() => ({ page: false, layout: false }))
vi.mock('@/app/routes/settings-route', async (importOriginal) => {
  const actual = await importOriginal<typeof SettingsRouteModule>()
  return {
    SettingsRoute: () => {
      if (crash.page) throw new TypeError('the settings page broke')
      return <actual.SettingsRoute />
    },
  }
})
vi.mock('@/app/app-header', async (importOriginal) => {
  const actual = await importOriginal<typeof AppHeaderModule>()
  return {
    AppHeader: () => {
      if (crash.layout) throw new TypeError('the header broke')
      return <actual.AppHeader />
    },
  }
})

beforeEach(() => {
  // React logs caught render errors; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => {
  crash.page = false
  crash.layout = false
})

function renderThrowing(error: unknown) {
  function Broken(): never {
    throw error
  }
  const { router } = createMemoryUrl('/')
  render(
    <AppProviders queryClient={createTestQueryClient()}>
      <Router {...router}>
        <RouteErrorBoundary isStandalone>
          <Broken />
        </RouteErrorBoundary>
      </Router>
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

test('a page that crashes leaves the header usable, and leaving the page recovers', async () => {
  crash.page = true
  const { user, url } = renderApp('/settings')

  expect(
    await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }),
  ).toBeInTheDocument()
  expect(screen.getByText('the settings page broke')).toBeInTheDocument()
  // Inside the layout: the banner and the one <main> are still there.
  expect(screen.getByRole('banner')).toBeInTheDocument()
  expect(screen.getAllByRole('main')).toHaveLength(1)

  await user.click(screen.getByRole('link', { name: 'Candidate Timeline' }))
  expect(url.pathname).toBe('/candidates')
  expect(await screen.findByRole('heading', { level: 1, name: 'Candidates' })).toBeInTheDocument()
  expect(screen.queryByText('Something went wrong')).not.toBeInTheDocument()
})

test('the error page’s link to the list tries the list again even when the list crashed', async () => {
  crash.layout = true
  const { user, url } = renderApp('/candidates')

  // The layout itself broke: the error page stands alone, with a <main> of its own.
  expect(
    screen.getByRole('heading', { level: 1, name: 'Something went wrong' }),
  ).toBeInTheDocument()
  expect(screen.queryByRole('banner')).not.toBeInTheDocument()
  expect(screen.getByRole('main')).toBeInTheDocument()

  crash.layout = false
  await user.click(screen.getByRole('link', { name: 'Go to the candidate list' }))
  expect(url.pathname).toBe('/candidates')
  expect(await screen.findByRole('heading', { level: 1, name: 'Candidates' })).toBeInTheDocument()
  expect(screen.getByRole('banner')).toBeInTheDocument()
})
