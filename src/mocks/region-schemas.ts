import { z } from 'zod'

/**
 * Builds a region's candidate payload as zod schemas, in the two variants `/schema` serves.
 * The JSON Schema the mock publishes is `z.toJSONSchema(...)` of these, exactly as the upstream
 * generates its own (docs/upstream.md, "/schema"), and the mock validates requests against that
 * emitted JSON Schema with Ajv, so "valid against /schema" and "accepted by the mock" are the same thing.
 */

/** One field of an object in the payload; `variant` decides required / optional / nullable. */
export type FieldSpec = {
  schema: z.ZodType
  title: string
  description?: string
  /** Required on create. On update every field is optional ([DOC] "every field optional"). */
  required?: boolean
  /** Accepts `null` on create too (e.g. `phone`, like Zod's `.nullable()` in the example). */
  nullable?: boolean
}

export type SchemaVariant = 'create' | 'update'

/**
 * Required-on-create fields become optional on update; every other field accepts `null` on
 * update, because PATCH semantics say `null` clears a field ([DOC]) and the schema must mirror
 * runtime validation one to one.
 */
export function objectSchema(fields: Record<string, FieldSpec>, variant: SchemaVariant) {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, spec] of Object.entries(fields)) {
    const meta = spec.description
      ? { title: spec.title, description: spec.description }
      : { title: spec.title }
    if (variant === 'create') {
      if (spec.required) shape[name] = spec.schema.meta(meta)
      else if (spec.nullable) shape[name] = spec.schema.nullable().optional().meta(meta)
      else shape[name] = spec.schema.optional().meta(meta)
    } else if (spec.required) {
      shape[name] = spec.schema.optional().meta(meta)
    } else {
      shape[name] = spec.schema.nullable().optional().meta(meta)
    }
  }
  return z.strictObject(shape)
}

/** [DOC] the interaction payload fields every region has; allowed types differ per region. */
export function interactionFields(
  types: readonly [string, ...string[]],
): Record<string, FieldSpec> {
  return {
    type: {
      schema: z.array(z.enum(types)).min(1),
      title: 'Soort contact',
      description: 'One or more predefined interaction types',
      required: true,
    },
    performedAt: {
      schema: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
      title: 'Datum en tijd',
      description: 'Date or date-time when the interaction took place',
      required: true,
    },
    summary: {
      schema: z.string().max(255),
      title: 'Samenvatting',
      description: 'Short description of the interaction',
    },
    notes: { schema: z.string().max(10000), title: 'Notities', description: 'Additional details' },
    duration: {
      schema: z.number().int().min(0).max(86400),
      title: 'Duur',
      description: 'Duration in seconds',
    },
  }
}

export const PHASES = [
  'Nieuw',
  'Matchen',
  'Oriënteren',
  'Voorbereiden',
  'In opleiding',
  'Werkzaam',
  'Uitgestroomd',
] as const

export const SECTORS = [
  'Primair onderwijs',
  'Voortgezet onderwijs',
  'Speciaal onderwijs',
  'Middelbaar beroepsonderwijs',
  'Hoger onderwijs',
  'Praktijkonderwijs',
] as const

/** Zod's own e-mail and phone rules, so the emitted `format` + `pattern` match the example. */
export const PHONE_PATTERN = /^[+0-9 ()-]{6,20}$/

export function candidateFields(): Record<string, FieldSpec> {
  return {
    firstName: { schema: z.string().min(1).max(100), title: 'Voornaam', required: true },
    lastName: {
      schema: z.string().min(1).max(100),
      title: 'Achternaam',
      description: 'Including any tussenvoegsel, e.g. "van der Berg"',
      required: true,
    },
    email: { schema: z.email(), title: 'E-mailadres', required: true },
    phone: {
      schema: z.string().regex(PHONE_PATTERN),
      title: 'Telefoonnummer',
      nullable: true,
    },
    phase: { schema: z.enum(PHASES), title: 'Fase' },
    sector: {
      schema: z.array(z.enum(SECTORS)),
      title: 'Sector',
      description: 'Sectors of interest',
    },
    privacyConsent: {
      schema: z.boolean(),
      title: 'Toestemming privacyverklaring',
      required: true,
    },
  }
}

export type RegionSchemaSpec = {
  interactionTypes: readonly [string, ...string[]]
  /** Region-specific interaction fields, on top of the [DOC] ones. */
  interactionExtras: Record<string, FieldSpec>
  customFields: Record<string, FieldSpec>
}

/** The whole candidate payload of a region, in one variant. */
export function candidateSchema(spec: RegionSchemaSpec, variant: SchemaVariant) {
  const interaction = objectSchema(
    { ...interactionFields(spec.interactionTypes), ...spec.interactionExtras },
    variant,
  ).meta({ title: 'Contactmoment' })
  const interactions = z
    .array(interaction)
    .max(10)
    .meta({
      title: 'Contactmomenten',
      description:
        variant === 'create'
          ? 'Interactions created together with the candidate (create only)'
          : 'Item schema of an interaction PATCH; inline interactions are refused on update',
    })
  const customFields = objectSchema(spec.customFields, variant).meta({
    title: 'Regiovelden',
    description: 'Fields specific to this education region',
  })
  return z.strictObject({
    ...objectSchema(candidateFields(), variant).shape,
    interactions: interactions.optional(),
    customFields:
      variant === 'create' ? customFields.optional() : customFields.nullable().optional(),
  })
}
