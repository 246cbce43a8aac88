// Rows render fields and fields render rows: both live in schema-fields.tsx (no import cycle).
export { SchemaArrayRows } from '@/schema-form/schema-fields'
