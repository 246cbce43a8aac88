import { useTranslation } from 'react-i18next'
import type { InteractionDialogMessages } from '@/features/interaction-forms/dialog-messages'
import type { InteractionFormsMessages } from '@/lib/locales/interaction-forms-en'

/**
 * The interaction forms' strings, in their own i18next namespace (see features/sync/messages):
 * what the candidate page shows (actions, dialog titles, announcements) comes with the language's
 * strings, one language per download (lib/locales/interaction-forms-en.ts, decision 0029); the
 * dialogs bring the rest (dialog-messages.ts).
 */
export const INTERACTION_FORMS_NAMESPACE = 'interactionForms'

declare module 'i18next' {
  interface ResourceNamespaceMap {
    interactionForms: InteractionFormsMessages & InteractionDialogMessages
  }
}

export function useInteractionFormsTranslation() {
  return useTranslation(INTERACTION_FORMS_NAMESPACE)
}
