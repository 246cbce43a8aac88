// @vitest-environment node
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { SCENARIO_FIELDS, SCENARIO_SETTINGS } from '@/mocks/scenario'

/** The README's scenario table, as [parameter, effect] rows (the table after its heading line). */
function readmeRows(): string[][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const start = readme.indexOf('Scenario URL parameters')
  expect(start, 'README has a "Scenario URL parameters" table').toBeGreaterThan(-1)
  const lines = readme.slice(start).split('\n').slice(1)
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')))
  const rows = table.slice(
    0,
    table.findIndex((line) => !line.startsWith('|')),
  )
  return rows
    .slice(2) // header and separator
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
}

test('the README lists every scenario setting, in order, as scenario.ts declares it', () => {
  const expected = SCENARIO_FIELDS.map((field) => {
    const { param, readme } = SCENARIO_SETTINGS[field]
    return [`\`${param}=${readme.example}\``, readme.effect]
  })
  expect(readmeRows()).toEqual(expected)
})

test("each setting's README example is a value its URL parameter accepts", () => {
  for (const field of SCENARIO_FIELDS) {
    const { fromParam, readme } = SCENARIO_SETTINGS[field]
    const example =
      readme.example === 'MS' ? '1500' : readme.example === '0..1' ? '0.3' : readme.example
    expect(fromParam.safeParse(example).success, `${field}: ${readme.example}`).toBe(true)
  }
})
