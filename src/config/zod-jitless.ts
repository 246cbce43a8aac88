import { config } from 'zod/v4/core'

/**
 * Imported first by main.tsx, before any module builds a schema: zod probes `new Function` when
 * an object schema is created, and under the production build's Content-Security-Policy (no
 * 'unsafe-eval') that probe is reported as a policy violation even though zod copes. jitless
 * skips the probe; parsing stays correct, only without zod's compiled fast path.
 */
config({ jitless: true })
