import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import type { ApiScope } from '@/api/client'
import { draftStorageKey } from '@/components/form-dialog/form-draft'
import { scopeRegion, type UpstreamConnection } from '@/config/connection'
import { makeEntry, storeEntries } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

setupMockBackend()
// Two trips through the settings form with the app around it: slow on a busy machine.
vi.setConfig({ testTimeout: 40_000 })
// Saving loads the code that forgets a connection (its own chunk) before it answers.
const SLOW = { timeout: 5000 }

// An upstream on jsdom's own origin (the mock answers there, like a relay on the app's origin).
const upstream = (): UpstreamConnection => ({
  kind: 'upstream',
  origin: window.location.origin,
  apiKey: 'demo-utrecht',
  region: 'utrecht',
  regionName: 'Onderwijsregio Utrecht',
})

function storedText(storage: Storage): string {
  return Array.from({ length: storage.length }, (_, index) => {
    const key = storage.key(index)
    return key === null ? '' : `${key}=${storage.getItem(key) ?? ''}`
  }).join('\n')
}

/** What an earlier session of this connection left in localStorage, with personal data in it. */
function leaveTraces(scope: ApiScope, options: { pending: boolean }) {
  const entry = {
    ...makeEntry(
      { key: 'unsent-change', phase: 'unsent' },
      { payload: [{ type: ['Telefonisch'], performedAt: '2026-03-09', summary: 'Jan Jansen' }] },
    ),
    scope,
  }
  if (options.pending) {
    storeEntries(localStorage, [entry])
  }
  localStorage.setItem(
    draftStorageKey(scope, 'new-candidate'),
    JSON.stringify({ savedAt: 1, values: { firstName: 'Jan', notes: 'Jan Jansen' } }),
  )
  localStorage.setItem(
    `candidate-timeline.recent.${scope.environment}.${scope.region}`,
    JSON.stringify([{ id: 'c1', name: 'Jan Jansen', email: 'jan@example.nl', openedAt: 1 }]),
  )
}

async function switchToDemo() {
  const rendered = renderApp('/settings', { connection: upstream() })
  await screen.findByRole(
    'heading',
    { level: 1, name: 'Settings' },
    { timeout: 5000 }, // the page's code is a lazy chunk
  )
  await rendered.user.click(screen.getByRole('radio', { name: /Built-in demo backend/ }))
  await rendered.user.click(screen.getByRole('button', { name: 'Save and connect' }))
  return rendered
}

test('leaving an upstream connection with unsent changes asks first; confirmed, its personal data is gone', async () => {
  const scope = { environment: 'production', region: scopeRegion(upstream()) } as const
  leaveTraces(scope, { pending: true })
  leaveTraces({ ...scope, environment: 'sandbox' }, { pending: false })
  const { user } = await switchToDemo()

  const dialog = await screen.findByRole('alertdialog', { name: /not been sent/ }, SLOW)
  expect(dialog).toHaveTextContent('1 change')
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  await waitFor(() => {
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })
  // Nothing changed: still connected to the upstream, everything kept.
  expect(screen.getByRole('banner')).toHaveTextContent('Onderwijsregio Utrecht (localhost')
  expect(storedText(localStorage)).toContain('Jan Jansen')

  await user.click(screen.getByRole('button', { name: 'Save and connect' }))
  const again = await screen.findByRole('alertdialog', { name: /not been sent/ }, SLOW)
  await user.click(within(again).getByRole('button', { name: 'Discard 1 change and switch' }))

  expect(
    await screen.findByText(/Saved\. The app now uses the built-in demo backend/, {}, SLOW),
  ).toBeInTheDocument()
  expect(storedText(localStorage)).not.toContain('Jan Jansen')
  expect(storedText(localStorage)).not.toContain(scope.region)
})

test('leaving an upstream connection with nothing pending clears its traces without asking', async () => {
  const scope = { environment: 'production', region: scopeRegion(upstream()) } as const
  leaveTraces(scope, { pending: false })
  await switchToDemo()

  expect(
    await screen.findByText(/Saved\. The app now uses the built-in demo backend/, {}, SLOW),
  ).toBeInTheDocument()
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  expect(storedText(localStorage)).not.toContain('Jan Jansen')
})
