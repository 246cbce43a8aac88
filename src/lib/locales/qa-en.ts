/** The QA panel button's label, in `en.qa`; the drawer brings the rest. */
export const qaEn = {
  open: 'QA panel',
}
