import type { settingsEn } from '@/lib/locales/settings-en'

/** De instellingenteksten die elke pagina nodig heeft (in `nl.settings`). */
export const settingsNl: typeof settingsEn = {
  pageTitle: 'Instellingen',
  open: 'Instellingen',
  header: {
    sandboxSwitch: 'Sandbox',
    sandboxTag: 'Sandbox',
    bannerLabel: 'Sandboxmelding',
    leaveSandbox: 'Sandbox verlaten',
    titlePrefix: 'SANDBOX',
    notConnectedTitle: 'Nog niet verbonden',
    notConnected: 'Vul in de instellingen de API-sleutel van je regio in om kandidaten te laden.',
    openSettings: 'Naar de instellingen',
  },
}
