/**
 * The demo regions the built-in mock backend serves. Plain data on purpose: the app offers these
 * in the connection settings without importing src/mocks (which only main.tsx, tests and e2e
 * load), and the mock imports this list so both sides agree on ids and keys.
 */
export type DemoRegion = {
  id: string
  name: string
  /** A public demo key; it only opens the mock's fake data, never an upstream region. */
  key: string
}

export const DEMO_REGIONS = [
  { id: 'utrecht', name: 'Onderwijsregio Utrecht', key: 'demo-utrecht' },
  { id: 'rijnmond', name: 'Onderwijsregio Rijnmond', key: 'demo-rijnmond' },
] as const satisfies readonly DemoRegion[]

export type DemoRegionId = (typeof DEMO_REGIONS)[number]['id']

export const DEFAULT_DEMO_REGION: DemoRegion = DEMO_REGIONS[0]

export function findDemoRegion(id: string): DemoRegion | undefined {
  return DEMO_REGIONS.find((region) => region.id === id)
}
