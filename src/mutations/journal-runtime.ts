/**
 * The journal's runtime, one chunk loaded on need (see lazy-journal.ts): the engine that sends,
 * retries and settles entries, and the confirmation adapters (`/events`, polling).
 */
export { createJournal } from '@/mutations/journal'
export { startConfirmation } from '@/mutations/confirmation'
