/**
 * Why a change failed or is not confirmed yet (mutations/journal-actions.ts `failureReason`): the
 * timeline card and the sync panel say the same. Only a journal entry shows one, and entries
 * exist only once the journal's runtime has loaded, so these come with it (decision 0029).
 */
export const changeReasonEn = {
  network: 'The server could not be reached.',
  unauthorized: 'The API key was not accepted.',
  notFound: 'The candidate or interaction does not exist (any more).',
  updateTargetGone:
    'This interaction no longer exists (someone may have deleted it), so the edit cannot be made.',
  deleteTargetGone: 'This interaction no longer exists: someone else may already have removed it.',
  validation: 'The server refused the values.',
  rateLimited: 'The server was too busy.',
  server: 'The server had a problem.',
  invalidResponse: 'The server answered in a way this app cannot read.',
  http: 'The request failed.',
  ownership: 'This interaction belongs to another candidate.',
  outcome: 'The server could not apply the change.',
  dependency: 'The new interaction this change refers to was not saved.',
  contract:
    'The server accepted this change, but its answer did not match what was sent. It is not sent again automatically; check the connection in Settings.',
  maybeReceived:
    'No answer came, so the server may already have received it. Retry sends the very same change again, which the server can never apply twice.',
  stale:
    'The server has not confirmed this change yet. It may still go through; the app keeps checking.',
}
