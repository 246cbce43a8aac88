import type { ComponentType } from 'react'
import type { Control } from 'react-hook-form'
import type { FieldModel } from '@/schema-form/schema-model'

export type WidgetProps = {
  field: FieldModel
  /** The full form name, e.g. `rows.0.performedAt`. */
  name: string
  control: Control
}

/** A caller's own widget for one field (SchemaFields `widgets` prop). */
export type WidgetComponent = ComponentType<WidgetProps>
