import { UPSTREAM_ORIGIN } from '@/api/contract'

/** What this build was made with (see vite.config.ts and the README's configuration table). */
export const buildEnv = {
  /** The built-in mock backend is in this bundle (dev, e2e and demo builds; tests). */
  isMockAvailable: import.meta.env.VITE_ENABLE_MOCK === 'true',
  /** The API origin a real connection starts from (the first of `VITE_API_ORIGIN`). */
  apiOrigin: firstWord(import.meta.env.VITE_API_ORIGIN) ?? UPSTREAM_ORIGIN,
  /** Empty when this build has no Content-Security-Policy (every non-production mode). */
  cspConnectSources: words(import.meta.env.VITE_CSP_CONNECT_SRC),
}

function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean)
}

function firstWord(value: string | undefined): string | undefined {
  return words(value?.replace(/,/g, ' '))[0]
}
