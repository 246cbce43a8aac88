/** Where the settings page lives (the router and the app bar link both use it). */
export const SETTINGS_PATH = '/settings'
