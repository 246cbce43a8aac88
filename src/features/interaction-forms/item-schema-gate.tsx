import type { ReactNode } from 'react'
import type { SchemaOperation } from '@/api/contract'
import { FormLoadingDialog } from '@/components/form-dialog/form-loading-dialog'
import { useFormDialogTranslation } from '@/components/form-dialog/messages'
import type { JsonSchema } from '@/schema-form/json-value'
import { SchemaFormProvider } from '@/schema-form/schema-form-provider'
import { useInteractionDialogTranslation } from '@/features/interaction-forms/dialog-messages'
import { useInteractionItemSchema } from '@/features/interaction-forms/use-interaction-item-schema'

type ItemSchemaGateProps = {
  operation: SchemaOperation
  title: string
  onClose: () => void
  /** The form, once the region's item schema is in. */
  children: (itemSchema: JsonSchema) => ReactNode
}

/**
 * Waits for the region's interaction item schema (`create` or `update`): the loading dialog
 * meanwhile, or why it could not come (with retry); then the form inside a SchemaFormProvider.
 */
export function ItemSchemaGate({ operation, title, onClose, children }: ItemSchemaGateProps) {
  const { t } = useInteractionDialogTranslation()
  const { t: tDialog } = useFormDialogTranslation()
  const schema = useInteractionItemSchema(operation)
  if (schema.data) return <SchemaFormProvider>{children(schema.data)}</SchemaFormProvider>
  const error =
    schema.data === null
      ? { message: t('noItemSchema') }
      : schema.isError
        ? { message: tDialog('loadFailed') }
        : null
  return (
    <FormLoadingDialog
      title={title}
      onClose={onClose}
      error={error}
      onRetry={() => void schema.refetch()}
      isRetrying={schema.isFetching}
    />
  )
}
