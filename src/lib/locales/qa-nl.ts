import type { qaEn } from '@/lib/locales/qa-en'

/** Het label van de knop van het QA-paneel (in `nl.qa`); de lade brengt de rest mee. */
export const qaNl: typeof qaEn = {
  open: 'QA-paneel',
}
