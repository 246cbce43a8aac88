import type { qaPanelEn } from '@/lib/locales/qa-panel-en'

/** De teksten van het QA-paneel zelf (zie `qaPanelEn`). */
export const qaPanelNl: typeof qaPanelEn = {
  title: 'QA-paneel',
  intro:
    'Laat de ingebouwde demo-backend expres misgaan. Elke instelling staat ook in de adresbalk, dus een bugmelding kan een link zijn.',
  close: 'QA-paneel sluiten',
  /** One label and hint per scenario setting (src/mocks/scenario.ts), in the panel's order. */
  settings: {
    latencyMs: {
      label: 'Vertraging van de engine (ms)',
      hint: 'Hoe lang de engine wacht voordat hij een wijziging uit de wachtrij uitvoert.',
    },
    failureRate: {
      label: 'Foutkans',
      hint: 'Kans dat een poging mislukt. De engine probeert het 3 keer en meldt de wijziging daarna als mislukt.',
    },
    stuckQueue: {
      label: 'Wachtrij vast',
      hint: 'Wijzigingen worden aangenomen maar pas uitgevoerd als je dit uitzet.',
    },
    eventsEnabled: {
      label: 'Gebeurtenissenstroom (/events)',
      hint: 'Uit: de stroom antwoordt 503 en de app moet wijzigingen bevestigen door opnieuw te lezen.',
    },
    schemaDelayMs: {
      label: 'Vertraging eerste /schema (ms)',
      hint: 'Het eerste schemaverzoek per regio en omgeving duurt zo lang (bij de echte API 3–5 s).',
    },
    writeAnswerDelayMs: {
      label: 'Vertraging antwoord op een wijziging (ms)',
      hint: 'Zo lang duurt het voordat het antwoord op een wijziging (de 202, of een 400) binnenkomt. De wijziging staat meteen in de wachtrij; alleen het antwoord is traag.',
    },
    dropNextWrite: {
      label: 'Antwoord op de volgende wijziging kwijtraken',
      hint: 'De wijziging komt in de rij, maar de app krijgt een netwerkfout, alsof de verbinding wegviel (test opnieuw versturen met dezelfde sleutel).',
    },
    readErrors: {
      label: 'Mislukkende leesverzoeken',
      hint: 'Leesverzoeken (GET) die expres mislukken, om te zien dat de app wacht en herstelt.',
    },
  },
  engine: 'Mutation Engine',
  percentValue: '{{percent}} %',
  queued_one: '{{count}} wijziging wacht in de rij.',
  queued_other: '{{count}} wijzigingen wachten in de rij.',
  network: 'Netwerk',
  readErrorsOff: 'Geen',
  readErrorsNext429: 'De volgende leesverzoeken krijgen 429 (te veel verzoeken)',
  readErrorsNext500: 'De volgende leesverzoeken krijgen 500 (serverfout)',
  readErrorsBurst: 'Limiet: leesverzoeken boven een aantal per seconde krijgen 429',
  readErrorsCount: 'Aantal mislukkende leesverzoeken',
  readErrorsPerSecond: 'Toegestane leesverzoeken per seconde',
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
