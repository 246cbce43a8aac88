import { afterEach, beforeEach, expect, test } from 'vitest'
import i18next from 'i18next'
import { fileSlug, toCsv } from '@/features/timeline/export-csv'
import { entry } from '@/features/timeline/timeline-entry.test-helpers'
import { timelineCsvColumns } from '@/features/timeline/timeline-csv'
import { changeLanguage } from '@/lib/i18n'

const originalTz = process.env.TZ
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam'
})
afterEach(() => {
  process.env.TZ = originalTz
})

const t = i18next.t.bind(i18next)

const entries = [
  entry({
    id: 'recA',
    type: ['Telefonisch', 'Adviesgesprek'],
    performedAt: '2025-05-31T23:30:00+02:00',
    summary: 'Gesprek; "pabo" besproken',
    notes: 'Regel 1\nRegel 2',
    duration: 4200,
    location: 'Rotterdam',
  }),
  entry({ id: 'recB', performedAt: '2025-05-02', summary: '=HYPERLINK("x")', duration: 90 }),
]

test('the export has a header row in the current language and one row per entry', () => {
  const csv = toCsv(entries, timelineCsvColumns(entries, t, 'en', { location: 'Locatie' }), ',')
  const lines = csv.slice(1).split('\r\n')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  expect(lines[0]).toBe(
    'Date (as stored),Date and time (local),Type,Summary,Notes,Duration (minutes),Locatie,ID',
  )
  expect(lines[1]).toBe(
    '2025-05-31T23:30:00+02:00,2025-05-31 23:30,"Telefonisch, Adviesgesprek",' +
      '"Gesprek; ""pabo"" besproken","Regel 1\nRegel 2",70,Rotterdam,recA',
  )
  expect(lines).toHaveLength(4) // header, two entries, and the closing line break
})

test('a cell that a spreadsheet would run as a formula is neutralised', () => {
  const csv = toCsv(entries, timelineCsvColumns(entries, t, 'en', {}), ',')
  expect(csv).toContain(`'=HYPERLINK(""x"")`)
})

test('Dutch exports use semicolons and a decimal comma for partial minutes', async () => {
  await changeLanguage('nl')
  const csv = toCsv(entries, timelineCsvColumns(entries, t, 'nl', {}), ';')
  const lines = csv.slice(1).split('\r\n')
  expect(lines[0]).toBe(
    'Datum (zoals opgeslagen);Datum en tijd (lokaal);Soort;Samenvatting;Notities;Duur (minuten);location;ID',
  )
  expect(csv).toContain('"Gesprek; ""pabo"" besproken"')
  expect(csv).toContain(';1,5;')
  expect(csv).toContain('2025-05-02;2025-05-02;Telefonisch;')
})

test('file names are safe in every file system', () => {
  expect(fileSlug('Hüseyin van der Berg-Özdemir')).toBe('huseyin-van-der-berg-ozdemir')
  expect(fileSlug('  ')).toBe('')
})
