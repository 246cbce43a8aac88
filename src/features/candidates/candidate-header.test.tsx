import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { Candidate } from '@/api/contract'
import { CandidateHeader } from '@/features/candidates/candidate-header'

const candidate = (email: string): Candidate => ({
  id: 'cand-1',
  firstName: 'Sam',
  lastName: 'de Vries',
  email,
  phone: null,
  createdAt: '2026-01-05T09:00:00Z',
  updatedAt: '2026-01-05T09:00:00Z',
})

test('the e-mail link carries the address encoded, so ?, &, %, + and quotes stay part of it', () => {
  const email = '"sam de vries"+a?b&cc=boss%40x.nl@example.nl'
  render(<CandidateHeader candidate={candidate(email)} />)

  const link = screen.getByRole('link', { name: email })
  const href = link.getAttribute('href') ?? ''
  expect(href).toBe('mailto:%22sam%20de%20vries%22%2Ba%3Fb%26cc%3Dboss%2540x.nl@example.nl')
  // Nothing the address holds can start a header (?cc=, &body=) or end it early.
  const url = new URL(href)
  expect(url.search).toBe('')
  expect(url.hash).toBe('')
  expect(decodeURIComponent(url.pathname)).toBe(email)
})

test('a plain address stays readable in the link', () => {
  render(<CandidateHeader candidate={candidate('sam.devries@example.nl')} />)
  expect(screen.getByRole('link', { name: 'sam.devries@example.nl' })).toHaveAttribute(
    'href',
    'mailto:sam.devries@example.nl',
  )
})
