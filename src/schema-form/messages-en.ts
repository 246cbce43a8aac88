import { formatText, typeText, type Catalog } from '@/schema-form/messages-catalog'

/** English texts of the engine (see messages-catalog.ts for what each one is for). */
export const en: Catalog = {
  types: {
    integer: 'Enter a whole number',
    number: 'Enter a number',
    string: 'Enter text',
    boolean: 'Choose yes or no',
    array: 'Choose one or more values',
    other: 'Enter a valid value',
  },
  formats: {
    date: 'Enter a date like 31-12-2026',
    dateTime: 'Enter a date and time like 31-12-2026 14:30',
    email: 'Enter a valid e-mail address, like name@example.com',
    uri: 'Enter a full web address, like https://example.com',
    other: 'Check the notation of this value',
  },
  issues: {
    required: (v, c) => (c.kind === 'multi-enum' ? `Choose at least one ${v.label}` : 'Required'),
    type: (_, c, p) => typeText(en, c, p),
    enum: () => 'Choose one of the options',
    const: () => 'Choose the only allowed option',
    minLength: (v, _, p) =>
      p.actual === 0
        ? 'Required'
        : `At least ${v.limit} characters${v.actual ? ` (now ${v.actual})` : ''}`,
    maxLength: (v) => `At most ${v.limit} characters${v.actual ? ` (now ${v.actual})` : ''}`,
    pattern: () => 'Check the notation: this value has characters or a shape that is not allowed',
    format: (_, c, p) => formatText(en, p, c),
    minimum: (v) => `At least ${v.limit}`,
    maximum: (v) => `At most ${v.limit}`,
    exclusiveMinimum: (v) => `More than ${v.limit}`,
    exclusiveMaximum: (v) => `Less than ${v.limit}`,
    multipleOf: (v) => `Use steps of ${v.limit}`,
    minItems: (v, c, p) =>
      c.kind === 'array-of-object'
        ? `Add at least ${v.limit}`
        : p.limit === 1
          ? `Choose at least one ${v.label}`
          : `Choose at least ${v.limit}`,
    maxItems: (v, c) =>
      c.kind === 'array-of-object'
        ? `At most ${v.limit} per submission`
        : `Choose at most ${v.limit}`,
    uniqueItems: () => 'Each value may appear only once',
    contains: () => 'Add at least one allowed value',
    additionalProperty: (v) => `The field “${v.property}” is not known here`,
    minProperties: (v) => `Fill in at least ${v.limit} fields`,
    maxProperties: (v) => `Fill in at most ${v.limit} fields`,
    propertyName: (v) => `The name “${v.property}” is not allowed`,
    dependentRequired: () => 'This needs another field filled in as well',
    oneOf: () => 'This value fits more than one option; make it more specific',
    not: () => 'This value is not allowed',
    false: () => 'This field cannot be filled in',
    incompleteDate: (_, c) =>
      c.kind === 'date-time'
        ? 'Incomplete: fill in the date and the time'
        : 'Incomplete date: fill in day, month and year',
    invalidDate: () => 'This date does not exist',
    yearOutOfRange: () => 'Enter the year in full, like 2026',
    incompleteTime: () =>
      'Incomplete time: fill in hours and minutes, or switch off “Include time”',
    notANumber: (_, c) =>
      c.kind === 'integer' ? 'Enter a whole number, like 12' : 'Enter a number, like 12 or 1.5',
    invalidDuration: () => 'Enter minutes (70) or hours and minutes (1 h 10 min)',
    cannotClear: () => 'This field cannot be emptied once it has a value',
    server: () => 'The server did not accept this value; check it and try again',
  },
  ui: {
    none: () => '—',
    noneLabel: () => 'None',
    moreFields: () => 'More fields',
    addRow: () => 'Add row',
    duplicateRow: (v) => `Duplicate row ${v.n ?? ''}`,
    removeRow: (v) => `Remove row ${v.n ?? ''}`,
    rowLegend: (v) => `Row ${v.n ?? ''}`,
    maxRowsReached: (v) => `At most ${v.limit ?? ''} per submission`,
    includeTime: () => 'Include time',
    time: () => 'Time',
    durationHint: () => 'Minutes, or hours and minutes: 1 h 10 min',
    durationReads: (v) => `Reads as ${v.duration ?? ''}`,
    jsonHint: () => 'Plain text, or a JSON value such as 12, true or ["a"]',
    showSection: (v) => `Show ${v.label ?? ''}`,
    hideSection: (v) => `Hide ${v.label ?? ''}`,
  },
}
