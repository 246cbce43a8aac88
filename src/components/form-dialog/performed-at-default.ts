import { formatIsoDate, formatIsoDateTime } from '@/schema-form/date-values'
import { isRecord } from '@/lib/json'
import { type JsonSchema } from '@/schema-form/json-value'
import { buildObjectModel } from '@/schema-form/schema-model'

/**
 * An interaction item schema with "now" as the default of `performedAt`, so every new row (the
 * first, and each one added) starts at the current moment: a date-time (to the minute) when the
 * field takes one, else today. A schema without `performedAt` comes back unchanged.
 */
export function withPerformedAtNow(item: JsonSchema, now: Date): JsonSchema {
  const properties = isRecord(item.properties) ? item.properties : null
  const performedAt = properties?.performedAt
  if (!properties || !isRecord(performedAt)) return item
  const field = buildObjectModel(item).fields.find((candidate) => candidate.name === 'performedAt')
  const moment = new Date(now)
  moment.setSeconds(0, 0)
  const value = field?.widget === 'date' ? formatIsoDate(moment) : formatIsoDateTime(moment)
  return { ...item, properties: { ...properties, performedAt: { ...performedAt, default: value } } }
}
