import { createContext, use } from 'react'

/**
 * Why the app could not start as intended (today: the demo backend's service worker failed).
 * main.tsx still renders the app, and the layout shows this so nothing fails silently.
 */
export const StartupErrorContext = createContext<string | null>(null)

export function useStartupError(): string | null {
  return use(StartupErrorContext)
}
