/**
 * Strings of relay mode only (the app served by our relay, with counsellor sign-in). They come
 * with relay mode's chunk (config/relay-start.ts), so a build without a relay never loads them.
 */
export const relayEn = {
  account: {
    button: 'Account: {{name}}',
    signedInAs: 'Signed in as {{name}}',
    region: 'Region',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signOutFailed: 'Signing out did not work: {{reason}} Try again.',
    signIn: 'Sign in',
  },
  sessionEnded: {
    title: 'Your sign-in has ended',
    body: 'Sign in again to go on. What you typed is kept, and changes waiting to be sent go out once you are back.',
    signIn: 'Sign in again',
    later: 'Not now',
    banner: 'You are not signed in. Nothing can be read or sent until you sign in again.',
  },
  sessionChanged: {
    title: 'Someone else signed in in this browser',
    body: 'Since this page was opened, {{name}} was signed out here because another account signed in, in another tab or window of this browser. Nothing more is sent from this page: what you typed is kept, and your changes waiting to be sent stay yours and go out once you have signed in again as yourself.',
    signIn: 'Sign in again as myself',
    reload: 'Continue as the other account',
    reloadHint:
      'Continuing reloads the page as the account now signed in; your waiting changes stay kept for you and are not sent under that account.',
    banner:
      'Another account signed in in this browser. This page sends nothing until you sign in again as yourself.',
  },
  refusal: {
    unauthenticatedTitle: 'Signed out',
    unauthenticated: 'Your sign-in has ended. Sign in again to go on.',
    forbiddenTitle: 'Not allowed for you',
    forbidden_region:
      'Your account may not use this region. Choose one of your regions in the account menu.',
    forbidden_environment:
      'Your account may not use the sandbox of this region. Switch the sandbox off.',
    cross_site: 'The relay refused a request that did not come from this app. Reload the page.',
    rateLimitedTitle: 'Saving paused for a moment',
    rate_limited_one:
      'You are saving changes faster than your region allows. Waiting changes go out by themselves in {{count}} second.',
    rate_limited_other:
      'You are saving changes faster than your region allows. Waiting changes go out by themselves in {{count}} seconds.',
    otherTitle: 'Refused by the relay',
    other: 'The relay refused the request: {{message}}',
  },
  settings: {
    kind: 'This relay',
    kindHint:
      'The server this app comes from. It holds your region’s API key, so none is needed here; you are signed in as {{name}}.',
    current: 'In use: this relay, region {{region}}.',
    saved: 'Saved. The app now works through this relay, region {{region}}.',
  },
}

/** Why a change was not sent, when our relay refused it (merged into `changeReason`). */
export const relayChangeReasonEn = {
  signedOut: 'Not sent yet: your sign-in ended. It goes out once you have signed in again.',
  sessionChanged:
    'Not sent yet: another account signed in in this browser. It goes out once you have signed in again as yourself.',
  forbiddenRegion: 'Not sent: your account may not use this region.',
  forbiddenEnvironment: 'Not sent: your account may not use the sandbox of this region.',
  crossSite: 'Not sent: the relay refused it as a request from another site. Reload the page.',
}
