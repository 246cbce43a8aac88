import { screen, waitFor, within } from '@testing-library/react'
import { expect } from 'vitest'
import type { UserEvent } from '@testing-library/user-event'
import type { BoundFunctions, queries } from '@testing-library/dom'
import type { setupMockBackend } from '@/test/mock-backend'

type MockBackend = ReturnType<typeof setupMockBackend>['backend']

/** A seeded candidate of the Utrecht demo region whose interaction count fits. */
export function seededCandidate(backend: MockBackend, match: (count: number) => boolean) {
  const found = backend.db
    .candidates('utrecht', 'production')
    .find((candidate) =>
      match(backend.db.interactions('utrecht', 'production', candidate.id).length),
    )
  if (!found) throw new Error('no seeded candidate matches')
  return found
}

/** The fieldset of row `n` (1-based) in the open dialog. */
export function row(n: number) {
  return within(within(screen.getByRole('dialog')).getByRole('group', { name: `Row ${n}` }))
}

/** Picks interaction types in a multi-select (an Autocomplete) and closes its list. */
export async function chooseTypes(
  user: UserEvent,
  scope: BoundFunctions<typeof queries>,
  types: readonly string[],
) {
  const input = scope.getByRole('combobox', { name: /^Type/ })
  await user.click(input)
  for (const type of types) {
    await user.click(await screen.findByRole('option', { name: type }))
  }
  await user.keyboard('{Escape}')
}

/** The first load of a lazy page or form compiles its modules: give it more than a second. */
export const LOAD = { timeout: 10_000 }

/** Waits until the form itself (not the "Loading the form…" dialog) is there. */
export async function findFormDialog(name: string | RegExp) {
  return waitFor(() => {
    const dialog = screen.getByRole('dialog', { name })
    expect(dialog.querySelector('form')).not.toBeNull()
    return dialog
  }, LOAD)
}

type Listenable = {
  events: {
    on: (event: 'request:start', listener: (args: { request: Request }) => void) => void
    removeListener: (event: 'request:start', listener: (args: { request: Request }) => void) => void
  }
}

/** Records the writes (method, path, body) the app sends while a test runs. */
export function recordWrites(server: Listenable) {
  const writes: { method: string; path: string; body: unknown }[] = []
  const pending: Promise<void>[] = []
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'GET') return
    const path = new URL(request.url).pathname
    pending.push(
      request
        .clone()
        .text()
        .then((text) => {
          writes.push({
            method: request.method,
            path,
            body: text ? (JSON.parse(text) as unknown) : null,
          })
        }),
    )
  }
  server.events.on('request:start', listener)
  return {
    writes,
    settled: () => Promise.all(pending),
    stop: () => {
      server.events.removeListener('request:start', listener)
    },
  }
}
