import type { TimelineEntry } from '@/features/timeline/timeline-entry'

export type CsvColumn = {
  header: string
  value: (entry: TimelineEntry) => string | number | null
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return) as a
 * formula; notes typed by people must never do that, so such cells get a leading apostrophe
 * (OWASP's advice for CSV injection).
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function cell(value: string | number | null, separator: string): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = neutralise(value)
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * RFC 4180 CSV (CRLF, quoted where needed) with a UTF-8 byte-order mark so Excel reads accents
 * right. The separator is the caller's: Dutch Excel expects `;`, English `,`.
 */
export function toCsv(
  entries: readonly TimelineEntry[],
  columns: readonly CsvColumn[],
  separator: ',' | ';',
): string {
  const lines = [columns.map((column) => cell(column.header, separator)).join(separator)]
  for (const entry of entries) {
    lines.push(columns.map((column) => cell(column.value(entry), separator)).join(separator))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** "Jan de Vries" → "jan-de-vries" (accents dropped, safe in every file system). */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Hands the text to the browser as a download. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the blob after the click returns.
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 10_000)
}
