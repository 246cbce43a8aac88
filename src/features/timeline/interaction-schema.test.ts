import { expect, test } from 'vitest'
import { readInteractionSchema } from '@/features/timeline/interaction-schema'
import { regionById, regionJsonSchema } from '@/mocks/regions'

test("the region's types and field titles come from its /schema", () => {
  const rijnmond = regionById('rijnmond')
  if (!rijnmond) throw new Error('the mock has Rijnmond')
  const info = readInteractionSchema(regionJsonSchema(rijnmond, 'create'))
  expect(info.types).toEqual([
    'Kennismakingsgesprek',
    'Telefonisch',
    'E-mail',
    'Adviesgesprek',
    'Doorverwijzing',
    'Inschrijving activiteit',
    'Anders',
  ])
  expect(info.fieldTitles).toMatchObject({ location: 'Locatie', followUpOn: 'Opvolgen op' })
})

test('a schema of an unexpected shape yields nothing instead of an error', () => {
  expect(readInteractionSchema({ properties: { interactions: 'nope' } })).toEqual({
    types: [],
    fieldTitles: {},
  })
  expect(readInteractionSchema(null).types).toEqual([])
})

test('types offered through anyOf (nullable) or const unions are read too', () => {
  const schema = {
    properties: {
      interactions: {
        items: {
          properties: {
            type: {
              anyOf: [
                { type: 'array', items: { anyOf: [{ const: 'A' }, { enum: ['B'] }] } },
                { type: 'null' },
              ],
            },
          },
        },
      },
    },
  }
  expect(readInteractionSchema(schema).types).toEqual(['A', 'B'])
})
