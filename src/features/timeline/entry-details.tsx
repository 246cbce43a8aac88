import type { ReactNode } from 'react'
import { EntryDuration, type DurationText } from '@/features/timeline/entry-duration'
import type { EntryContext } from '@/features/timeline/timeline-article'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'

type EntryDetailsProps = {
  id: string
  entry: TimelineEntry
  context: EntryContext
  /** The performedAt in full, already formatted by the card. */
  exact: string
  duration: DurationText | null
  isOpen: boolean
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * What the card does not show at a glance: the exact date, the duration in words, the region's
 * own fields (by their schema titles), when it was logged and last changed. The list is always
 * there (the toggle controls it); its content is drawn only when opened or printed.
 */
export function EntryDetails({ id, entry, context, exact, duration, isOpen }: EntryDetailsProps) {
  const { labels, format, fieldTitles, isPrinting } = context
  return (
    <dl className="tl-details" id={id} hidden={!isOpen}>
      {(isOpen || isPrinting) && (
        <>
          <FieldRow title={labels.performedAt}>{exact}</FieldRow>
          {duration && (
            <FieldRow title={labels.duration}>
              <EntryDuration text={duration} />
            </FieldRow>
          )}
          {entry.fields.map((field) => (
            <FieldRow key={field.name} title={fieldTitles[field.name] ?? field.name}>
              {DAY.test(field.value) ? format.exact(field.value) : field.value}
            </FieldRow>
          ))}
          {entry.createdAt && (
            <FieldRow title={labels.loggedAt}>{format.exact(entry.createdAt)}</FieldRow>
          )}
          {entry.updatedAt && entry.updatedAt !== entry.createdAt && (
            <FieldRow title={labels.updatedAt}>{format.exact(entry.updatedAt)}</FieldRow>
          )}
        </>
      )}
    </dl>
  )
}

type FieldRowProps = {
  title: string
  children: ReactNode
}

function FieldRow({ title, children }: FieldRowProps) {
  return (
    <>
      <dt>{title}</dt>
      <dd>{children}</dd>
    </>
  )
}
