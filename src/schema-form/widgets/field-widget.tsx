import { memo, type ComponentType } from 'react'
import type { WidgetName } from '@/schema-form/widget-choice'
import { DateOrDateTimeWidget } from '@/schema-form/widgets/date-or-date-time-widget'
import { DateWidget } from '@/schema-form/widgets/date-widget'
import { DurationWidget } from '@/schema-form/widgets/duration-widget'
import { MultiSelectWidget } from '@/schema-form/widgets/multi-select-widget'
import { NumberWidget } from '@/schema-form/widgets/number-widget'
import { SelectWidget } from '@/schema-form/widgets/select-widget'
import { SwitchWidget } from '@/schema-form/widgets/switch-widget'
import { TextWidget } from '@/schema-form/widgets/text-widget'
import type { WidgetComponent, WidgetProps } from '@/schema-form/widgets/widget-props'

/** The leaf widgets; `object` and `rows` nest other fields and are rendered by SchemaFields. */
export const LEAF_WIDGETS: Record<Exclude<WidgetName, 'object' | 'rows'>, WidgetComponent> = {
  text: TextWidget,
  multiline: TextWidget,
  email: TextWidget,
  url: TextWidget,
  json: TextWidget,
  number: NumberWidget,
  'duration-seconds': DurationWidget,
  switch: SwitchWidget,
  select: SelectWidget,
  'multi-select': MultiSelectWidget,
  date: DateWidget,
  'date-time': DateWidget,
  'date-or-date-time': DateOrDateTimeWidget,
}

type FieldWidgetProps = WidgetProps & { custom?: ComponentType<WidgetProps> }

/** Memoised: typing in one field re-renders that field, not the other widgets beside it. */
export const FieldWidget = memo(function FieldWidget({ custom, ...props }: FieldWidgetProps) {
  const { widget } = props.field
  const Widget =
    custom ?? (widget === 'object' || widget === 'rows' ? TextWidget : LEAF_WIDGETS[widget])
  return <Widget {...props} />
})
