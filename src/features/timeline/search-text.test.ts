import { expect, test } from 'vitest'
import { searchTerms, splitMatches } from '@/features/timeline/search-text'

test('search words are folded: case and accents do not matter', () => {
  expect(searchTerms('  Oriënteren  CV ')).toEqual(['orienteren', 'cv'])
})

test('matches are marked in the original text, accents and all', () => {
  expect(splitMatches('Oriënterend gesprek over de PABO', ['orienterend', 'pabo'])).toEqual([
    { text: 'Oriënterend', isMatch: true },
    { text: ' gesprek over de ', isMatch: false },
    { text: 'PABO', isMatch: true },
  ])
})

test('overlapping and repeated matches merge into one mark each', () => {
  expect(splitMatches('abcabc', ['abc', 'bca'])).toEqual([{ text: 'abcabc', isMatch: true }])
  expect(splitMatches('a-a', ['a'])).toEqual([
    { text: 'a', isMatch: true },
    { text: '-', isMatch: false },
    { text: 'a', isMatch: true },
  ])
})
