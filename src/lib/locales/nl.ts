import type { FeatureNamespaces, Translation } from '@/lib/locales/en'
import { interactionFormsNl } from '@/lib/locales/interaction-forms-nl'
import { syncNl } from '@/lib/locales/sync-nl'
import { timelineNl } from '@/lib/locales/timeline-nl'
import { qaNl } from '@/lib/locales/qa-nl'
import { settingsNl } from '@/lib/locales/settings-nl'

/** Dutch UI strings: the counsellors' own language, so natural Dutch rather than literal. */
export const nl: Translation = {
  app: {
    productName: 'Candidate Timeline',
    skipToContent: 'Direct naar de inhoud',
    regionInUse: 'Regio in gebruik',
    demoData: 'demodata',
    sandboxBanner:
      'Sandbox: je werkt met testgegevens die elke dag worden gewist. Niets wat je hier doet, komt in productie terecht.',
    startupFailedTitle: 'De demo-backend kon niet starten',
    startupFailed:
      'De ingebouwde demo-backend is niet gestart, dus er kunnen geen gegevens worden geladen. Oorzaak: {{reason}}',
  },
  theme: {
    switchToDark: 'Donker thema gebruiken',
    switchToLight: 'Licht thema gebruiken',
  },
  language: {
    label: 'Taal',
    en: 'English',
    nl: 'Nederlands',
  },
  candidates: {
    pageTitle: 'Kandidaten',
    listLabel: 'Kandidaten',
    loading: 'Kandidaten laden…',
    empty: 'Deze regio heeft nog geen kandidaten.',
    loadMore: 'Meer laden',
    loadingMore: 'Meer kandidaten laden…',
    allShown_one: 'De enige kandidaat wordt getoond',
    allShown_other: 'Alle {{count}} kandidaten worden getoond',
    shown_one: '{{count}} kandidaat getoond',
    shown_other: '{{count}} kandidaten getoond',
    email: 'E-mail',
    phone: 'Telefoon',
    phase: 'Fase',
    noPhone: 'geen telefoonnummer',
    loadingCandidate: 'Kandidaat laden…',
    backToList: 'Terug naar kandidaten',
    details: 'Gegevens van de kandidaat',
    loadingPage: 'Laden…',
    search: {
      heading: 'Kandidaat zoeken',
      label: 'E-mailadres of telefoonnummer',
      hint: 'Het precieze e-mailadres (hoofdletters maken niet uit) of telefoonnummer (spaties maken niet uit).',
      invalid: 'Vul een e-mailadres in, of een telefoonnummer met minstens 6 cijfers.',
      submit: 'Zoeken',
      clear: 'Zoekopdracht wissen',
      searching: 'Zoeken…',
      found: 'Gevonden voor ‘{{value}}’:',
      resultLabel: 'Zoekresultaat',
      notFoundEmail: 'Geen kandidaat in deze regio heeft het e-mailadres ‘{{value}}’.',
      notFoundPhone: 'Geen kandidaat in deze regio heeft het telefoonnummer ‘{{value}}’.',
    },
    recent: {
      heading: 'Recent geopend',
      clear: 'Lijst wissen',
    },
    allCandidates: 'Alle kandidaten',
  },
  timeline: timelineNl,
  settings: settingsNl,
  qa: qaNl,
  errors: {
    retry: 'Opnieuw proberen',
    retrying: 'Opnieuw proberen…',
    autoRetrying: 'De server heeft het druk. We proberen het automatisch opnieuw…',
    technicalDetails: 'Technische details',
    unauthorizedTitle: 'API-sleutel niet geaccepteerd',
    unauthorized:
      'De server heeft de API-sleutel niet geaccepteerd. Controleer de sleutel in de verbindingsinstellingen of kies een andere regio.',
    notFoundTitle: 'Niet gevonden',
    notFound:
      'Wat je zoekt, is niet gevonden. Misschien is het verwijderd, of het hoort bij een andere regio of omgeving.',
    candidateNotFoundTitle: 'Kandidaat niet gevonden',
    candidateNotFound:
      'Er is geen kandidaat met deze ID in deze regio en omgeving. Misschien is de kandidaat verwijderd, of hoort de link bij een andere regio of omgeving.',
    rateLimitedTitle: 'De server heeft het druk',
    rateLimitedIn_one:
      'Er kwamen te veel verzoeken tegelijk binnen. Probeer het over {{count}} seconde opnieuw.',
    rateLimitedIn_other:
      'Er kwamen te veel verzoeken tegelijk binnen. Probeer het over {{count}} seconden opnieuw.',
    rateLimited: 'Er kwamen te veel verzoeken tegelijk binnen. Probeer het zo meteen opnieuw.',
    serverTitle: 'De server had een probleem',
    server:
      'De server kon geen antwoord geven (status {{status}}). Dit is meestal tijdelijk; probeer het zo meteen opnieuw.',
    networkTitle: 'De server is niet bereikbaar',
    network:
      'Je bent misschien offline, of de server is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.',
    invalidResponseTitle: 'Onverwacht antwoord van de server',
    invalidResponse:
      'De server gaf een antwoord dat deze app niet kan lezen. Probeer het opnieuw; blijft het gebeuren, dan wijst de verbinding misschien naar het verkeerde adres.',
    validationTitle: 'Verzoek geweigerd',
    validation: 'De server heeft het verzoek als ongeldig geweigerd.',
    httpTitle: 'Verzoek mislukt',
    http: 'De server antwoordde met status {{status}}.',
    unknownTitle: 'Er ging iets mis',
    unknown: 'Er is een onverwachte fout opgetreden.',
  },
  routeError: {
    title: 'Er ging iets mis',
    message: 'Deze pagina kan niet worden getoond door een onverwachte fout.',
    reload: 'Pagina opnieuw laden',
    home: 'Naar de kandidatenlijst',
  },
  notFoundPage: {
    title: 'Pagina niet gevonden',
    message: 'Op dit adres staat geen pagina. Controleer de link of begin bij de kandidatenlijst.',
    home: 'Naar de kandidatenlijst',
  },
}

export const nlNamespaces: FeatureNamespaces = {
  interactionForms: interactionFormsNl,
  sync: syncNl,
}
