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
