import type { IssuePath } from '@/schema-form/json-value'

/** What the JSON Schema checker can say about a value (one code per failed keyword). */
export type SchemaIssueCode =
  | 'required'
  | 'type'
  | 'enum'
  | 'const'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'multipleOf'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'contains'
  | 'additionalProperty'
  | 'minProperties'
  | 'maxProperties'
  | 'propertyName'
  | 'dependentRequired'
  | 'oneOf'
  | 'not'
  | 'false'

/** What only the form can know: text in an input that cannot become a payload value. */
export type FormIssueCode =
  | 'incompleteDate'
  | 'invalidDate'
  | 'yearOutOfRange'
  | 'incompleteTime'
  | 'notANumber'
  | 'invalidDuration'
  | 'cannotClear'

/** A server issue we could not explain with our own rules. */
export type IssueCode = SchemaIssueCode | FormIssueCode | 'server'

export type IssueParams = {
  limit?: number
  actual?: number
  format?: string
  formats?: string[]
  expected?: string[]
  property?: string
}

export type SchemaIssue = {
  path: IssuePath
  code: SchemaIssueCode
  params: IssueParams
  /** The sub-schema that failed (for `required`: the missing property's own schema). */
  schema: unknown
}
