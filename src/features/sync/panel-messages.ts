import { SYNC_NAMESPACE } from '@/features/sync/messages'
import { addStrings } from '@/lib/i18n'

/** The sync panel's strings (entries, phases, reasons, actions): they come with its chunk. */
export const syncPanelEn = {
  panel: {
    menuTitle: 'Changes',
    empty: 'No changes are waiting.',
    storageProblem:
      'Changes cannot be kept in this browser (storage is full or blocked). Keep this tab open until they are saved.',
    eventsUnavailable: 'Live updates are unavailable; results are checked every now and then.',
  },
  halt: {
    title: 'Changes are not being sent',
    sandboxMismatch:
      'The API answered from another environment than the one this app asked for, so something between this app and the API drops the sandbox setting. To keep sandbox changes out of production (and the reverse), no change is sent until you resume. Check the connection in Settings first.',
    resume: 'Resume sending',
  },
  phase: {
    sending: 'Sending…',
    retrying: 'Trying again…',
    waiting: 'Waits for an earlier change',
    queued: 'Waiting for the server',
    confirmed: 'Saved',
    unsent: 'Not sent',
    failed: 'Failed',
    stale: 'No confirmation yet',
  },
  describe: {
    createInteraction_one: 'New interaction',
    createInteraction_other: '{{count}} new interactions',
    updateInteraction: 'Edit of an interaction',
    deleteInteraction: 'Removal of an interaction',
    createCandidate_one: 'New candidate',
    createCandidate_other: '{{count}} new candidates',
    updateCandidate: 'Edit of a candidate',
  },
  action: {
    retry: 'Retry',
    checkAgain: 'Check again',
    discard: 'Discard',
    edit: 'Edit & resubmit',
  },
  colleagues: {
    title: 'Colleagues’ changes to this candidate that failed',
    item: '{{change}} by {{name}}',
    failedAt: 'Failed {{time}}: {{reason}}',
  },
}

export type SyncPanelMessages = typeof syncPanelEn

export const syncPanelNl: SyncPanelMessages = {
  panel: {
    menuTitle: 'Wijzigingen',
    empty: 'Er wachten geen wijzigingen.',
    storageProblem:
      'Wijzigingen kunnen niet in deze browser worden bewaard (opslag vol of geblokkeerd). Houd dit tabblad open tot ze zijn opgeslagen.',
    eventsUnavailable:
      'Live-updates zijn niet beschikbaar; we kijken af en toe of wijzigingen zijn verwerkt.',
  },
  halt: {
    title: 'Wijzigingen worden niet verstuurd',
    sandboxMismatch:
      'De API antwoordde vanuit een andere omgeving dan deze app vroeg, dus iets tussen deze app en de API laat de sandbox-instelling vallen. Om sandboxwijzigingen uit productie te houden (en andersom) wordt er niets verstuurd tot u hervat. Controleer eerst de verbinding bij Instellingen.',
    resume: 'Versturen hervatten',
  },
  phase: {
    sending: 'Wordt verstuurd…',
    retrying: 'Wordt opnieuw geprobeerd…',
    waiting: 'Wacht op een eerdere wijziging',
    queued: 'Wacht op de server',
    confirmed: 'Opgeslagen',
    unsent: 'Niet verstuurd',
    failed: 'Mislukt',
    stale: 'Nog niet bevestigd',
  },
  describe: {
    createInteraction_one: 'Nieuw contactmoment',
    createInteraction_other: '{{count}} nieuwe contactmomenten',
    updateInteraction: 'Wijziging van een contactmoment',
    deleteInteraction: 'Verwijdering van een contactmoment',
    createCandidate_one: 'Nieuwe kandidaat',
    createCandidate_other: '{{count}} nieuwe kandidaten',
    updateCandidate: 'Wijziging van een kandidaat',
  },
  action: {
    retry: 'Opnieuw proberen',
    checkAgain: 'Opnieuw kijken',
    discard: 'Weggooien',
    edit: 'Bewerken en opnieuw versturen',
  },
  colleagues: {
    title: 'Mislukte wijzigingen van collega’s aan deze kandidaat',
    item: '{{change}} door {{name}}',
    failedAt: 'Mislukt {{time}}: {{reason}}',
  },
}

/** Adds the panel's bundles; its modules call this at import (safe to call again). */
export function registerSyncPanelMessages(): void {
  addStrings(SYNC_NAMESPACE, { en: syncPanelEn, nl: syncPanelNl })
}
