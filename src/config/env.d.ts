/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** 'true' in builds that carry the built-in mock backend (`.env.development`, `e2e`, `demo`). */
  readonly VITE_ENABLE_MOCK?: string
  /** 'true' in `--mode e2e`: the mock's control also lands on `window` for Playwright. */
  readonly VITE_EXPOSE_MOCK?: string
  /** The upstream (or relay) origin(s); vite.config.ts fills in the contract's default. */
  readonly VITE_API_ORIGIN: string
  /** `connect-src` of the build's CSP, space separated; '' when the build has no CSP. */
  readonly VITE_CSP_CONNECT_SRC: string
}
