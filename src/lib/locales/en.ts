import { timelineEn } from '@/lib/locales/timeline-en'
import { qaEn } from '@/lib/locales/qa-en'
import { settingsEn } from '@/lib/locales/settings-en'
import { interactionFormsEn } from '@/lib/locales/interaction-forms-en'
import { syncEn } from '@/lib/locales/sync-en'

/**
 * English UI strings; the shape of this object is the type every other language must match
 * (see `Translation`), and i18next's typed `t()` checks keys against it.
 */
export const en = {
  app: {
    productName: 'Candidate Timeline',
    skipToContent: 'Skip to main content',
    regionInUse: 'Region in use',
    demoData: 'demo data',
    sandboxBanner:
      'Sandbox: you are working with test data that is wiped daily. Nothing you do here reaches production.',
    startupFailedTitle: 'The demo backend could not start',
    startupFailed:
      'The built-in demo backend did not start, so no data can be loaded. Reason: {{reason}}',
  },
  theme: {
    switchToDark: 'Switch to dark theme',
    switchToLight: 'Switch to light theme',
  },
  language: {
    label: 'Language',
    en: 'English',
    nl: 'Nederlands',
  },
  candidates: {
    pageTitle: 'Candidates',
    listLabel: 'Candidates',
    loading: 'Loading candidates…',
    empty: 'There are no candidates in this region yet.',
    loadMore: 'Load more',
    loadingMore: 'Loading more candidates…',
    allShown_one: 'The only candidate is shown',
    allShown_other: 'All {{count}} candidates shown',
    shown_one: '{{count}} candidate shown',
    shown_other: '{{count}} candidates shown',
    email: 'E-mail',
    phone: 'Phone',
    phase: 'Phase',
    noPhone: 'no phone number',
    loadingCandidate: 'Loading candidate…',
    backToList: 'Back to candidates',
    details: 'Candidate details',
    loadingPage: 'Loading…',
    search: {
      heading: 'Find a candidate',
      label: 'E-mail address or phone number',
      hint: 'The exact e-mail address (any capitals) or phone number (any spacing).',
      invalid: 'Enter an e-mail address, or a phone number with at least 6 digits.',
      submit: 'Find',
      clear: 'Clear search',
      searching: 'Searching…',
      found: 'Found for “{{value}}”:',
      resultLabel: 'Search result',
      notFoundEmail: 'No candidate in this region has the e-mail address “{{value}}”.',
      notFoundPhone: 'No candidate in this region has the phone number “{{value}}”.',
    },
    recent: {
      heading: 'Recently opened',
      clear: 'Clear list',
    },
    allCandidates: 'All candidates',
  },
  timeline: timelineEn,
  settings: settingsEn,
  qa: qaEn,
  errors: {
    retry: 'Try again',
    retrying: 'Trying again…',
    autoRetrying: 'The server is busy. Trying again automatically…',
    technicalDetails: 'Technical details',
    unauthorizedTitle: 'API key not accepted',
    unauthorized:
      'The API key was not accepted by the server. Check the key in the connection settings, or choose another region.',
    notFoundTitle: 'Not found',
    notFound:
      'What you asked for could not be found. It may have been removed, or it belongs to another region or environment.',
    candidateNotFoundTitle: 'Candidate not found',
    candidateNotFound:
      'There is no candidate with this ID in this region and environment. It may have been removed, or the link belongs to another region or environment.',
    rateLimitedTitle: 'The server is busy',
    rateLimitedIn_one:
      'Too many requests reached the server at once. Try again in {{count}} second.',
    rateLimitedIn_other:
      'Too many requests reached the server at once. Try again in {{count}} seconds.',
    rateLimited: 'Too many requests reached the server at once. Try again in a moment.',
    serverTitle: 'The server had a problem',
    server:
      'The server could not answer (status {{status}}). This is usually temporary; try again in a moment.',
    networkTitle: 'Cannot reach the server',
    network:
      'You may be offline, or the server cannot be reached. Check your internet connection and try again.',
    invalidResponseTitle: 'Unexpected answer from the server',
    invalidResponse:
      'The server answered in a way this app cannot read. Try again; if it keeps happening, the connection may point at the wrong address.',
    validationTitle: 'Request refused',
    validation: 'The server refused the request as invalid.',
    httpTitle: 'Request failed',
    http: 'The server answered with status {{status}}.',
    unknownTitle: 'Something went wrong',
    unknown: 'An unexpected error occurred.',
  },
  routeError: {
    title: 'Something went wrong',
    message: 'This page could not be shown because of an unexpected error.',
    reload: 'Reload the page',
    home: 'Go to the candidate list',
  },
  notFoundPage: {
    title: 'Page not found',
    message: 'There is no page at this address. Check the link, or start from the candidate list.',
    home: 'Go to the candidate list',
  },
}

export type Translation = typeof en

/**
 * Features' own namespaces, the part the first screens show: they travel with the language so a
 * download carries one language of them, not both (decision 0029).
 */
export const enNamespaces = {
  interactionForms: interactionFormsEn,
  sync: syncEn,
}

export type FeatureNamespaces = typeof enNamespaces
