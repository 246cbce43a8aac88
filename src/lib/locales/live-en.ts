/** Strings of colleagues' live changes: added to `live` when that code loads (`addLazyStrings`). */
export const liveEn = {
  created: 'New',
  updated: 'Changed',
  announce: {
    create_one: 'A colleague logged an interaction; it is marked “New”.',
    create_other: 'A colleague logged {{count}} interactions; they are marked “New”.',
    update: 'A colleague changed an interaction; it is marked “Changed”.',
    delete: 'A colleague removed an interaction.',
  },
}

export const liveNl: typeof liveEn = {
  created: 'Nieuw',
  updated: 'Gewijzigd',
  announce: {
    create_one: 'Een collega heeft een contactmoment vastgelegd, gemarkeerd als “Nieuw”.',
    create_other: 'Een collega heeft {{count}} contactmomenten vastgelegd, gemarkeerd als “Nieuw”.',
    update: 'Een collega heeft een contactmoment gewijzigd, gemarkeerd als “Gewijzigd”.',
    delete: 'Een collega heeft een contactmoment verwijderd.',
  },
}
