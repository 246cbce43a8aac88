import { INTERACTION_FORMS_NAMESPACE } from '@/features/interaction-forms/messages'
import { useTranslation } from 'react-i18next'
import { addStrings } from '@/lib/i18n'

/** The forms' own strings (fields, buttons, the delete question): they come with the forms. */
export const interactionDialogEn = {
  fields: {
    type: 'Type',
    performedAt: 'Date',
    summary: 'Summary',
    notes: 'Notes',
    duration: 'Duration',
  },
  log: {
    subtitle: 'For {{name}}',
    submit_one: 'Log interaction',
    submit_other: 'Log {{count}} interactions',
  },
  edit: {
    submit: 'Save changes',
    nothingChanged: 'Nothing has changed yet.',
  },
  resubmit: {
    submit: 'Resubmit',
  },
  delete: {
    body: 'The interaction “{{types}}” of {{date}} will be deleted permanently. This cannot be undone.',
    bodyNoDate: 'The interaction “{{types}}” will be deleted permanently. This cannot be undone.',
    confirm: 'Delete permanently',
    deleting: 'Deleting…',
    cancel: 'Cancel',
  },
  noItemSchema: 'This region’s schema describes no interactions, so they cannot be logged here.',
}

export type InteractionDialogMessages = typeof interactionDialogEn

export const interactionDialogNl: InteractionDialogMessages = {
  fields: {
    type: 'Soort',
    performedAt: 'Datum',
    summary: 'Samenvatting',
    notes: 'Notities',
    duration: 'Duur',
  },
  log: {
    subtitle: 'Voor {{name}}',
    submit_one: 'Contactmoment vastleggen',
    submit_other: '{{count}} contactmomenten vastleggen',
  },
  edit: {
    submit: 'Wijzigingen opslaan',
    nothingChanged: 'Er is nog niets gewijzigd.',
  },
  resubmit: {
    submit: 'Opnieuw versturen',
  },
  delete: {
    body: 'Het contactmoment “{{types}}” van {{date}} wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.',
    bodyNoDate:
      'Het contactmoment “{{types}}” wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.',
    confirm: 'Definitief verwijderen',
    deleting: 'Bezig met verwijderen…',
    cancel: 'Annuleren',
  },
  noItemSchema:
    'Het schema van deze regio beschrijft geen contactmomenten, dus die kunnen hier niet worden vastgelegd.',
}

// At import: the dialogs import this module, so their strings are in before they render.
addStrings(INTERACTION_FORMS_NAMESPACE, { en: interactionDialogEn, nl: interactionDialogNl })

/** The namespace's hook for the dialogs: the same `t`, with the dialogs' strings loaded. */
export function useInteractionDialogTranslation() {
  return useTranslation(INTERACTION_FORMS_NAMESPACE)
}
