import type { Environment } from '@/api/contract'
import { addDays, toDateOnly } from '@/mocks/dates'
import type { JsonObject } from '@/mocks/json'
import {
  chance,
  intBetween,
  pick,
  pickSome,
  recordId,
  seededRandom,
  type Random,
} from '@/mocks/prng'
import { PHASES, SECTORS } from '@/mocks/region-schemas'
import type { RegionDefinition } from '@/mocks/regions'
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, SCHOOLS_UTRECHT } from '@/mocks/seed-data'
import { sortedCandidates } from '@/mocks/db'
import { seedInteractions, seedRichInteractions } from '@/mocks/seed-interactions'
import type { Dataset, StoredCandidate, StoredInteraction } from '@/mocks/state'

/**
 * Deterministic demo data per region and environment: the same region, environment and `anchor`
 * (the "now" the data is relative to) always give the same dataset. Production and sandbox use
 * different seeds, so they visibly hold different people.
 */
export const CANDIDATE_COUNT: Record<Environment, number> = { production: 50, sandbox: 20 }
/**
 * The first candidates of the list (by last name, as the app shows it) have a rich, varied
 * history: what a demo visitor opens first should show what a timeline can hold.
 */
export const RICH_CANDIDATE_COUNT = 4
/** List position of the candidate with more interactions than the list endpoint returns. */
export const BUSY_POSITION = 6
export const BUSY_INTERACTION_COUNT: Record<Environment, number> = { production: 130, sandbox: 104 }
/** Candidates at these list positions have no interactions at all (7, 16, 25, …). */
const isEmptyPosition = (position: number) => position % 9 === 7
/** A rich timeline spans about nine months: its candidate is at least this old. */
const RICH_HISTORY_DAYS = 300

type Profile = 'rich' | 'busy' | 'empty' | 'plain'

function profileAt(position: number): Profile {
  if (position < RICH_CANDIDATE_COUNT) return 'rich'
  if (position === BUSY_POSITION) return 'busy'
  return isEmptyPosition(position) ? 'empty' : 'plain'
}

export function seedDataset(
  region: RegionDefinition,
  environment: Environment,
  anchor: number,
): Dataset {
  const random = seededRandom(`${region.id}:${environment}`)
  const emails = new Set<string>()
  const people = Array.from({ length: CANDIDATE_COUNT[environment] }, () => {
    const createdMs =
      addDays(anchor, -intBetween(random, 14, 500)) - intBetween(random, 0, 86_399) * 1000
    return seedCandidate(random, region, environment, createdMs, anchor, emails)
  })
  // Who gets which kind of history follows the list's order, not the order of generation.
  const positions = new Map(
    sortedCandidates({ candidates: people, interactions: [] }).map((c, index) => [c.id, index]),
  )
  const candidates: StoredCandidate[] = []
  const interactions: StoredInteraction[] = []
  for (const person of people) {
    const profile = profileAt(positions.get(person.id) ?? 0)
    const createdMs =
      profile === 'busy'
        ? addDays(anchor, -720)
        : profile === 'rich'
          ? Math.min(Date.parse(person.createdAt), addDays(anchor, -RICH_HISTORY_DAYS))
          : Date.parse(person.createdAt)
    const candidate = withCreatedAt(random, person, createdMs, anchor)
    candidates.push(candidate)
    if (profile === 'rich') {
      interactions.push(...seedRichInteractions(random, region, candidate.id, createdMs, anchor))
      continue
    }
    const count =
      profile === 'busy'
        ? BUSY_INTERACTION_COUNT[environment]
        : profile === 'empty'
          ? 0
          : intBetween(random, 1, 12)
    interactions.push(...seedInteractions(random, region, candidate.id, createdMs, anchor, count))
  }
  return { candidates, interactions }
}

/** The same person, created at `createdMs` instead (a busy or rich history reaches further back). */
function withCreatedAt(
  random: Random,
  candidate: StoredCandidate,
  createdMs: number,
  anchor: number,
): StoredCandidate {
  if (createdMs === Date.parse(candidate.createdAt)) return candidate
  const updatedMs = Math.min(anchor, createdMs + intBetween(random, 0, 60) * 86_400_000)
  return {
    ...candidate,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
  }
}

function seedCandidate(
  random: Random,
  region: RegionDefinition,
  environment: Environment,
  createdMs: number,
  anchor: number,
  emails: Set<string>,
): StoredCandidate {
  const firstName = pick(random, FIRST_NAMES)
  const lastName = pick(random, LAST_NAMES)
  const phone = chance(random, 0.7)
    ? dutchPhone(random, region)
    : chance(random, 0.5)
      ? null
      : undefined
  const updatedMs = Math.min(anchor, createdMs + intBetween(random, 0, 60) * 86_400_000)
  const customFields = seedCustomFields(random, region, anchor)
  return {
    id: recordId(random),
    firstName,
    lastName,
    email: uniqueEmail(random, firstName, lastName, environment, emails),
    ...(phone === undefined ? {} : { phone }),
    phase: pick(random, PHASES),
    sector: pickSome(random, SECTORS, intBetween(random, 1, 2)),
    privacyConsent: chance(random, 0.92),
    ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
  }
}

function seedCustomFields(random: Random, region: RegionDefinition, anchor: number): JsonObject {
  const fields: JsonObject = {}
  if (region.id === 'utrecht') {
    if (chance(random, 0.6)) fields.openDayInterest = chance(random, 0.5)
    if (chance(random, 0.4)) fields.preferredSchool = pick(random, SCHOOLS_UTRECHT)
  } else {
    if (chance(random, 0.6)) fields.subjects = pickSome(random, SUBJECTS, intBetween(random, 1, 2))
    if (chance(random, 0.7)) fields.hasTeachingQualification = chance(random, 0.3)
    if (chance(random, 0.4))
      fields.availableFrom = toDateOnly(addDays(anchor, intBetween(random, 30, 200)))
  }
  return fields
}

const SUBJECTS = ['Nederlands', 'Engels', 'Wiskunde', 'Biologie', 'Techniek'] as const

function uniqueEmail(
  random: Random,
  firstName: string,
  lastName: string,
  environment: Environment,
  taken: Set<string>,
): string {
  const first = asciiLower(firstName)
  const last = asciiLower(lastName).replace(/[^a-z]/g, '')
  const local = pick(random, [`${first}.${last}`, `${first.charAt(0)}.${last}`, `${first}${last}`])
  // Sandbox people get example.org addresses: test data should look like test data.
  const domain = environment === 'sandbox' ? 'example.org' : pick(random, EMAIL_DOMAINS)
  let email = `${local}@${domain}`
  for (let n = 2; taken.has(email); n += 1) email = `${local}${n}@${domain}`
  taken.add(email)
  return email
}

function asciiLower(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

function dutchPhone(random: Random, region: RegionDefinition): string {
  const digits = (count: number) =>
    Array.from({ length: count }, () => String(intBetween(random, 0, 9))).join('')
  const mobile = digits(8)
  const areaCode = region.id === 'utrecht' ? '030' : '010'
  return pick(random, [
    `06-${mobile}`,
    `06 ${mobile.slice(0, 4)} ${mobile.slice(4)}`,
    `+31 6 ${mobile.slice(0, 4)} ${mobile.slice(4)}`,
    `06${mobile}`,
    `${areaCode}-${digits(7)}`,
  ])
}
