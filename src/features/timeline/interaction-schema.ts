import { INTERACTION_ITEM_SCHEMA_PATH } from '@/api/contract'

/**
 * What the timeline reads from the region's `/schema`: the interaction types the region offers
 * (labels as the schema gives them) and the titles of its fields. The schema is region data,
 * so it is walked as unknown JSON and anything unexpected simply yields nothing.
 */
export type InteractionSchemaInfo = {
  types: readonly string[]
  /** Property name → its `title` (e.g. `location` → "Locatie"). */
  fieldTitles: Readonly<Record<string, string>>
  /**
   * The schema is still on its way (its first try): the type filter waits for it, because its
   * order is the schema's, and chips that reorder under the pointer take clicks elsewhere.
   */
  isPending?: boolean
}

export const EMPTY_SCHEMA_INFO: InteractionSchemaInfo = { types: [], fieldTitles: {} }
export const PENDING_SCHEMA_INFO: InteractionSchemaInfo = { ...EMPTY_SCHEMA_INFO, isPending: true }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `enum` values, or the `const`s / `enum`s of an `anyOf` / `oneOf` (nullable unions too). */
function enumValues(schema: unknown): string[] {
  if (!isRecord(schema)) return []
  if (Array.isArray(schema.enum)) {
    return schema.enum.filter((value): value is string => typeof value === 'string')
  }
  if (typeof schema.const === 'string') return [schema.const]
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf
  return Array.isArray(union) ? union.flatMap(enumValues) : []
}

/** The array's item schema, looking through a nullable `anyOf` wrapper. */
function itemsOf(schema: unknown): unknown {
  if (!isRecord(schema)) return undefined
  if ('items' in schema) return schema.items
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : []
  return union.map(itemsOf).find((items) => items !== undefined)
}

export function readInteractionSchema(candidateSchema: unknown): InteractionSchemaInfo {
  let node: unknown = candidateSchema
  for (const key of INTERACTION_ITEM_SCHEMA_PATH) node = isRecord(node) ? node[key] : undefined
  const properties = isRecord(node) && isRecord(node.properties) ? node.properties : {}
  const fieldTitles: Record<string, string> = {}
  for (const [name, property] of Object.entries(properties)) {
    if (isRecord(property) && typeof property.title === 'string') fieldTitles[name] = property.title
  }
  const typeSchema = properties.type
  const types = [...new Set([...enumValues(itemsOf(typeSchema)), ...enumValues(typeSchema)])]
  return { types, fieldTitles }
}

/**
 * The types to offer as filters: the region's own, in its order, where the candidate has them
 * (or one is chosen), then any other type the data carries (a retired or unknown one), A–Z.
 */
export function typeFilterOptions(
  schemaTypes: readonly string[],
  present: ReadonlySet<string>,
  selected: readonly string[],
): string[] {
  const ordered = schemaTypes.filter((type) => present.has(type) || selected.includes(type))
  const known = new Set(ordered)
  const extra = [...new Set([...present, ...selected])].filter((type) => !known.has(type))
  return [...ordered, ...extra.sort((a, b) => a.localeCompare(b))]
}
