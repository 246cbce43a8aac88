import { useTranslation } from 'react-i18next'
import { addStrings } from '@/lib/i18n'

/**
 * The form dialogs' shared strings, in their own i18next namespace: they load with the (lazy)
 * form code instead of weighing on the first page load.
 */
export const FORM_DIALOG_NAMESPACE = 'formDialog'

export const formDialogEn = {
  cancel: 'Cancel',
  close: 'Close',
  retry: 'Try again',
  loading: 'Loading the form…',
  loadFailedTitle: 'The form could not be loaded',
  loadFailed: 'What this form needs could not be read. Check the connection and try again.',
  saving: 'Saving…',
  shortcut: '{{keys}} to save',
  reasonLabel: 'Cannot save yet',
  fieldErrors_one:
    'The server did not accept one value. It is marked below; everything you typed is still here.',
  fieldErrors_other:
    'The server did not accept {{count}} values. They are marked below; everything you typed is still here.',
  fieldErrorsTitle: 'Not saved',
  notSentTitle: 'Could not be sent',
  notSentKept:
    'Everything you typed is still here. Save again to retry; the change is also listed under Changes.',
  unexpectedTitle: 'Not saved',
  unexpected:
    'Something went wrong while saving ({{message}}). Everything you typed is still here.',
  reason: {
    network: 'The server could not be reached.',
    unauthorized: 'The API key was not accepted. Check the connection in Settings.',
    notFound: 'The candidate or interaction does not exist (any more).',
    validation: 'The server refused the values.',
    rateLimited: 'The server was too busy.',
    server: 'The server had a problem.',
    invalidResponse: 'The server answered in a way this app cannot read.',
    http: 'The request failed.',
    outcome: 'The server could not apply it ({{detail}}).',
    dependency: 'The new interaction it refers to was not saved.',
    contract: 'The server accepted it, but its answer did not match what was sent.',
    other: 'The change could not be sent.',
  },
  resubmitFailed: 'This change was not saved. {{reason}} Correct it if needed and send it again.',
  draft: {
    restored: 'Restored your unsent draft from {{time}}.',
    restoredDroppedDates_one: 'One half-typed date could not be restored; please enter it again.',
    restoredDroppedDates_other:
      '{{count}} half-typed dates could not be restored; please enter them again.',
    discard: 'Start over',
  },
}

export type FormDialogMessages = typeof formDialogEn

export const formDialogNl: FormDialogMessages = {
  cancel: 'Annuleren',
  close: 'Sluiten',
  retry: 'Opnieuw proberen',
  loading: 'Formulier laden…',
  loadFailedTitle: 'Het formulier kon niet worden geladen',
  loadFailed:
    'Wat dit formulier nodig heeft kon niet worden gelezen. Controleer de verbinding en probeer het opnieuw.',
  saving: 'Bezig met opslaan…',
  shortcut: '{{keys}} om op te slaan',
  reasonLabel: 'Opslaan kan nog niet',
  fieldErrors_one:
    'De server accepteerde één waarde niet. Die is hieronder gemarkeerd; alles wat je typte staat er nog.',
  fieldErrors_other:
    'De server accepteerde {{count}} waarden niet. Ze zijn hieronder gemarkeerd; alles wat je typte staat er nog.',
  fieldErrorsTitle: 'Niet opgeslagen',
  notSentTitle: 'Kon niet worden verstuurd',
  notSentKept:
    'Alles wat je typte staat er nog. Sla opnieuw op om het nog eens te proberen; de wijziging staat ook onder Wijzigingen.',
  unexpectedTitle: 'Niet opgeslagen',
  unexpected: 'Er ging iets mis bij het opslaan ({{message}}). Alles wat je typte staat er nog.',
  reason: {
    network: 'De server was niet bereikbaar.',
    unauthorized:
      'De API-sleutel werd niet geaccepteerd. Controleer de verbinding bij Instellingen.',
    notFound: 'De kandidaat of het contactmoment bestaat niet (meer).',
    validation: 'De server weigerde de waarden.',
    rateLimited: 'De server had het te druk.',
    server: 'De server had een probleem.',
    invalidResponse: 'De server antwoordde op een manier die deze app niet kan lezen.',
    http: 'Het verzoek is mislukt.',
    outcome: 'De server kon haar niet doorvoeren ({{detail}}).',
    dependency: 'Het nieuwe contactmoment waar ze naar verwijst is niet opgeslagen.',
    contract:
      'De server heeft het aangenomen, maar zijn antwoord klopt niet met wat er is verstuurd.',
    other: 'De wijziging kon niet worden verstuurd.',
  },
  resubmitFailed:
    'Deze wijziging is niet opgeslagen. {{reason}} Corrigeer haar zo nodig en verstuur haar opnieuw.',
  draft: {
    restored: 'Je niet-verstuurde concept van {{time}} is teruggezet.',
    restoredDroppedDates_one:
      'Eén half ingevulde datum kon niet worden teruggezet; vul die opnieuw in.',
    restoredDroppedDates_other:
      '{{count}} half ingevulde datums konden niet worden teruggezet; vul ze opnieuw in.',
    discard: 'Opnieuw beginnen',
  },
}

declare module 'i18next' {
  interface ResourceNamespaceMap {
    formDialog: FormDialogMessages
  }
}

// At import: the bundles must be in i18next before the first render asks for them.
addStrings(FORM_DIALOG_NAMESPACE, { en: formDialogEn, nl: formDialogNl })

export function useFormDialogTranslation() {
  return useTranslation(FORM_DIALOG_NAMESPACE)
}
