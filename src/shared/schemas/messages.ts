import type { z } from 'zod'

/**
 * Per-field messages from a failed zod check, keyed by the field's path
 * ("serving.grams", "portions.0.label"); the first message of each field wins.
 * The main side answers invalid input with these, and the forms show the same
 * words before they send anything.
 */
export function fieldMessages(error: z.ZodError, limit = Number.POSITIVE_INFINITY): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues.slice(0, limit)) {
    const key = issue.path.map(String).join('.') || '(input)'
    fields[key] ??= issue.message
  }
  return fields
}

/** Checks a value against an entity's schema: the parsed value, or the per-field messages to show. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown
): { ok: true; value: z.output<S> } | { ok: false; fields: Record<string, string> } {
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldMessages(parsed.error) }
}
