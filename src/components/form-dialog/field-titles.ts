import { isRecord } from '@/lib/json'
import { type JsonSchema } from '@/schema-form/json-value'

/**
 * The object schema with our own titles for the fields we know (in the counsellor's language),
 * so labels *and* messages ("Choose at least one type") use them; fields we do not know keep
 * the region's own title. Titles are annotations: validation is unchanged.
 */
export function withFieldTitles(
  schema: JsonSchema,
  titles: Readonly<Record<string, string>>,
): JsonSchema {
  const properties = isRecord(schema.properties) ? schema.properties : null
  if (!properties) return schema
  const renamed = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const title = titles[name]
      return [name, title !== undefined && isRecord(property) ? { ...property, title } : property]
    }),
  )
  return { ...schema, properties: renamed }
}
