import type { relayChangeReasonEn, relayEn } from '@/lib/locales/relay-en'

/** De teksten van de relaymodus (zie `relayEn`). */
export const relayNl: typeof relayEn = {
  account: {
    button: 'Account: {{name}}',
    signedInAs: 'Ingelogd als {{name}}',
    region: 'Regio',
    signOut: 'Uitloggen',
    signingOut: 'Bezig met uitloggen…',
    signOutFailed: 'Uitloggen is niet gelukt: {{reason}} Probeer het opnieuw.',
    signIn: 'Inloggen',
  },
  sessionEnded: {
    title: 'Je bent niet meer ingelogd',
    body: 'Log opnieuw in om verder te gaan. Wat je hebt getypt blijft bewaard, en wijzigingen die nog verstuurd moeten worden gaan weg zodra je terug bent.',
    signIn: 'Opnieuw inloggen',
    later: 'Niet nu',
    banner:
      'Je bent niet ingelogd. Er kan niets gelezen of verstuurd worden tot je opnieuw inlogt.',
  },
  sessionChanged: {
    title: 'Iemand anders is ingelogd in deze browser',
    body: 'Sinds deze pagina is geopend, is {{name}} hier uitgelogd doordat een ander account inlogde, in een ander tabblad of venster van deze browser. Vanaf deze pagina wordt niets meer verstuurd: wat je hebt getypt blijft bewaard, en je wachtende wijzigingen blijven van jou en gaan weg zodra je weer als jezelf bent ingelogd.',
    signIn: 'Opnieuw inloggen als mezelf',
    reload: 'Doorgaan als het andere account',
    reloadHint:
      'Doorgaan laadt de pagina opnieuw als het account dat nu is ingelogd; je wachtende wijzigingen blijven voor jou bewaard en worden niet onder dat account verstuurd.',
    banner:
      'In deze browser is een ander account ingelogd. Deze pagina verstuurt niets tot je weer als jezelf inlogt.',
  },
  refusal: {
    unauthenticatedTitle: 'Uitgelogd',
    unauthenticated: 'Je bent niet meer ingelogd. Log opnieuw in om verder te gaan.',
    forbiddenTitle: 'Niet toegestaan voor jou',
    forbidden_region:
      'Je account mag deze regio niet gebruiken. Kies een van je regio’s in het accountmenu.',
    forbidden_environment:
      'Je account mag de sandbox van deze regio niet gebruiken. Zet de sandbox uit.',
    cross_site: 'De relay weigerde een verzoek dat niet van deze app kwam. Laad de pagina opnieuw.',
    rateLimitedTitle: 'Opslaan even gepauzeerd',
    rate_limited_one:
      'Je slaat wijzigingen sneller op dan je regio toestaat. Wachtende wijzigingen gaan over {{count}} seconde vanzelf weg.',
    rate_limited_other:
      'Je slaat wijzigingen sneller op dan je regio toestaat. Wachtende wijzigingen gaan over {{count}} seconden vanzelf weg.',
    otherTitle: 'Geweigerd door de relay',
    other: 'De relay weigerde het verzoek: {{message}}',
  },
  settings: {
    kind: 'Deze relay',
    kindHint:
      'De server waar deze app vandaan komt. Die bewaart de API-sleutel van je regio, dus hier is er geen nodig; je bent ingelogd als {{name}}.',
    current: 'In gebruik: deze relay, regio {{region}}.',
    saved: 'Opgeslagen. De app werkt nu via deze relay, regio {{region}}.',
  },
}

export const relayChangeReasonNl: typeof relayChangeReasonEn = {
  signedOut:
    'Nog niet verstuurd: je bent niet meer ingelogd. Het gaat weg zodra je opnieuw bent ingelogd.',
  sessionChanged:
    'Nog niet verstuurd: in deze browser is iemand anders ingelogd. Het gaat weg zodra je weer als jezelf bent ingelogd.',
  forbiddenRegion: 'Niet verstuurd: je account mag deze regio niet gebruiken.',
  forbiddenEnvironment: 'Niet verstuurd: je account mag de sandbox van deze regio niet gebruiken.',
  crossSite:
    'Niet verstuurd: de relay weigerde het als verzoek van een andere site. Laad de pagina opnieuw.',
}
