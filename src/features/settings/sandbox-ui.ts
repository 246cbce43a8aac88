// The sandbox's own UI, one chunk (loaded by sandbox-notices.tsx when in sandbox).
export { SandboxBanner } from '@/features/settings/sandbox-banner'
export { SandboxFrame } from '@/features/settings/sandbox-frame'
