import type { ChangeEvent } from 'react'
import { useConnection } from '@/config/connection'

type AppBarSandboxSwitchProps = {
  label: string
}

/**
 * The app bar's production ⇄ sandbox switch: a native checkbox with `role="switch"`, drawn by
 * app-header.css to look like MUI's small Switch from the theme's CSS variables (colours follow
 * the light/dark scheme). MUI's Switch with its label wrapper is ~3 KB gzip of JavaScript on
 * every first load; this costs a few hundred bytes. The settings page keeps MUI's Switch
 * (`SandboxSwitch`), which loads with that page. Same behaviour: the URL follows (`?sandbox=1`).
 */
export function AppBarSandboxSwitch({ label }: AppBarSandboxSwitchProps) {
  const { environment, setEnvironment, isSandboxAllowed } = useConnection()
  // Behind the relay only where the session allows it (kept while on, so it can be left).
  if (!isSandboxAllowed && environment !== 'sandbox') return null

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    setEnvironment(event.target.checked ? 'sandbox' : 'production')
  }

  return (
    <label className="app-bar-switch">
      <span className="app-bar-switch-control">
        <input
          type="checkbox"
          role="switch"
          className="app-bar-switch-input"
          checked={environment === 'sandbox'}
          onChange={handleChange}
        />
        <span className="app-bar-switch-track" aria-hidden="true" />
        <span className="app-bar-switch-thumb" aria-hidden="true" />
      </span>
      <span className="app-bar-switch-label">{label}</span>
    </label>
  )
}
