import type { changeReasonEn } from '@/lib/locales/change-reason-en'

export const changeReasonNl: typeof changeReasonEn = {
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
  contract:
    'De server heeft deze wijziging aangenomen, maar zijn antwoord klopt niet met wat er is verstuurd. Ze wordt niet automatisch opnieuw verstuurd; controleer de verbinding bij Instellingen.',
  maybeReceived:
    'Er kwam geen antwoord, dus de server heeft haar misschien al ontvangen. Opnieuw proberen verstuurt precies dezelfde wijziging, die de server nooit twee keer uitvoert.',
  stale:
    'De server heeft deze wijziging nog niet bevestigd. Ze kan nog worden doorgevoerd; de app blijft kijken.',
}
