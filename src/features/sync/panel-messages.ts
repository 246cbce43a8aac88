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
  reason: {
    network: 'The server could not be reached.',
    unauthorized: 'The API key was not accepted.',
    notFound: 'The candidate or interaction does not exist (any more).',
    updateTargetGone:
      'This interaction no longer exists (someone may have deleted it), so the edit cannot be made.',
    deleteTargetGone:
      'This interaction no longer exists: someone else may already have removed it.',
    validation: 'The server refused the values.',
    rateLimited: 'The server was too busy.',
    server: 'The server had a problem.',
    invalidResponse: 'The server answered in a way this app cannot read.',
    http: 'The request failed.',
    ownership: 'This interaction belongs to another candidate.',
    outcome: 'The server could not apply the change.',
    dependency: 'The new interaction this change refers to was not saved.',
    stale:
      'The server has not confirmed this change yet. It may still go through; we keep checking.',
  },
  action: {
    retry: 'Retry',
    checkAgain: 'Check again',
    discard: 'Discard',
    edit: 'Edit & resubmit',
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
  reason: {
    network: 'De server was niet bereikbaar.',
    unauthorized: 'De API-sleutel werd niet geaccepteerd.',
    notFound: 'De kandidaat of het contactmoment bestaat niet (meer).',
    updateTargetGone:
      'Dit contactmoment bestaat niet meer (misschien heeft iemand het verwijderd), dus de wijziging kan niet worden doorgevoerd.',
    deleteTargetGone:
      'Dit contactmoment bestaat niet meer: misschien heeft iemand anders het al verwijderd.',
    validation: 'De server heeft de waarden geweigerd.',
    rateLimited: 'De server had het te druk.',
    server: 'De server had een probleem.',
    invalidResponse: 'De server gaf een antwoord dat deze app niet kan lezen.',
    http: 'Het verzoek is mislukt.',
    ownership: 'Dit contactmoment hoort bij een andere kandidaat.',
    outcome: 'De server kon de wijziging niet doorvoeren.',
    dependency: 'Het nieuwe contactmoment waar deze wijziging bij hoort, is niet opgeslagen.',
    stale:
      'De server heeft deze wijziging nog niet bevestigd. Ze kan nog worden doorgevoerd; we blijven kijken.',
  },
  action: {
    retry: 'Opnieuw proberen',
    checkAgain: 'Opnieuw kijken',
    discard: 'Weggooien',
    edit: 'Bewerken en opnieuw versturen',
  },
}

/** Adds the panel's bundles; its modules call this at import (safe to call again). */
export function registerSyncPanelMessages(): void {
  addStrings(SYNC_NAMESPACE, { en: syncPanelEn, nl: syncPanelNl })
}
