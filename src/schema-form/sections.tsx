import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useId, useState, type ReactNode } from 'react'
import { get, useFormState, type Control } from 'react-hook-form'
import { isEmptyFormValue } from '@/schema-form/form-values'
import type { FieldModel } from '@/schema-form/schema-model'

type NamedField = { field: FieldModel; name: string }

/**
 * Open when asked, when one of its fields already holds a value (an edit form must not hide
 * existing notes) and whenever one of its fields has an error (submit must be able to show
 * and focus it). Its own useFormState keeps error updates from re-rendering the whole form.
 */
function useSectionOpen(control: Control, fields: readonly NamedField[]) {
  const names = fields.map((entry) => entry.name)
  const { errors, defaultValues } = useFormState({ control, name: names })
  const [isOpen, setOpen] = useState(() =>
    fields.some(({ field, name }) => !isEmptyFormValue(field, get(defaultValues, name))),
  )
  const hasError = names.some((name) => get(errors, name) !== undefined)
  return { isOpen: isOpen || hasError, canClose: !hasError, setOpen }
}

type CollapsibleSectionProps = {
  /** The button text, e.g. "More fields". */
  title: string
  control: Control
  fields: readonly NamedField[]
  children: ReactNode
}

/** Fields kept mounted while closed, so nothing typed is lost when the section is folded. */
export function CollapsibleSection({ title, control, fields, children }: CollapsibleSectionProps) {
  const { isOpen, canClose, setOpen } = useSectionOpen(control, fields)
  const regionId = useId()
  return (
    <Box>
      <Button
        aria-expanded={isOpen}
        aria-controls={regionId}
        disabled={isOpen && !canClose}
        onClick={() => {
          setOpen(!isOpen)
        }}
      >
        {title}
      </Button>
      <Box id={regionId} hidden={!isOpen} sx={{ display: isOpen ? 'grid' : 'none', gap: 2, mt: 1 }}>
        {children}
      </Box>
    </Box>
  )
}

type ObjectSectionProps = {
  field: FieldModel
  name: string
  control: Control
  toggleLabel: (isOpen: boolean) => string
  children: ReactNode
}

/** A nested object as a fieldset with a legend; an optional one can be folded away. */
export function ObjectSection({ field, name, control, toggleLabel, children }: ObjectSectionProps) {
  const fields = (field.object?.fields ?? []).map((child) => ({
    field: child,
    name: `${name}.${child.name}`,
  }))
  const { isOpen, canClose, setOpen } = useSectionOpen(control, fields)
  const regionId = useId()
  const isShown = field.required || isOpen
  return (
    <Box
      component="fieldset"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0 }}
    >
      <Box component="legend" sx={{ px: 0.5 }}>
        <Typography component="span" variant="subtitle1">
          {field.label}
        </Typography>
      </Box>
      {field.description ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {field.description}
        </Typography>
      ) : null}
      {field.required ? null : (
        <Button
          size="small"
          aria-expanded={isShown}
          aria-controls={regionId}
          disabled={isShown && !canClose}
          onClick={() => {
            setOpen(!isOpen)
          }}
        >
          {toggleLabel(isShown)}
        </Button>
      )}
      <Box
        id={regionId}
        hidden={!isShown}
        sx={{ display: isShown ? 'grid' : 'none', gap: 2, mt: 1 }}
      >
        {children}
      </Box>
    </Box>
  )
}
