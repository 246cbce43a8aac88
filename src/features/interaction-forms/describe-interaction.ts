import { formatPerformedAt } from '@/lib/format'

/** "Telefonisch, E-mail on 29 November 2026 at 14:30": how a confirmation names an interaction. */
export function describeInteraction(
  values: Readonly<Record<string, unknown>>,
  locale: string,
): { types: string; date: string } {
  const types = Array.isArray(values.type)
    ? values.type.filter((type): type is string => typeof type === 'string').join(', ')
    : ''
  const date =
    typeof values.performedAt === 'string' ? formatPerformedAt(values.performedAt, locale) : ''
  return { types, date }
}
