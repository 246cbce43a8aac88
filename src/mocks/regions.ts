import { z } from 'zod'
import {
  INTERACTION_ITEM_SCHEMA_PATH,
  jsonSchemaDocumentSchema,
  type JsonSchemaDocument,
  type SchemaOperation,
} from '@/api/contract'
import { DEMO_REGIONS, type DemoRegionId } from '@/config/demo-regions'
import { isRecord } from '@/lib/json'
import { candidateSchema, type RegionSchemaSpec } from '@/mocks/region-schemas'

export type RegionId = DemoRegionId
export const REGION_IDS = DEMO_REGIONS.map((region) => region.id)

export type RegionDefinition = RegionSchemaSpec & {
  id: RegionId
  name: string
  apiKey: string
  /** Keys the signed callbacks ([DOC] HMAC-SHA256 with the region's signing secret). */
  signingSecret: string
}

const specs: Record<RegionId, RegionSchemaSpec & { signingSecret: string }> = {
  utrecht: {
    signingSecret: 'whsec_demo_utrecht_5f1c0e7a2b',
    interactionTypes: [
      'Telefonisch',
      'E-mail',
      'Persoonlijk',
      'Adviesgesprek',
      'Inschrijving activiteit',
      'Anders',
    ],
    interactionExtras: {},
    customFields: {
      openDayInterest: { schema: z.boolean(), title: 'Interesse in open dag' },
      preferredSchool: {
        schema: z.string().max(200),
        title: 'Voorkeursschool',
        description: 'School or school board the candidate would like to work at',
      },
    },
  },
  rijnmond: {
    signingSecret: 'whsec_demo_rijnmond_93d4a61b07',
    interactionTypes: [
      'Kennismakingsgesprek',
      'Telefonisch',
      'E-mail',
      'Adviesgesprek',
      'Doorverwijzing',
      'Inschrijving activiteit',
      'Anders',
    ],
    interactionExtras: {
      location: {
        schema: z.string().max(120),
        title: 'Locatie',
        description: 'Where the contact took place',
      },
      followUpOn: {
        schema: z.iso.date(),
        title: 'Opvolgen op',
        description: 'Date on which to follow this contact up, if any',
        nullable: true,
      },
    },
    customFields: {
      subjects: {
        schema: z.array(
          z.enum([
            'Nederlands',
            'Engels',
            'Wiskunde',
            'Biologie',
            'Geschiedenis',
            'Techniek',
            'Lichamelijke opvoeding',
          ]),
        ),
        title: 'Vakken',
        description: 'Subjects the candidate wants to teach',
      },
      hasTeachingQualification: { schema: z.boolean(), title: 'Heeft onderwijsbevoegdheid' },
      availableFrom: { schema: z.iso.date(), title: 'Beschikbaar vanaf' },
    },
  },
}

export const REGIONS: readonly RegionDefinition[] = DEMO_REGIONS.map((demo) => ({
  ...specs[demo.id],
  id: demo.id,
  name: demo.name,
  apiKey: demo.key,
}))

export function regionByApiKey(apiKey: string | null): RegionDefinition | undefined {
  if (!apiKey) return undefined
  return REGIONS.find((region) => region.apiKey === apiKey)
}

export function regionById(id: string): RegionDefinition | undefined {
  return REGIONS.find((region) => region.id === id)
}

const emitted = new Map<string, JsonSchemaDocument>()

/** The region's JSON Schema as `/schema` serves it (generated once, then cached like upstream). */
export function regionJsonSchema(
  region: RegionDefinition,
  operation: SchemaOperation,
): JsonSchemaDocument {
  const cacheKey = `${region.id}:${operation}`
  const cached = emitted.get(cacheKey)
  if (cached) return cached
  const schema = candidateSchema(region, operation === 'create' ? 'create' : 'update')
  const document = jsonSchemaDocumentSchema.parse(z.toJSONSchema(schema))
  emitted.set(cacheKey, document)
  return document
}

/** The interaction item schema, found where the contract says it sits. */
export function interactionItemJsonSchema(
  region: RegionDefinition,
  operation: SchemaOperation,
): JsonSchemaDocument {
  let node: unknown = regionJsonSchema(region, operation)
  for (const key of INTERACTION_ITEM_SCHEMA_PATH) {
    node = isRecord(node) ? node[key] : undefined
  }
  return jsonSchemaDocumentSchema.parse(node)
}
