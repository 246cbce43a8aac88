/**
 * Stands in for `use-sync-external-store/shim` (see the alias in vite.config.ts). wouter and
 * react-i18next import that polyfill for React < 18; React 19 has the hook, so the first load
 * need not carry the fallback.
 */
export { useSyncExternalStore } from 'react'
