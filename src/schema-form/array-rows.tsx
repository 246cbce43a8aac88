// Rows render fields and fields render rows: both live in schema-fields.tsx (no import cycle).
export { SchemaArrayRows, type SchemaArrayRowsProps } from '@/schema-form/schema-fields'
