import i18n from 'i18next'
import { useTranslation } from 'react-i18next'

/** The interaction forms' strings, in their own i18next namespace (see features/sync/messages). */
export const INTERACTION_FORMS_NAMESPACE = 'interactionForms'

export const interactionFormsEn = {
  fields: {
    type: 'Type',
    performedAt: 'Date',
    summary: 'Summary',
    notes: 'Notes',
    duration: 'Duration',
  },
  log: {
    title: 'Log interactions',
    subtitle: 'For {{name}}',
    submit_one: 'Log interaction',
    submit_other: 'Log {{count}} interactions',
  },
  edit: {
    title: 'Edit interaction',
    submit: 'Save changes',
    nothingChanged: 'Nothing has changed yet.',
  },
  resubmit: {
    logTitle: 'Correct and resubmit',
    editTitle: 'Correct and resubmit the edit',
    submit: 'Resubmit',
  },
  delete: {
    title: 'Delete this interaction?',
    body: 'The interaction “{{types}}” of {{date}} will be deleted permanently. This cannot be undone.',
    bodyNoDate: 'The interaction “{{types}}” will be deleted permanently. This cannot be undone.',
    confirm: 'Delete permanently',
    deleting: 'Deleting…',
    cancel: 'Cancel',
  },
  actions: {
    edit: 'Edit',
    delete: 'Delete',
    editAndResubmit: 'Edit & resubmit',
  },
  noItemSchema: 'This region’s schema describes no interactions, so they cannot be logged here.',
  announce: {
    logged_one: 'Interaction logged. It shows as pending until the server confirms it.',
    logged_other:
      '{{count}} interactions logged. They show as pending until the server confirms them.',
    edited: 'Change saved. It shows as pending until the server confirms it.',
    deleted: 'Interaction deleted. It stays struck through until the server confirms it.',
  },
}

export type InteractionFormsMessages = typeof interactionFormsEn

export const interactionFormsNl: InteractionFormsMessages = {
  fields: {
    type: 'Soort',
    performedAt: 'Datum',
    summary: 'Samenvatting',
    notes: 'Notities',
    duration: 'Duur',
  },
  log: {
    title: 'Contactmomenten vastleggen',
    subtitle: 'Voor {{name}}',
    submit_one: 'Contactmoment vastleggen',
    submit_other: '{{count}} contactmomenten vastleggen',
  },
  edit: {
    title: 'Contactmoment bewerken',
    submit: 'Wijzigingen opslaan',
    nothingChanged: 'Er is nog niets gewijzigd.',
  },
  resubmit: {
    logTitle: 'Corrigeren en opnieuw versturen',
    editTitle: 'Wijziging corrigeren en opnieuw versturen',
    submit: 'Opnieuw versturen',
  },
  delete: {
    title: 'Dit contactmoment verwijderen?',
    body: 'Het contactmoment “{{types}}” van {{date}} wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.',
    bodyNoDate:
      'Het contactmoment “{{types}}” wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.',
    confirm: 'Definitief verwijderen',
    deleting: 'Bezig met verwijderen…',
    cancel: 'Annuleren',
  },
  actions: {
    edit: 'Bewerken',
    delete: 'Verwijderen',
    editAndResubmit: 'Bewerken en opnieuw versturen',
  },
  noItemSchema:
    'Het schema van deze regio beschrijft geen contactmomenten, dus die kunnen hier niet worden vastgelegd.',
  announce: {
    logged_one:
      'Contactmoment vastgelegd. Het staat als in behandeling tot de server het bevestigt.',
    logged_other:
      '{{count}} contactmomenten vastgelegd. Ze staan als in behandeling tot de server ze bevestigt.',
    edited: 'Wijziging opgeslagen. Ze staat als in behandeling tot de server haar bevestigt.',
    deleted: 'Contactmoment verwijderd. Het blijft doorgestreept tot de server het bevestigt.',
  },
}

declare module 'i18next' {
  interface ResourceNamespaceMap {
    interactionForms: InteractionFormsMessages
  }
}

function register(): void {
  if (i18n.hasResourceBundle('en', INTERACTION_FORMS_NAMESPACE)) return
  i18n.addResourceBundle('en', INTERACTION_FORMS_NAMESPACE, interactionFormsEn)
  i18n.addResourceBundle('nl', INTERACTION_FORMS_NAMESPACE, interactionFormsNl)
}

function registerInteractionFormsMessages(): void {
  if (i18n.isInitialized) register()
  else i18n.on('initialized', register)
}

// At import: the bundles must be in i18next before the first render asks for them.
registerInteractionFormsMessages()

export function useInteractionFormsTranslation() {
  return useTranslation(INTERACTION_FORMS_NAMESPACE)
}
