import type { TFunction } from 'i18next'
import { localDayKey } from '@/lib/calendar-day'
import { parsePerformedAt } from '@/lib/format'
import type { CsvColumn } from '@/features/timeline/export-csv'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'

/** `2025-06-02 15:30` in the viewer's time zone, or the bare day: sortable in any spreadsheet. */
export function localStamp(performedAt: string): string {
  const parsed = parsePerformedAt(performedAt)
  if (parsed.kind === 'date') return performedAt
  if (parsed.kind === 'invalid') return ''
  const date = parsed.instant
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
  return `${localDayKey(date)} ${time}`
}

/** Whole minutes when the duration is whole minutes, else one decimal in the language's style. */
function minutes(seconds: number | null, locale: string): string | number | null {
  if (seconds === null) return null
  if (seconds % 60 === 0) return seconds / 60
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds / 60)
}

/** The export's columns in the current language, plus one per region field that occurs. */
export function timelineCsvColumns(
  entries: readonly TimelineEntry[],
  t: TFunction,
  locale: string,
  fieldTitles: Readonly<Record<string, string>>,
): CsvColumn[] {
  const columns: CsvColumn[] = [
    { header: t('timeline.export.columns.performedAt'), value: (entry) => entry.performedAt },
    {
      header: t('timeline.export.columns.localDateTime'),
      value: (entry) => localStamp(entry.performedAt),
    },
    { header: t('timeline.export.columns.types'), value: (entry) => entry.types.join(', ') },
    { header: t('timeline.export.columns.summary'), value: (entry) => entry.summary },
    { header: t('timeline.export.columns.notes'), value: (entry) => entry.notes },
    {
      header: t('timeline.export.columns.durationMinutes'),
      value: (entry) => minutes(entry.duration, locale),
    },
  ]
  const fieldNames = [...new Set(entries.flatMap((entry) => entry.fields.map((f) => f.name)))]
  for (const name of fieldNames) {
    columns.push({
      header: fieldTitles[name] ?? name,
      value: (entry) => entry.fields.find((field) => field.name === name)?.value ?? null,
    })
  }
  if (entries.some((entry) => entry.status !== null)) {
    columns.push({
      header: t('timeline.export.columns.status'),
      value: (entry) => (entry.status ? t(`timeline.status.${entry.status}`) : null),
    })
  }
  columns.push({
    header: t('timeline.export.columns.id'),
    // A pending create has no record id yet.
    value: (entry) =>
      entry.item?.kind === 'pending' && entry.item.recordId === null ? null : entry.id,
  })
  return columns
}
