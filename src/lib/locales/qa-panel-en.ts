import type { ScenarioField } from '@/mocks/scenario'

/** The QA drawer's strings: added to `qa` when its chunk loads (`addLazyStrings`). */
export const qaPanelEn = {
  title: 'QA panel',
  intro:
    'Makes the built-in demo backend misbehave on purpose. Every setting is also in the address bar, so a bug report can be a link.',
  close: 'Close the QA panel',
  /** One label and hint per scenario setting (src/mocks/scenario.ts), in the panel's order. */
  settings: {
    latencyMs: {
      label: 'Engine latency (ms)',
      hint: 'How long the engine waits before it executes each queued write.',
    },
    failureRate: {
      label: 'Failure rate',
      hint: 'Chance that an execution attempt fails. The engine tries 3 times, then reports the write as failed.',
    },
    stuckQueue: {
      label: 'Stuck queue',
      hint: 'Writes are accepted but not executed until you turn this off.',
    },
    eventsEnabled: {
      label: 'Events stream (/events)',
      hint: 'Off: the stream answers 503 and the app has to confirm writes by re-reading.',
    },
    schemaDelayMs: {
      label: 'First /schema delay (ms)',
      hint: 'The first schema read per region and environment takes this long (upstream: 3–5 s).',
    },
    writeAnswerDelayMs: {
      label: 'Write answer delay (ms)',
      hint: 'How long the answer to a write (the 202, or a 400) takes to arrive. The write is queued at once; only the answer is slow.',
    },
    dropNextWrite: {
      label: 'Lose the response of the next write',
      hint: 'The write is queued, but the app gets a network error, as if the connection dropped (tests retrying with the same key).',
    },
    readErrors: {
      label: 'Failing reads',
      hint: 'Reads (GET) that fail on purpose, to see the app back off and recover.',
    },
  },
  engine: 'Mutation Engine',
  percentValue: '{{percent}} %',
  queued_one: '{{count}} write waiting in the queue.',
  queued_other: '{{count}} writes waiting in the queue.',
  network: 'Network',
  readErrorsOff: 'None',
  readErrorsNext429: 'The next reads answer 429 (too many requests)',
  readErrorsNext500: 'The next reads answer 500 (server error)',
  readErrorsBurst: 'Rate limit: reads over a number per second answer 429',
  readErrorsCount: 'Number of failing reads',
  readErrorsPerSecond: 'Reads allowed per second',
  link: 'Link to this scenario',
  linkHint: 'Opens this page, environment and scenario. It never contains an API key.',
  copy: 'Copy link to this scenario',
  copied: 'Link copied.',
  copyFailed: 'Copying is not allowed here; select the link and copy it yourself.',
  defaults: 'Back to the demo defaults',
  data: 'Demo data',
  resetData: 'Reset demo data',
  resetDataHint:
    'Fresh seed data in every demo region, production and sandbox; queued writes are dropped.',
  resetConfirmTitle: 'Reset the demo data?',
  resetConfirm:
    'Every candidate and interaction of every demo region, in production and sandbox, goes back to fresh seed data, and queued writes are dropped. This cannot be undone.',
  resetConfirmButton: 'Reset data',
  cancel: 'Cancel',
  resetDone: 'The demo data was reset.',
} satisfies Record<string, unknown> & {
  settings: Record<ScenarioField, { label: string; hint: string }>
}
