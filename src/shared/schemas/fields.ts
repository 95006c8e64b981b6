// Field schemas that several entities share, each with the one message the
// app gives for it: a calendar date and a 24-hour clock time as typed.
import { z } from 'zod'
import { CLOCK_MESSAGE } from '../domain/journal'
import { DATE_MESSAGE } from '../domain/sleep'

/** 'YYYY-MM-DD' as written (whether the day exists is each entity's own rule). */
export const isoDate = z.string({ error: DATE_MESSAGE }).regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)

/** 'HH:MM', 00:00 to 23:59. */
export const clock = z.string({ error: CLOCK_MESSAGE }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, CLOCK_MESSAGE)

/** Text that must say something once trimmed: `missing` when it does not, `tooLong` past `max` characters. */
export function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong)
}
