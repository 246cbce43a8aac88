/** The settings page's own strings: added to `settings` when its chunk loads (`addLazyStrings`). */
export const settingsPageEn = {
  connection: {
    heading: 'Connection',
    intro: 'Where the app reads and writes its data.',
    kindLabel: 'Backend',
    kindMock: 'Built-in demo backend',
    kindMockHint: 'Fake data that lives in this browser; no account or key needed. For demos.',
    kindMockUnavailable: 'Not part of this build.',
    kindUpstream: 'Onderwijsregio API',
    kindUpstreamHint: 'The real API of your region, or the relay server in front of it.',
    demoRegion: 'Demo region',
    demoRegionHint: 'Its public demo key ({{key}}) is used automatically.',
    baseUrl: 'API address',
    baseUrlHint: 'For example {{example}}, without /api/v2: the app adds that itself.',
    baseUrlProblem: {
      empty: 'Enter the address of the API.',
      'not-a-url': 'This is not a web address. It starts with https://',
      protocol:
        'Use an address that starts with https:// (or http:// for a server on this computer).',
      credentials:
        'Leave user names and passwords out of the address; the API key has its own field.',
      query: 'Leave out everything from ? or # onwards.',
    },
    notAllowedByPolicy:
      'This build may only connect to {{allowed}} (its security policy). Connecting elsewhere needs a build with VITE_API_ORIGIN set to that address.',
    apiKey: 'API key',
    apiKeyHint:
      'Sent only in the x-api-key header. Never put in the address bar, in permanent storage or in logs.',
    apiKeyRequired: 'Enter the API key.',
    showKey: 'Show API key',
    regionName: 'Region',
    regionNameHint: 'The education region this key belongs to. Shown in the app bar.',
    regionNameRequired: 'Name the region this key belongs to.',
    keyStorageLabel: 'Remember the key',
    keyStorageSession: 'Until this browser tab is closed',
    keyStorageMemory: 'Only until the page is reloaded',
    test: 'Test connection',
    testing: 'Testing the connection…',
    save: 'Save and connect',
    savedMock: 'Saved. The app now uses the built-in demo backend with {{region}}.',
    savedUpstream: 'Saved. The app now uses {{host}} with {{region}}.',
    currentMock: 'In use: the built-in demo backend, {{region}}.',
    currentUpstream: 'In use: {{host}}, {{region}}.',
    currentNone: 'In use: nothing yet. Enter an API key and save.',
    leaveTitle: 'Changes have not been sent yet',
    leaveBody_one:
      '{{count}} change made with this connection has not been carried out yet. Switching discards it for good, with everything this browser kept for this connection (drafts, recent candidates). To keep it, cancel and let it finish or retry it first.',
    leaveBody_other:
      '{{count}} changes made with this connection have not been carried out yet. Switching discards them for good, with everything this browser kept for this connection (drafts, recent candidates). To keep them, cancel and let them finish or retry them first.',
    leaveCancel: 'Cancel',
    leaveConfirm_one: 'Discard {{count}} change and switch',
    leaveConfirm_other: 'Discard {{count}} changes and switch',
  },
  test: {
    environment_production: 'production',
    environment_sandbox: 'sandbox',
    okTitle: 'The connection works',
    ok: 'The API answered and accepted the key ({{environment}}).',
    okRegion: 'The key belongs to {{region}}.',
    okNoRegion:
      'The API does not say which region a key belongs to, so check that the candidates you see are the ones you expect.',
    wrongRegionTitle: 'This key belongs to another region',
    wrongRegion:
      'The key works, but it opens {{reported}}, not {{expected}}. Use the key of {{expected}}, or change the region if {{reported}} is what you want.',
    unauthorizedTitle: 'Wrong API key',
    unauthorized:
      'The API answered, but refused the key (status 401). Check that you copied the whole key without spaces, and that it is the key for this API.',
    forbiddenTitle: 'The key may not do this',
    forbidden: 'The API knows the key, but refused to let it read the schema (status 403).',
    corsTitle: 'Blocked by the browser (CORS)',
    cors: 'The server at {{host}} answered, but the browser did not let this app read the answer. Most likely the API does not allow web pages from {{page}} to call it: browsers enforce that rule (called CORS) and only the server can lift it. The relay server solves this: it runs on the same address as the app and calls the API for it.',
    corsCaveat:
      'The browser hides the exact reason from web pages, so this is our best reading: a proxy or firewall that answers in place of the API looks the same.',
    unreachableTitle: 'Cannot reach the server',
    unreachable:
      'Nothing answered at {{host}}. The address may be wrong, the server may be down or refusing connections, or this computer may be offline.',
    unreachableCaveat:
      'Browsers report a request blocked by CORS in the same way as a server that cannot be reached. If this address works from elsewhere (for example with curl), CORS may still be the cause, and the relay server solves that.',
    timeoutTitle: 'No answer in time',
    timeout: 'The server at {{host}} did not answer within {{seconds}} seconds.',
    policyTitle: 'Blocked by this app’s security policy',
    policy:
      'This build may only connect to {{allowed}}. Connecting to {{host}} needs a build made with VITE_API_ORIGIN set to it.',
    mixedContentTitle: 'Insecure address',
    mixedContent:
      'This page is served over https, so the browser refuses to call an http:// address. Use the https:// address of the API.',
    notApiTitle: 'This is not the API',
    notApi:
      'Something answered at {{host}}, but not like the Onderwijsregio API ({{detail}}). Check the address: enter only the part before /api/v2.',
    sandboxIgnoredTitle: 'The sandbox was not used',
    sandboxIgnored:
      'You asked for the sandbox, but the API answered from production data. Choose the other way of asking for the sandbox (header or address prefix) under Sandbox, and test again.',
    rateLimitedTitle: 'The server is busy',
    rateLimited:
      'The API can be reached and answered “too many requests”. Wait a moment and test again.',
    serverTitle: 'The server had a problem',
    server:
      'The API can be reached but answered with an error (status {{status}}). Try again later.',
    httpTitle: 'Unexpected answer',
    http: 'The API answered with status {{status}}.',
    details: 'What was tested',
    detailsText: 'GET {{url}} with the key in the x-api-key header ({{environment}}).',
  },
  sandbox: {
    heading: 'Sandbox',
    intro:
      'The sandbox holds test data that the API wipes daily; nothing you do there reaches production. Cached data and unsent changes are kept apart per environment, so switching never mixes them.',
    switchLabel: 'Work in the sandbox',
    modeLabel: 'How the app asks the API for the sandbox',
    modeHeader: 'Header (x-api-sandbox: true)',
    modePrefix: 'Address prefix (/api/sandbox)',
    linkHint: 'Links copied while in the sandbox open in the sandbox: they carry ?sandbox=1.',
  },
  language: {
    heading: 'Language',
    label: 'Language of the app',
  },
  appearance: {
    heading: 'Appearance',
    label: 'Theme',
    light: 'Light',
    dark: 'Dark',
    system: 'Same as this device',
  },
}
