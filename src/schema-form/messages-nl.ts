import { formatText, typeText, type Catalog } from '@/schema-form/messages-catalog'

/** Dutch texts of the engine (see messages-catalog.ts for what each one is for). */
export const nl: Catalog = {
  types: {
    integer: 'Vul een geheel getal in',
    number: 'Vul een getal in',
    string: 'Vul tekst in',
    boolean: 'Kies ja of nee',
    array: 'Kies een of meer waarden',
    other: 'Vul een geldige waarde in',
  },
  formats: {
    date: 'Vul een datum in zoals 31-12-2026',
    dateTime: 'Vul een datum en tijd in zoals 31-12-2026 14:30',
    email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl',
    uri: 'Vul een volledig webadres in, zoals https://voorbeeld.nl',
    other: 'Controleer de notatie van deze waarde',
  },
  issues: {
    required: (v, c) => (c.kind === 'multi-enum' ? `Kies minstens één ${v.label}` : 'Verplicht'),
    type: (_, c, p) => typeText(nl, c, p),
    enum: () => 'Kies een van de opties',
    const: () => 'Kies de enige toegestane optie',
    minLength: (v, _, p) =>
      p.actual === 0
        ? 'Verplicht'
        : `Minstens ${v.limit} tekens${v.actual ? ` (nu ${v.actual})` : ''}`,
    maxLength: (v) => `Maximaal ${v.limit} tekens${v.actual ? ` (nu ${v.actual})` : ''}`,
    pattern: () =>
      'Controleer de notatie: deze waarde bevat tekens of een vorm die niet is toegestaan',
    format: (_, c, p) => formatText(nl, p, c),
    minimum: (v) => `Minstens ${v.limit}`,
    maximum: (v) => `Maximaal ${v.limit}`,
    exclusiveMinimum: (v) => `Meer dan ${v.limit}`,
    exclusiveMaximum: (v) => `Minder dan ${v.limit}`,
    multipleOf: (v) => `Gebruik stappen van ${v.limit}`,
    minItems: (v, c, p) =>
      c.kind === 'array-of-object'
        ? `Voeg er minstens ${v.limit} toe`
        : p.limit === 1
          ? `Kies minstens één ${v.label}`
          : `Kies er minstens ${v.limit}`,
    maxItems: (v, c) =>
      c.kind === 'array-of-object' ? `Maximaal ${v.limit} per keer` : `Kies er maximaal ${v.limit}`,
    uniqueItems: () => 'Elke waarde mag maar één keer voorkomen',
    contains: () => 'Voeg minstens één toegestane waarde toe',
    additionalProperty: (v) => `Het veld “${v.property}” is hier niet bekend`,
    minProperties: (v) => `Vul minstens ${v.limit} velden in`,
    maxProperties: (v) => `Vul maximaal ${v.limit} velden in`,
    propertyName: (v) => `De naam “${v.property}” is niet toegestaan`,
    dependentRequired: () => 'Hiervoor moet ook een ander veld ingevuld zijn',
    oneOf: () => 'Deze waarde past bij meer dan één optie; maak haar specifieker',
    not: () => 'Deze waarde is niet toegestaan',
    false: () => 'Dit veld kan niet ingevuld worden',
    incompleteDate: (_, c) =>
      c.kind === 'date-time'
        ? 'Onvolledig: vul de datum en de tijd in'
        : 'Onvolledige datum: vul dag, maand en jaar in',
    invalidDate: () => 'Deze datum bestaat niet',
    yearOutOfRange: () => 'Vul het jaar volledig in, zoals 2026',
    incompleteTime: () => 'Onvolledige tijd: vul uren en minuten in, of zet “Met tijd” uit',
    notANumber: (_, c) =>
      c.kind === 'integer'
        ? 'Vul een geheel getal in, zoals 12'
        : 'Vul een getal in, zoals 12 of 1,5',
    invalidDuration: () => 'Vul minuten (70) of uren en minuten (1 u 10 min) in',
    cannotClear: () => 'Dit veld kan niet meer leeg gemaakt worden',
    server: () => 'De server accepteerde deze waarde niet; controleer haar en probeer het opnieuw',
  },
  ui: {
    none: () => '—',
    noneLabel: () => 'Geen',
    moreFields: () => 'Meer velden',
    addRow: () => 'Rij toevoegen',
    duplicateRow: (v) => `Rij ${v.n ?? ''} dupliceren`,
    removeRow: (v) => `Rij ${v.n ?? ''} verwijderen`,
    rowLegend: (v) => `Rij ${v.n ?? ''}`,
    maxRowsReached: (v) => `Maximaal ${v.limit ?? ''} per keer`,
    includeTime: () => 'Met tijd',
    time: () => 'Tijd',
    durationHint: () => 'Minuten, of uren en minuten: 1 u 10 min',
    durationReads: (v) => `Gelezen als ${v.duration ?? ''}`,
    jsonHint: () => 'Gewone tekst, of een JSON-waarde zoals 12, true of ["a"]',
    showSection: (v) => `${v.label ?? ''} tonen`,
    hideSection: (v) => `${v.label ?? ''} verbergen`,
  },
}
