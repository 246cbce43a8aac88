import { expect, test } from 'vitest'
import { typeIconName } from '@/features/timeline/type-icon'

test('every type of the demo regions gets a fitting icon', () => {
  expect(
    [
      'Telefonisch',
      'E-mail',
      'Persoonlijk',
      'Adviesgesprek',
      'Kennismakingsgesprek',
      'Inschrijving activiteit',
      'Doorverwijzing',
      'Anders',
    ].map(typeIconName),
  ).toEqual([
    'phone',
    'email',
    'in-person',
    'conversation',
    'introduction',
    'event',
    'referral',
    'other',
  ])
})

test('a type nobody foresaw still gets the generic icon', () => {
  expect(typeIconName('Sollicitatietraining')).toBe('generic')
  expect(typeIconName(undefined)).toBe('generic')
  expect(typeIconName('Phone call')).toBe('phone')
})
