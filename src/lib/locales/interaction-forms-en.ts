/** What the candidate page says about the interaction forms (actions, titles, announcements). */
export const interactionFormsEn = {
  log: {
    title: 'Log interactions',
  },
  edit: {
    title: 'Edit interaction',
  },
  resubmit: {
    logTitle: 'Correct and resubmit',
    editTitle: 'Correct and resubmit the edit',
  },
  delete: {
    title: 'Delete this interaction?',
  },
  actions: {
    edit: 'Edit',
    delete: 'Delete',
    editAndResubmit: 'Edit & resubmit',
  },
  announce: {
    logged_one: 'Interaction logged. It shows as pending until the server confirms it.',
    logged_other:
      '{{count}} interactions logged. They show as pending until the server confirms them.',
    edited: 'Change saved. It shows as pending until the server confirms it.',
    deleted: 'Interaction deleted. It stays struck through until the server confirms it.',
  },
}

export type InteractionFormsMessages = typeof interactionFormsEn
