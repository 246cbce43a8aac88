import { daysBetween, localDayKey, type DayKey } from '@/lib/calendar-day'
import { parsePerformedAt } from '@/lib/format'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'

export type GroupKind = 'upcoming' | 'today' | 'yesterday' | 'day' | 'undated'

export type TimelineGroup = {
  /** Stable React key: `upcoming`, `undated`, or the day. */
  key: string
  kind: GroupKind
  day: DayKey | null
  entries: TimelineEntry[]
}

/** Future-dated: a date-time after now, or a date-only day after today (today is not future). */
export function isUpcoming(entry: TimelineEntry, now: number, today: DayKey): boolean {
  if (entry.day === null) return false
  if (entry.isDateOnly) return daysBetween(today, entry.day) > 0
  const parsed = parsePerformedAt(entry.performedAt)
  return parsed.kind === 'date-time' && parsed.instant.getTime() > now
}

// Plain comparisons, not localeCompare: ISO timestamps and ids sort by code unit, and a collator
// per comparison made grouping a hundred entries cost tens of milliseconds.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const newestFirst = (a: TimelineEntry, b: TimelineEntry) =>
  b.sortKey - a.sortKey || compare(b.createdAt ?? '', a.createdAt ?? '') || compare(a.id, b.id)

/**
 * The timeline's sections: upcoming (soonest first, so the next appointment sits right above
 * today), then one section per local calendar day, newest first ("Today", "Yesterday", dates),
 * and last the entries whose date cannot be read. Within a day, timed entries come before the
 * date-only ones of that day.
 */
export function groupEntries(entries: readonly TimelineEntry[], now: number): TimelineGroup[] {
  const today = localDayKey(new Date(now))
  const upcoming: TimelineEntry[] = []
  const undated: TimelineEntry[] = []
  const byDay = new Map<DayKey, TimelineEntry[]>()
  for (const entry of entries) {
    if (entry.day === null) undated.push(entry)
    else if (isUpcoming(entry, now, today)) upcoming.push(entry)
    else {
      const list = byDay.get(entry.day)
      if (list) list.push(entry)
      else byDay.set(entry.day, [entry])
    }
  }
  const groups: TimelineGroup[] = []
  if (upcoming.length > 0) {
    upcoming.sort((a, b) => -newestFirst(a, b))
    groups.push({ key: 'upcoming', kind: 'upcoming', day: null, entries: upcoming })
  }
  const days = [...byDay.keys()].sort((a, b) => compare(b, a))
  for (const day of days) {
    const distance = daysBetween(day, today)
    groups.push({
      key: day,
      kind: distance === 0 ? 'today' : distance === 1 ? 'yesterday' : 'day',
      day,
      entries: (byDay.get(day) ?? []).sort(newestFirst),
    })
  }
  if (undated.length > 0) {
    groups.push({ key: 'undated', kind: 'undated', day: null, entries: undated })
  }
  return groups
}
