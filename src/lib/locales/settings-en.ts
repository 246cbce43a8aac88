/** The settings strings every page needs (header, link, sandbox banner), in `en.settings`. */
export const settingsEn = {
  pageTitle: 'Settings',
  open: 'Settings',
  header: {
    sandboxSwitch: 'Sandbox',
    sandboxTag: 'Sandbox',
    bannerLabel: 'Sandbox notice',
    leaveSandbox: 'Leave sandbox',
    titlePrefix: 'SANDBOX',
    notConnectedTitle: 'Not connected yet',
    notConnected: 'Enter the API key of your region in the settings to load candidates.',
    openSettings: 'Open the settings',
  },
}
