import { addDays, toAmsterdamDateTime, toDateOnly } from '@/mocks/dates'
import type { JsonObject } from '@/mocks/json'
import { chance, intBetween, pick, pickSome, recordId, type Random } from '@/mocks/prng'
import type { RegionDefinition } from '@/mocks/regions'
import { LOCATIONS_RIJNMOND, NOTES, SUMMARIES } from '@/mocks/seed-data'
import type { StoredInteraction } from '@/mocks/state'

const MINUTE = 60_000
const FALLBACK_SUMMARY: readonly [string] = ['Contactmoment']
/** Types that are appointments, so they can plausibly lie in the future. */
const PLANNABLE = ['Adviesgesprek', 'Kennismakingsgesprek', 'Inschrijving activiteit']

/**
 * A candidate's contact history between its creation and `anchor`: a mix of date-only and
 * date-time `performedAt` (Dutch local time with offset), a few planned ones in the future,
 * durations for calls and meetings, and the region's own fields where it has them.
 */
export function seedInteractions(
  random: Random,
  region: RegionDefinition,
  candidateId: string,
  candidateCreatedMs: number,
  anchor: number,
  count: number,
): StoredInteraction[] {
  const out: StoredInteraction[] = []
  for (let i = 0; i < count; i += 1) {
    const isFuture = chance(random, 0.06)
    const types = isFuture ? plannedTypes(random, region) : someTypes(random, region)
    const dayMs = isFuture
      ? addDays(anchor, intBetween(random, 1, 30))
      : // up to yesterday, so office hours can never push a past contact past `anchor`
        candidateCreatedMs + random() * Math.max(0, addDays(anchor, -1) - candidateCreatedMs)
    const performedMs = officeHours(random, dayMs)
    const createdMs = isFuture
      ? addDays(anchor, -intBetween(random, 1, 10))
      : Math.min(
          anchor,
          Math.max(candidateCreatedMs, performedMs) + intBetween(random, 5, 600) * MINUTE,
        )
    const updatedMs = chance(random, 0.2)
      ? Math.min(anchor, createdMs + intBetween(random, 10, 4320) * MINUTE)
      : createdMs
    const primary = types[0] ?? 'Anders'
    const interaction: StoredInteraction = {
      id: recordId(random),
      candidateId,
      type: types,
      performedAt: chance(random, 0.45)
        ? toDateOnly(performedMs)
        : toAmsterdamDateTime(performedMs),
      ...(chance(random, 0.9)
        ? { summary: pick(random, SUMMARIES[primary] ?? FALLBACK_SUMMARY) }
        : {}),
      ...(chance(random, 0.45) ? { notes: notes(random) } : {}),
      ...duration(random, primary),
      ...regionFields(random, region, primary, performedMs),
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(updatedMs).toISOString(),
    }
    out.push(interaction)
  }
  return out
}

function someTypes(random: Random, region: RegionDefinition): string[] {
  return pickSome(random, region.interactionTypes, chance(random, 0.15) ? 2 : 1)
}

function plannedTypes(random: Random, region: RegionDefinition): string[] {
  const plannable = region.interactionTypes.filter((type) => PLANNABLE.includes(type))
  return pickSome(random, plannable.length > 0 ? plannable : region.interactionTypes, 1)
}

/** Moves an instant to a weekday-ish office hour (08:00–17:55 Dutch time), on 5 minutes. */
function officeHours(random: Random, ms: number): number {
  const day = new Date(ms)
  const hourUtc = intBetween(random, 7, 16)
  return Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    hourUtc,
    intBetween(random, 0, 11) * 5,
  )
}

function notes(random: Random): string {
  return pickSome(random, NOTES, intBetween(random, 1, 2)).join(' ')
}

function duration(random: Random, primary: string): JsonObject {
  if (primary === 'E-mail') return {}
  if (primary === 'Telefonisch') return { duration: intBetween(random, 2, 30) * 60 }
  if (primary.endsWith('gesprek') || primary === 'Persoonlijk') {
    return { duration: intBetween(random, 3, 18) * 300 }
  }
  return chance(random, 0.3) ? { duration: intBetween(random, 1, 12) * 300 } : {}
}

function regionFields(
  random: Random,
  region: RegionDefinition,
  primary: string,
  performedMs: number,
): JsonObject {
  if (region.id !== 'rijnmond') return {}
  const fields: JsonObject = {}
  if (primary !== 'E-mail' && primary !== 'Telefonisch' && chance(random, 0.6)) {
    fields.location = pick(random, LOCATIONS_RIJNMOND)
  }
  if (chance(random, 0.25)) {
    fields.followUpOn = chance(random, 0.2)
      ? null
      : toDateOnly(addDays(performedMs, intBetween(random, 7, 21)))
  }
  return fields
}

/** What a step of a rich history is, mapped onto the region's own interaction types. */
type Role = 'event' | 'email' | 'phone' | 'meeting' | 'advice' | 'referral' | 'other'

const ROLE_TYPES: Record<Role, readonly string[]> = {
  event: ['Inschrijving activiteit'],
  email: ['E-mail'],
  phone: ['Telefonisch'],
  meeting: ['Kennismakingsgesprek', 'Persoonlijk'],
  advice: ['Adviesgesprek'],
  referral: ['Doorverwijzing', 'Anders'],
  other: ['Anders'],
}

type Step = {
  role: Role
  /** Days before the anchor (negative: planned, in the future). */
  daysAgo: number
  summaries: readonly [string, ...string[]]
  /** Seconds, a range in minutes. */
  minutes?: readonly [number, number]
  /** Chance of notes; 1 for the steps a counsellor always writes up. */
  notes?: number
  /** A second type beside the first (a meeting that was also an advice conversation). */
  also?: Role
  dateOnly?: boolean
}

/**
 * A counsellor's story with one candidate over about nine months: a sign-up for an event, mails
 * and calls, a first meeting, advice, a day at a school, a referral, and a planned next meeting.
 */
const RICH_STORY: readonly Step[] = [
  {
    role: 'event',
    daysAgo: 275,
    summaries: [
      'Aangemeld voor het webinar zij-instroom',
      'Ingeschreven voor de informatieavond Leraar worden',
    ],
    dateOnly: true,
  },
  { role: 'email', daysAgo: 272, summaries: ['Bevestiging inschrijving en programma gemaild'] },
  {
    role: 'phone',
    daysAgo: 258,
    summaries: ['Intakegesprek telefonisch gevoerd'],
    minutes: [15, 35],
    notes: 1,
  },
  {
    role: 'meeting',
    daysAgo: 236,
    summaries: ['Eerste kennismaking, motivatie besproken', 'Langs geweest op het regiokantoor'],
    minutes: [40, 75],
    notes: 1,
  },
  {
    role: 'email',
    daysAgo: 230,
    summaries: ['Informatie over zij-instroom gemaild', 'Vacatureoverzicht toegestuurd'],
    notes: 0.3,
  },
  {
    role: 'advice',
    daysAgo: 195,
    summaries: ['Adviesgesprek over opleidingsroutes', 'Loopbaanadvies: pabo versus zij-instroom'],
    minutes: [45, 90],
    notes: 1,
    also: 'meeting',
  },
  {
    role: 'event',
    daysAgo: 160,
    summaries: ['Aangemeld voor een meeloopdag', 'Ingeschreven voor de proefstudeerdag'],
    dateOnly: true,
  },
  {
    role: 'other',
    daysAgo: 146,
    summaries: ['Meeloopdag bijgewoond op een basisschool', 'Proefstudeerdag bijgewoond'],
    minutes: [240, 420],
    notes: 1,
    dateOnly: true,
  },
  {
    role: 'phone',
    daysAgo: 120,
    summaries: ['Voicemail ingesproken, terugbelverzoek'],
    minutes: [1, 3],
  },
  {
    role: 'phone',
    daysAgo: 118,
    summaries: ['Teruggebeld over zij-instroom', 'Telefonisch vragen over de subsidie beantwoord'],
    minutes: [10, 25],
    notes: 0.6,
  },
  { role: 'email', daysAgo: 90, summaries: ['Herinnering documenten gestuurd'] },
  {
    role: 'referral',
    daysAgo: 64,
    summaries: ['Doorverwezen naar het schoolbestuur', 'Doorverwezen naar de lerarenopleiding'],
    notes: 0.8,
  },
  {
    role: 'advice',
    daysAgo: 35,
    summaries: [
      'Vervolgadvies na proefstudeerdag',
      'Adviesgesprek over lesbevoegdheid tweedegraads',
    ],
    minutes: [30, 60],
    notes: 1,
  },
  {
    role: 'email',
    daysAgo: 12,
    summaries: ['Vragen over bevoegdheid per mail beantwoord', 'Bevestiging afspraak verstuurd'],
  },
  {
    role: 'phone',
    daysAgo: 3,
    summaries: ['Kort contact over voortgang aanmelding'],
    minutes: [5, 15],
  },
  {
    role: 'advice',
    daysAgo: -9,
    summaries: ['Afspraak: bespreken van het opleidingsaanbod'],
    minutes: [45, 60],
  },
]

function typeFor(region: RegionDefinition, role: Role): string {
  const types = region.interactionTypes
  return ROLE_TYPES[role].find((type) => types.includes(type)) ?? types[0]
}

/**
 * A rich history for the first candidates of the list: the story above, each step a few days
 * earlier or later per candidate and now and then left out, so no two read the same.
 */
export function seedRichInteractions(
  random: Random,
  region: RegionDefinition,
  candidateId: string,
  candidateCreatedMs: number,
  anchor: number,
): StoredInteraction[] {
  const out: StoredInteraction[] = []
  RICH_STORY.forEach((step, index) => {
    // Steps that carry the story (first contact, first advice, the planned one) always stay.
    if (index > 2 && step.daysAgo > 0 && step.role !== 'advice' && chance(random, 0.15)) return
    const isFuture = step.daysAgo < 0
    const shift = isFuture ? 0 : intBetween(random, -3, 3)
    const dayMs = addDays(anchor, isFuture ? -step.daysAgo : -Math.max(1, step.daysAgo + shift))
    const performedMs = officeHours(random, dayMs)
    const primary = typeFor(region, step.role)
    const second = step.also ? typeFor(region, step.also) : null
    const createdMs = isFuture
      ? addDays(anchor, -intBetween(random, 2, 6))
      : Math.min(
          anchor,
          Math.max(candidateCreatedMs, performedMs) + intBetween(random, 5, 240) * MINUTE,
        )
    const minutes = step.minutes
    out.push({
      id: recordId(random),
      candidateId,
      type: second && second !== primary ? [primary, second] : [primary],
      performedAt:
        step.dateOnly === true ? toDateOnly(performedMs) : toAmsterdamDateTime(performedMs),
      summary: pick(random, step.summaries),
      ...(chance(random, step.notes ?? 0) ? { notes: notes(random) } : {}),
      ...(minutes ? { duration: intBetween(random, minutes[0], minutes[1]) * 60 } : {}),
      ...regionFields(random, region, primary, performedMs),
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(createdMs).toISOString(),
    })
  })
  return out
}
