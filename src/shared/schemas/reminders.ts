// Reminder preferences: the single source of their rules and messages. The
// contract checks IPC input with these schemas, the types are inferred from
// them, and the wind-down settings check a change with them before saving.
import { z } from 'zod'
import { isIsoDate } from '../domain/calendar'
import { MAX_LEAD } from '../domain/reminder-prefs'

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 22:30.')

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-03-14.')
  .refine(isIsoDate, 'That date does not exist.')

export const EveningPrefSchema = z.object({ on: z.boolean(), bedtime: wallTime }).strict()

export const ReminderPrefsSchema = z
  .object({
    enabled: z.boolean(),
    sameEveryEvening: z.boolean(),
    evenings: z.array(EveningPrefSchema).length(7, 'Give a setting for each of the seven evenings.'),
    leadMinutes: z
      .number()
      .int('Use whole minutes.')
      .min(0, 'The wind-down cannot start after bedtime.')
      .max(MAX_LEAD, `Choose a wind-down of at most ${MAX_LEAD / 60} hours.`),
    lightsOut: z.boolean(),
    morningLog: z.object({ enabled: z.boolean(), time: wallTime }).strict(),
    sound: z.boolean(),
    skipDates: z.array(IsoDateSchema).max(400),
    pausedUntil: IsoDateSchema.nullable()
  })
  .strict()

/** What Settings may change in one call. Skipping an evening has its own channel. */
export const ReminderPrefsPatchSchema = z
  .object({
    enabled: z.boolean().optional(),
    sameEveryEvening: z.boolean().optional(),
    evenings: ReminderPrefsSchema.shape.evenings.optional(),
    leadMinutes: ReminderPrefsSchema.shape.leadMinutes.optional(),
    lightsOut: z.boolean().optional(),
    morningLog: ReminderPrefsSchema.shape.morningLog.optional(),
    sound: z.boolean().optional(),
    pausedUntil: IsoDateSchema.nullable().optional()
  })
  .strict()

export type ReminderPrefsPatch = z.infer<typeof ReminderPrefsPatchSchema>
