import { useTranslation } from 'react-i18next'
import { addStrings } from '@/lib/i18n'

/** The candidate forms' strings, in their own i18next namespace (see features/sync/messages). */
export const CANDIDATE_FORMS_NAMESPACE = 'candidateForms'

export const candidateFormsEn = {
  newCandidate: 'New candidate',
  create: {
    title: 'New candidate',
    resubmitTitle: 'Correct and resubmit the new candidate',
    submit: 'Create candidate',
    resubmit: 'Resubmit',
    interactionsHeading: 'Interactions',
    interactionsHint: 'Optional: log up to {{max}} contact moments together with the candidate.',
  },
  fields: {
    firstName: 'First name',
    lastName: 'Last name',
    email: 'E-mail address',
    phone: 'Phone number',
    type: 'Type',
    performedAt: 'Date',
    summary: 'Summary',
    notes: 'Notes',
    duration: 'Duration',
  },
  pending: {
    heading: 'New candidates',
    unnamed: 'New candidate',
    status: {
      sending: 'Being sent…',
      queued: 'Waiting for the server',
      confirmed: 'Saved',
      unsent: 'Not sent',
      failed: 'Failed',
      stale: 'Not confirmed yet',
    },
    open: 'Open {{name}}',
    editAndResubmit: 'Edit & resubmit',
    retry: 'Retry',
    discard: 'Discard',
    interactions_one: 'with {{count}} interaction',
    interactions_other: 'with {{count}} interactions',
  },
  noSchema: 'This region’s schema could not be read as a candidate form.',
}

export type CandidateFormsMessages = typeof candidateFormsEn

export const candidateFormsNl: CandidateFormsMessages = {
  newCandidate: 'Nieuwe kandidaat',
  create: {
    title: 'Nieuwe kandidaat',
    resubmitTitle: 'Nieuwe kandidaat corrigeren en opnieuw versturen',
    submit: 'Kandidaat aanmaken',
    resubmit: 'Opnieuw versturen',
    interactionsHeading: 'Contactmomenten',
    interactionsHint: 'Optioneel: leg er tot {{max}} contactmomenten bij vast.',
  },
  fields: {
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    email: 'E-mailadres',
    phone: 'Telefoonnummer',
    type: 'Soort',
    performedAt: 'Datum',
    summary: 'Samenvatting',
    notes: 'Notities',
    duration: 'Duur',
  },
  pending: {
    heading: 'Nieuwe kandidaten',
    unnamed: 'Nieuwe kandidaat',
    status: {
      sending: 'Wordt verstuurd…',
      queued: 'Wacht op de server',
      confirmed: 'Opgeslagen',
      unsent: 'Niet verstuurd',
      failed: 'Mislukt',
      stale: 'Nog niet bevestigd',
    },
    open: '{{name}} openen',
    editAndResubmit: 'Bewerken en opnieuw versturen',
    retry: 'Opnieuw proberen',
    discard: 'Weggooien',
    interactions_one: 'met {{count}} contactmoment',
    interactions_other: 'met {{count}} contactmomenten',
  },
  noSchema: 'Het schema van deze regio kon niet als kandidaatformulier worden gelezen.',
}

declare module 'i18next' {
  interface ResourceNamespaceMap {
    candidateForms: CandidateFormsMessages
  }
}

// At import: the bundles must be in i18next before the first render asks for them.
addStrings(CANDIDATE_FORMS_NAMESPACE, { en: candidateFormsEn, nl: candidateFormsNl })

export function useCandidateFormsTranslation() {
  return useTranslation(CANDIDATE_FORMS_NAMESPACE)
}
