import type { TFunction } from 'i18next'
import { localDayKey } from '@/lib/calendar-day'
import { downloadText, fileSlug, toCsv } from '@/features/timeline/export-csv'
import { timelineCsvColumns } from '@/features/timeline/timeline-csv'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'

/**
 * Writes the shown entries to a CSV download and returns the file's name. Its own chunk: the
 * timeline imports it on the first export, so no page load carries the CSV code.
 */
export function exportTimeline(
  shown: readonly TimelineEntry[],
  options: {
    t: TFunction
    locale: string
    fieldTitles: Readonly<Record<string, string>>
    exportName: string
  },
): string {
  const { t, locale, fieldTitles, exportName } = options
  const columns = timelineCsvColumns(shown, t, locale, fieldTitles)
  const csv = toCsv(shown, columns, locale === 'nl' ? ';' : ',')
  const slug = fileSlug(exportName)
  const file = `${t('timeline.export.filePrefix')}${slug ? `-${slug}` : ''}-${localDayKey(new Date())}.csv`
  downloadText(csv, file)
  return file
}
