import type { InteractionFormsMessages } from '@/lib/locales/interaction-forms-en'

export const interactionFormsNl: InteractionFormsMessages = {
  log: {
    title: 'Contactmomenten vastleggen',
  },
  edit: {
    title: 'Contactmoment bewerken',
  },
  resubmit: {
    logTitle: 'Corrigeren en opnieuw versturen',
    editTitle: 'Wijziging corrigeren en opnieuw versturen',
  },
  delete: {
    title: 'Dit contactmoment verwijderen?',
  },
  actions: {
    edit: 'Bewerken',
    delete: 'Verwijderen',
    editAndResubmit: 'Bewerken en opnieuw versturen',
  },
  announce: {
    logged_one:
      'Contactmoment vastgelegd. Het staat als in behandeling tot de server het bevestigt.',
    logged_other:
      '{{count}} contactmomenten vastgelegd. Ze staan als in behandeling tot de server ze bevestigt.',
    edited: 'Wijziging opgeslagen. Ze staat als in behandeling tot de server haar bevestigt.',
    deleted: 'Contactmoment verwijderd. Het blijft doorgestreept tot de server het bevestigt.',
  },
}
