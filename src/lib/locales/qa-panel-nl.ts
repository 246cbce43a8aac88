import type { qaPanelEn } from '@/lib/locales/qa-panel-en'

/** De teksten van het QA-paneel zelf (zie `qaPanelEn`). */
export const qaPanelNl: typeof qaPanelEn = {
  title: 'QA-paneel',
  intro:
    'Laat de ingebouwde demo-backend expres misgaan. Elke instelling staat ook in de adresbalk, dus een bugmelding kan een link zijn.',
  close: 'QA-paneel sluiten',
  engine: 'Mutation Engine',
  latency: 'Vertraging van de engine (ms)',
  latencyHint: 'Hoe lang de engine wacht voordat hij een wijziging uit de wachtrij uitvoert.',
  failureRate: 'Foutkans',
  failureRateValue: '{{percent}} %',
  failureRateHint:
    'Kans dat een poging mislukt. De engine probeert het 3 keer en meldt de wijziging daarna als mislukt.',
  stuck: 'Wachtrij vast',
  stuckHint: 'Wijzigingen worden aangenomen maar pas uitgevoerd als je dit uitzet.',
  queued_one: '{{count}} wijziging wacht in de rij.',
  queued_other: '{{count}} wijzigingen wachten in de rij.',
  events: 'Gebeurtenissenstroom (/events)',
  eventsHint:
    'Uit: de stroom antwoordt 503 en de app moet wijzigingen bevestigen door opnieuw te lezen.',
  network: 'Netwerk',
  writeDelay: 'Vertraging antwoord op een wijziging (ms)',
  writeDelayHint:
    'Zo lang duurt het voordat het antwoord op een wijziging (de 202, of een 400) binnenkomt. De wijziging staat meteen in de wachtrij; alleen het antwoord is traag.',
  drop: 'Antwoord op de volgende wijziging kwijtraken',
  dropHint:
    'De wijziging komt in de rij, maar de app krijgt een netwerkfout, alsof de verbinding wegviel (test opnieuw versturen met dezelfde sleutel).',
  readErrors: 'Mislukkende leesverzoeken',
  readErrorsOff: 'Geen',
  readErrorsNext429: 'De volgende leesverzoeken krijgen 429 (te veel verzoeken)',
  readErrorsNext500: 'De volgende leesverzoeken krijgen 500 (serverfout)',
  readErrorsBurst: 'Limiet: leesverzoeken boven een aantal per seconde krijgen 429',
  readErrorsCount: 'Aantal mislukkende leesverzoeken',
  readErrorsPerSecond: 'Toegestane leesverzoeken per seconde',
  schemaDelay: 'Vertraging eerste /schema (ms)',
  schemaDelayHint:
    'Het eerste schemaverzoek per regio en omgeving duurt zo lang (bij de echte API 3–5 s).',
  link: 'Link naar dit scenario',
  linkHint: 'Opent deze pagina, omgeving en dit scenario. Bevat nooit een API-sleutel.',
  copy: 'Link naar dit scenario kopiëren',
  copied: 'Link gekopieerd.',
  copyFailed: 'Kopiëren mag hier niet; selecteer de link en kopieer hem zelf.',
  defaults: 'Terug naar de demo-instellingen',
  data: 'Demogegevens',
  resetData: 'Demogegevens herstellen',
  resetDataHint:
    'Nieuwe startgegevens in elke demoregio, productie en sandbox; wijzigingen in de rij vervallen.',
  resetConfirmTitle: 'Demogegevens herstellen?',
  resetConfirm:
    'Alle kandidaten en contactmomenten van elke demoregio, in productie en sandbox, gaan terug naar nieuwe startgegevens, en wijzigingen in de rij vervallen. Dit kan niet ongedaan worden.',
  resetConfirmButton: 'Gegevens herstellen',
  cancel: 'Annuleren',
  resetDone: 'De demogegevens zijn hersteld.',
}
