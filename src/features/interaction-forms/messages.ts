import { useTranslation } from 'react-i18next'
import type { InteractionDialogMessages } from '@/features/interaction-forms/dialog-messages'
import { addStrings } from '@/lib/i18n'

/**
 * The interaction forms' strings, in their own i18next namespace (see features/sync/messages):
 * here what the candidate page shows (actions, dialog titles, announcements); the dialogs bring
 * the rest (dialog-messages.ts).
 */
export const INTERACTION_FORMS_NAMESPACE = 'interactionForms'

export const interactionFormsEn = {
  log: {
    title: 'Log interactions',
  },
  edit: {
    title: 'Edit interaction',
  },
  resubmit: {
    logTitle: 'Correct and resubmit',
    editTitle: 'Correct and resubmit the edit',
  },
  delete: {
    title: 'Delete this interaction?',
  },
  actions: {
    edit: 'Edit',
    delete: 'Delete',
    editAndResubmit: 'Edit & resubmit',
  },
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
  log: {
    title: 'Contactmomenten vastleggen',
  },
  edit: {
    title: 'Contactmoment bewerken',
  },
  resubmit: {
    logTitle: 'Corrigeren en opnieuw versturen',
    editTitle: 'Wijziging corrigeren en opnieuw versturen',
  },
  delete: {
    title: 'Dit contactmoment verwijderen?',
  },
  actions: {
    edit: 'Bewerken',
    delete: 'Verwijderen',
    editAndResubmit: 'Bewerken en opnieuw versturen',
  },
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
    interactionForms: InteractionFormsMessages & InteractionDialogMessages
  }
}

// At import: the bundles must be in i18next before the first render asks for them.
addStrings(INTERACTION_FORMS_NAMESPACE, { en: interactionFormsEn, nl: interactionFormsNl })

export function useInteractionFormsTranslation() {
  return useTranslation(INTERACTION_FORMS_NAMESPACE)
}
