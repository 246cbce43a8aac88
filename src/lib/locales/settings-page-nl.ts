import type { settingsPageEn } from '@/lib/locales/settings-page-en'

/** De teksten van de instellingenpagina zelf (zie `settingsPageEn`). */
export const settingsPageNl: typeof settingsPageEn = {
  connection: {
    heading: 'Verbinding',
    intro: 'Waar de app zijn gegevens leest en schrijft.',
    kindLabel: 'Backend',
    kindMock: 'Ingebouwde demo-backend',
    kindMockHint: 'Nepgegevens in deze browser; geen account of sleutel nodig. Voor demo’s.',
    kindMockUnavailable: 'Zit niet in deze versie.',
    kindUpstream: 'Onderwijsregio API',
    kindUpstreamHint: 'De echte API van je regio, of de relayserver ervoor.',
    demoRegion: 'Demoregio',
    demoRegionHint: 'De openbare demosleutel ({{key}}) wordt vanzelf gebruikt.',
    baseUrl: 'Adres van de API',
    baseUrlHint: 'Bijvoorbeeld {{example}}, zonder /api/v2: dat voegt de app zelf toe.',
    baseUrlProblem: {
      empty: 'Vul het adres van de API in.',
      'not-a-url': 'Dit is geen webadres. Het begint met https://',
      protocol:
        'Gebruik een adres dat met https:// begint (of http:// voor een server op deze computer).',
      credentials:
        'Laat gebruikersnamen en wachtwoorden uit het adres; de API-sleutel heeft een eigen veld.',
      query: 'Laat alles vanaf ? of # weg.',
    },
    notAllowedByPolicy:
      'Deze versie mag alleen verbinden met {{allowed}} (het beveiligingsbeleid). Voor een ander adres is een versie nodig met VITE_API_ORIGIN op dat adres.',
    apiKey: 'API-sleutel',
    apiKeyHint:
      'Gaat alleen mee in de header x-api-key. Komt nooit in de adresbalk, in blijvende opslag of in logs.',
    apiKeyRequired: 'Vul de API-sleutel in.',
    showKey: 'API-sleutel tonen',
    regionName: 'Regio',
    regionNameHint: 'De onderwijsregio waar deze sleutel bij hoort. Staat in de balk bovenaan.',
    regionNameRequired: 'Vul de regio in waar deze sleutel bij hoort.',
    keyStorageLabel: 'Sleutel onthouden',
    keyStorageSession: 'Tot dit browsertabblad sluit',
    keyStorageMemory: 'Alleen tot de pagina opnieuw laadt',
    test: 'Verbinding testen',
    testing: 'Verbinding testen…',
    save: 'Opslaan en verbinden',
    savedMock: 'Opgeslagen. De app gebruikt nu de ingebouwde demo-backend met {{region}}.',
    savedUpstream: 'Opgeslagen. De app gebruikt nu {{host}} met {{region}}.',
    currentMock: 'In gebruik: de ingebouwde demo-backend, {{region}}.',
    currentUpstream: 'In gebruik: {{host}}, {{region}}.',
    currentNone: 'In gebruik: nog niets. Vul een API-sleutel in en sla op.',
    leaveTitle: 'Wijzigingen zijn nog niet verstuurd',
    leaveBody_one:
      '{{count}} wijziging met deze verbinding is nog niet uitgevoerd. Wisselen gooit die definitief weg, met alles wat deze browser voor deze verbinding bewaarde (concepten, recente kandidaten). Wilt u die houden, annuleer dan en laat hem eerst afronden of probeer hem opnieuw.',
    leaveBody_other:
      '{{count}} wijzigingen met deze verbinding zijn nog niet uitgevoerd. Wisselen gooit ze definitief weg, met alles wat deze browser voor deze verbinding bewaarde (concepten, recente kandidaten). Wilt u ze houden, annuleer dan en laat ze eerst afronden of probeer ze opnieuw.',
    leaveCancel: 'Annuleren',
    leaveConfirm_one: '{{count}} wijziging weggooien en wisselen',
    leaveConfirm_other: '{{count}} wijzigingen weggooien en wisselen',
  },
  test: {
    environment_production: 'productie',
    environment_sandbox: 'sandbox',
    okTitle: 'De verbinding werkt',
    ok: 'De API antwoordde en accepteerde de sleutel ({{environment}}).',
    okRegion: 'De sleutel hoort bij {{region}}.',
    okNoRegion:
      'De API zegt niet bij welke regio een sleutel hoort; controleer dus of je de kandidaten ziet die je verwacht.',
    wrongRegionTitle: 'Deze sleutel hoort bij een andere regio',
    wrongRegion:
      'De sleutel werkt, maar opent {{reported}} en niet {{expected}}. Gebruik de sleutel van {{expected}}, of pas de regio aan als je {{reported}} bedoelt.',
    unauthorizedTitle: 'Verkeerde API-sleutel',
    unauthorized:
      'De API antwoordde, maar weigerde de sleutel (status 401). Controleer of je de hele sleutel zonder spaties hebt gekopieerd, en of het de sleutel voor deze API is.',
    forbiddenTitle: 'De sleutel mag dit niet',
    forbidden: 'De API kent de sleutel, maar liet hem het schema niet lezen (status 403).',
    corsTitle: 'Geblokkeerd door de browser (CORS)',
    cors: 'De server op {{host}} antwoordde, maar de browser liet deze app het antwoord niet lezen. Waarschijnlijk staat de API niet toe dat webpagina’s van {{page}} hem aanroepen: browsers handhaven die regel (CORS) en alleen de server kan hem opheffen. De relayserver lost dit op: die draait op hetzelfde adres als de app en roept de API voor haar aan.',
    corsCaveat:
      'De browser verbergt de precieze reden voor webpagina’s, dus dit is onze beste inschatting: een proxy of firewall die in plaats van de API antwoordt, ziet er hetzelfde uit.',
    unreachableTitle: 'De server is niet bereikbaar',
    unreachable:
      'Er antwoordde niets op {{host}}. Het adres kan verkeerd zijn, de server kan uit staan of verbindingen weigeren, of deze computer is offline.',
    unreachableCaveat:
      'Browsers melden een verzoek dat door CORS is geblokkeerd op dezelfde manier als een onbereikbare server. Werkt dit adres wel van elders (bijvoorbeeld met curl), dan kan CORS toch de oorzaak zijn, en dat lost de relayserver op.',
    timeoutTitle: 'Geen antwoord op tijd',
    timeout: 'De server op {{host}} antwoordde niet binnen {{seconds}} seconden.',
    policyTitle: 'Geblokkeerd door het beveiligingsbeleid van de app',
    policy:
      'Deze versie mag alleen verbinden met {{allowed}}. Voor {{host}} is een versie nodig met VITE_API_ORIGIN op dat adres.',
    mixedContentTitle: 'Onveilig adres',
    mixedContent:
      'Deze pagina gebruikt https, dus de browser weigert een http://-adres aan te roepen. Gebruik het https://-adres van de API.',
    notApiTitle: 'Dit is niet de API',
    notApi:
      'Er antwoordde iets op {{host}}, maar niet zoals de Onderwijsregio API ({{detail}}). Controleer het adres: vul alleen het deel vóór /api/v2 in.',
    sandboxIgnoredTitle: 'De sandbox werd niet gebruikt',
    sandboxIgnored:
      'Je vroeg om de sandbox, maar de API antwoordde met productiegegevens. Kies onder Sandbox de andere manier om de sandbox te vragen (header of adresvoorvoegsel) en test opnieuw.',
    rateLimitedTitle: 'De server heeft het druk',
    rateLimited:
      'De API is bereikbaar en antwoordde ‘te veel verzoeken’. Wacht even en test opnieuw.',
    serverTitle: 'De server had een probleem',
    server:
      'De API is bereikbaar maar antwoordde met een fout (status {{status}}). Probeer het later opnieuw.',
    httpTitle: 'Onverwacht antwoord',
    http: 'De API antwoordde met status {{status}}.',
    details: 'Wat er getest is',
    detailsText: 'GET {{url}} met de sleutel in de header x-api-key ({{environment}}).',
  },
  sandbox: {
    heading: 'Sandbox',
    intro:
      'De sandbox bevat testgegevens die de API dagelijks wist; niets wat je daar doet komt in productie. Opgeslagen gegevens en nog niet verstuurde wijzigingen blijven per omgeving gescheiden, dus wisselen haalt ze nooit door elkaar.',
    switchLabel: 'In de sandbox werken',
    modeLabel: 'Hoe de app de API om de sandbox vraagt',
    modeHeader: 'Header (x-api-sandbox: true)',
    modePrefix: 'Adresvoorvoegsel (/api/sandbox)',
    linkHint: 'Links die je in de sandbox kopieert, openen in de sandbox: ze bevatten ?sandbox=1.',
  },
  language: {
    heading: 'Taal',
    label: 'Taal van de app',
  },
  appearance: {
    heading: 'Weergave',
    label: 'Thema',
    light: 'Licht',
    dark: 'Donker',
    system: 'Zoals dit apparaat',
  },
}
