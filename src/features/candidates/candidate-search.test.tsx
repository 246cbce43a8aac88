import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { candidateName } from '@/features/candidates/candidate-name'
import { parseFindInput } from '@/features/candidates/find-input'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { backend } = setupMockBackend()
const people = () => backend.db.candidates('utrecht', 'production')

test('the search box tells e-mail addresses from phone numbers', () => {
  expect(parseFindInput(' Jan@Example.nl ')).toEqual({ email: 'Jan@Example.nl' })
  expect(parseFindInput('06-1234 5678')).toEqual({ phone: '06-1234 5678' })
  expect(parseFindInput('+31 (0)6 12345678')).toEqual({ phone: '+31 (0)6 12345678' })
  expect(parseFindInput('Jan de Vries')).toBeNull()
  expect(parseFindInput('12345')).toBeNull()
})

test('counsellor can find a candidate by e-mail in any capitals and open them', async () => {
  const person = people()[7]
  if (!person) throw new Error('the seed has candidates')
  const { user, url } = renderApp('/candidates')

  await user.type(
    await screen.findByRole('searchbox', { name: 'E-mail address or phone number' }),
    person.email.toUpperCase(),
  )
  await user.click(screen.getByRole('button', { name: 'Find' }))

  const result = await screen.findByRole('list', { name: 'Search result' })
  expect(new URLSearchParams(url.search).get('find')).toBe(person.email.toUpperCase())
  await user.click(within(result).getByRole('link', { name: new RegExp(candidateName(person)) }))
  expect(
    await screen.findByRole(
      'heading',
      { level: 1, name: candidateName(person) },
      { timeout: 5000 }, // the page's code is a lazy chunk
    ),
  ).toBeInTheDocument()
})

test('counsellor can find a candidate by phone number however it is spaced', async () => {
  const person = people().find((candidate) => typeof candidate.phone === 'string')
  if (!person || typeof person.phone !== 'string') throw new Error('someone has a phone')
  const spaced = person.phone.replace(/\D/g, '').replace(/(\d{2})(?=\d)/g, '$1 ')
  const { user } = renderApp('/candidates')

  await user.type(
    await screen.findByRole('searchbox', { name: 'E-mail address or phone number' }),
    `${spaced}{Enter}`,
  )

  const result = await screen.findByRole('list', { name: 'Search result' })
  expect(within(result).getByRole('link')).toHaveTextContent(person.email)
})

test('counsellor is told plainly when nobody has that address, or when the input is neither', async () => {
  const { user } = renderApp('/candidates')
  const box = await screen.findByRole('searchbox', { name: 'E-mail address or phone number' })

  await user.type(box, 'Jan de Vries{Enter}')
  expect(box).toHaveAccessibleDescription(
    'Enter an e-mail address, or a phone number with at least 6 digits.',
  )

  await user.clear(box)
  await user.type(box, 'nobody@example.org{Enter}')
  expect(
    await screen.findByText(
      'No candidate in this region has the e-mail address “nobody@example.org”.',
    ),
  ).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Clear search' }))
  expect(box).toHaveValue('')
})

test('recently opened candidates are one click away, newest first, and can be forgotten', async () => {
  const [first, second] = people()
  if (!first || !second) throw new Error('the seed has candidates')
  const { user } = renderApp(`/candidates/${first.id}`)
  await screen.findByRole(
    'heading',
    { level: 1, name: candidateName(first) },
    { timeout: 5000 }, // the page's code is a lazy chunk
  )
  await user.click(screen.getByRole('link', { name: 'Back to candidates' }))
  await user.click(await screen.findByRole('link', { name: new RegExp(candidateName(second)) }))
  await screen.findByRole(
    'heading',
    { level: 1, name: candidateName(second) },
    { timeout: 5000 }, // the page's code is a lazy chunk
  )
  await user.click(screen.getByRole('link', { name: 'Back to candidates' }))

  const recent = await screen.findByRole('region', { name: 'Recently opened' })
  expect(
    within(recent)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href')),
  ).toEqual([`/candidates/${second.id}`, `/candidates/${first.id}`])

  await user.click(within(recent).getByRole('button', { name: 'Clear list' }))
  expect(screen.queryByRole('region', { name: 'Recently opened' })).not.toBeInTheDocument()
})
