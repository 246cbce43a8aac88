import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test } from 'vitest'
import type { Interaction } from '@/api/contract'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

function firstCandidateId(): string {
  const first = backend.db.candidates('utrecht', 'production')[0]
  if (!first) throw new Error('the seed has candidates')
  return first.id
}

function interaction(fields: Partial<Interaction> & Pick<Interaction, 'id'>): Interaction {
  return {
    candidateId: firstCandidateId(),
    type: ['Telefonisch'],
    performedAt: '2025-05-01',
    createdAt: '2025-05-01T08:00:00Z',
    updatedAt: '2025-05-01T08:00:00Z',
    ...fields,
  }
}

function serveInteractions(data: Interaction[]) {
  server.use(
    http.get('*/api/v2/candidates/:candidateId/interactions', () =>
      HttpResponse.json({ statusCode: 200, message: 'OK', data, meta: { sandboxEnabled: false } }),
    ),
  )
}

test('counsellor sees a date-only interaction on its own day, whatever the time zone', async () => {
  process.env.TZ = 'America/Los_Angeles' // west of UTC: a naive parse would show 30 April
  serveInteractions([
    interaction({ id: 'recA', performedAt: '2025-05-01', summary: 'Belafspraak' }),
  ])
  renderApp(`/candidates/${firstCandidateId()}`)

  const item = (await screen.findByRole('heading', { level: 3, name: 'Belafspraak' })).closest('li')
  if (!item) throw new Error('the summary sits in a list item')
  expect(within(item).getByRole('time')).toHaveTextContent(/^May 1, 2025$/)
})

test('counsellor sees interactions newest first with types, local time, notes and duration', async () => {
  process.env.TZ = 'Europe/Amsterdam'
  serveInteractions([
    interaction({ id: 'recOld', performedAt: '2025-03-10', summary: 'Oud' }),
    interaction({
      id: 'recNew',
      performedAt: '2025-05-20T13:30:00Z',
      type: ['Adviesgesprek', 'Persoonlijk'],
      summary: 'Nieuw',
      notes: 'Wil in het primair onderwijs beginnen.',
      duration: 2700,
    }),
  ])
  renderApp(`/candidates/${firstCandidateId()}`)

  const list = await screen.findByRole('list', { name: 'Interactions' })
  const summaries = within(list).getAllByRole('heading', { level: 3 })
  expect(summaries.map((heading) => heading.textContent)).toEqual(['Nieuw', 'Oud'])

  const newest = summaries[0]?.closest('li')
  if (!newest) throw new Error('the summary sits in a list item')
  expect(within(newest).getByRole('time')).toHaveTextContent('May 20, 2025 at 3:30 PM')
  const types = within(newest).getByRole('list', { name: 'Type' })
  expect(
    within(types)
      .getAllByRole('listitem')
      .map((chip) => chip.textContent),
  ).toEqual(['Adviesgesprek', 'Persoonlijk'])
  expect(newest).toHaveTextContent('Wil in het primair onderwijs beginnen.')
  expect(newest).toHaveTextContent('Duration: 45 minutes')
})

test('counsellor reading in Dutch sees Dutch dates and durations', async () => {
  process.env.TZ = 'Europe/Amsterdam'
  serveInteractions([
    interaction({
      id: 'recNl',
      performedAt: '2025-05-20T13:30:00Z',
      summary: 'Gesprek',
      duration: 5400,
    }),
  ])
  const { user } = renderApp(`/candidates/${firstCandidateId()}`)
  await screen.findByRole('heading', { level: 3, name: 'Gesprek' })

  await user.click(screen.getByRole('button', { name: 'Nederlands' }))

  const list = await screen.findByRole('list', { name: 'Contactmomenten' })
  expect(within(list).getByRole('time')).toHaveTextContent('20 mei 2025 om 15:30')
  expect(list).toHaveTextContent('Duur: 1 uur en 30 minuten')
})
