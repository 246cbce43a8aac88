import type { JsonSchema } from '@/schema-form/json-value'

export type RowsFormSchemaOptions = {
  name?: string
  minItems?: number
  maxItems?: number
  /** The heading above the rows (the array's `title`). */
  title?: string
}

/**
 * A form of 1..n rows of one item schema, as one object schema: `{ rows: [item, …] }`. The form's
 * payload is then `{ rows }` (send `payload.rows` as the batch body) and a 400's issue paths
 * (`[0, 'performedAt']`) map onto it with `basePath: 'rows'`.
 */
export function rowsFormSchema(
  itemSchema: unknown,
  options: RowsFormSchemaOptions = {},
): JsonSchema {
  const { name = 'rows', minItems = 1, maxItems, title } = options
  const rows = {
    type: 'array',
    items: itemSchema,
    minItems,
    ...(maxItems === undefined ? {} : { maxItems }),
    ...(title === undefined ? {} : { title }),
  }
  return {
    type: 'object',
    properties: { [name]: rows },
    required: [name],
    additionalProperties: false,
  }
}
