import type { TFunction } from 'i18next'
import { cachedNumberFormat, durationParts, formatDuration } from '@/lib/format'

/** "25 min", "1 h 10 min" / "1 u 10 min": short enough for the meta line. */
export function formatDurationShort(seconds: number, t: TFunction, locale: string): string {
  const { hours, minutes, seconds: rest } = durationParts(seconds)
  const number = cachedNumberFormat(locale)
  if (hours > 0 && minutes > 0) {
    return t('timeline.durationShort.hoursMinutes', {
      hours: number.format(hours),
      minutes: number.format(minutes),
    })
  }
  if (hours > 0) return t('timeline.durationShort.hours', { hours: number.format(hours) })
  if (minutes === 0 && rest > 0) {
    return t('timeline.durationShort.seconds', { seconds: number.format(rest) })
  }
  return t('timeline.durationShort.minutes', { minutes: number.format(minutes) })
}

export type DurationText = { short: string; long: string }

/**
 * Duration words for one language, remembered per value: a hundred entries share a handful of
 * durations, and formatting is the costly part of drawing them.
 */
export function createDurationText(
  t: TFunction,
  locale: string,
): (seconds: number) => DurationText {
  const memo = new Map<number, DurationText>()
  return (seconds) => {
    let text = memo.get(seconds)
    if (!text) {
      text = {
        short: formatDurationShort(seconds, t, locale),
        long: formatDuration(seconds, locale),
      }
      memo.set(seconds, text)
    }
    return text
  }
}

type EntryDurationProps = {
  text: DurationText
}

/** Short on screen, in full words for screen readers ("1 hour and 10 minutes"). */
export function EntryDuration({ text }: EntryDurationProps) {
  return (
    <span className="tl-duration">
      <span aria-hidden="true">{text.short}</span>
      <span className="tl-sr">{text.long}</span>
    </span>
  )
}
