import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { INTERACTION_ITEM_SCHEMA_PATH, type SchemaOperation } from '@/api/contract'
import type { JsonSchemaDocument } from '@/api/contract'
import { apiQueries } from '@/api/query-options'
import { useApi } from '@/config/connection'
import type { JsonSchema } from '@/schema-form/json-value'
import { getAtPath } from '@/schema-form/schema-model'
import { useInteractionDialogTranslation } from '@/features/interaction-forms/dialog-messages'

function selectItem(document: JsonSchemaDocument): JsonSchema | null {
  return getAtPath(document, INTERACTION_ITEM_SCHEMA_PATH) ?? null
}

/**
 * The region's interaction item schema (`create`, or `update` for PATCH), from the cached
 * `/schema`. `item` is null when the schema has no interactions at all.
 */
export function useInteractionItemSchema(operation: SchemaOperation) {
  const api = useApi()
  return useQuery({ ...apiQueries.schema(api, operation), select: selectItem })
}

/** Our words for the documented fields; a region's own extras keep their schema title. */
export function useInteractionLabels(): Record<string, string> {
  const { t } = useInteractionDialogTranslation()
  return useMemo(
    () => ({
      type: t('fields.type'),
      performedAt: t('fields.performedAt'),
      summary: t('fields.summary'),
      notes: t('fields.notes'),
      duration: t('fields.duration'),
    }),
    [t],
  )
}

/** Seconds are stored, minutes and hours are typed (the schema may not say "seconds"). */
export const INTERACTION_WIDGETS = { duration: 'duration-seconds' } as const
