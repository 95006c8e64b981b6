import { z } from 'zod'
import type { ReminderPrefs } from '../domain/reminder-prefs'
import { ROUTINE_LABEL_MAX } from '../domain/routine'
import { IsoDateSchema, ReminderPrefsPatchSchema, ReminderPrefsSchema } from '../schemas/reminders'
import { NotificationEventSchema } from './app'
import type { SameShape } from './same-shape'

export * from '../schemas/reminders'

const REMINDER_KIND = ['wind-down', 'lights-out', 'morning-log'] as const

const InstantSchema = z.object({
  /** ISO 8601 instant. */
  at: z.string(),
  /** 'Tonight', 'Tomorrow', 'Tue'… */
  day: z.string(),
  /** 'HH:MM' in the user's time zone. */
  time: z.string(),
  /** The two together: 'Tonight 21:45'. */
  text: z.string()
})

export const ReminderStatusSchema = z.object({
  prefs: ReminderPrefsSchema,
  /** The profile's usual bedtime, which every evening follows while sameEveryEvening is on. */
  usualBedtime: z.string(),
  /** The schedule in one sentence, e.g. "Wind-down reminder at 21:45 every evening". */
  sentence: z.string(),
  /** Why nothing is planned, when nothing is. */
  quiet: z.enum(['not-set-up', 'off', 'paused', 'no-evenings']).nullable(),
  next: InstantSchema.extend({ id: z.string(), kind: z.enum(REMINDER_KIND), eveningDate: z.string() }).nullable(),
  /** The evening "skip tonight" acts on, and whether it is skipped. */
  tonight: z.object({
    eveningDate: z.string(),
    /** 'tonight' or e.g. 'Tuesday evening'. */
    label: z.string(),
    skipped: z.boolean(),
    /** Whether that evening has reminders at all (its weekday on, not paused). */
    scheduled: z.boolean()
  }),
  /** The pause in words ("until Sat 4 Apr 2026"), or null. */
  pausedUntilLabel: z.string().nullable(),
  snoozed: z.array(InstantSchema.extend({ id: z.string(), kind: z.enum(REMINDER_KIND) })),
  /** The latest reminder shown in the last hour, so the app can offer a snooze. */
  recent: InstantSchema.extend({ id: z.string(), kind: z.enum(REMINDER_KIND), title: z.string() }).nullable(),
  zone: z.string()
})

export const RoutineItemSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  done: z.boolean()
})

export const RoutineSchema = z.object({
  /** The evening these ticks belong to (evenings run from noon to noon). */
  eveningDate: z.string(),
  /** 'Tonight' or e.g. 'Monday evening'. */
  eveningLabel: z.string(),
  /** Bedtime of that evening (null when its weekday has no bedtime). */
  bedtimeAt: z.string().nullable(),
  bedtime: z.string().nullable(),
  windDownAt: z.string().nullable(),
  /** 'HH:MM' of the wind-down reminder in the user's time zone. */
  windDown: z.string().nullable(),
  items: z.array(RoutineItemSchema)
})

export const RoutineNightSchema = z.object({
  eveningDate: z.string(),
  /** How many steps were ticked that evening. */
  ticked: z.number().int(),
  labels: z.array(z.string())
})

const itemId = z.number({ error: 'Choose a step.' }).int().positive().max(Number.MAX_SAFE_INTEGER)
const itemLabel = z
  .string()
  .trim()
  .min(1, 'Write a few words for this step.')
  .max(ROUTINE_LABEL_MAX, `Keep a step under ${ROUTINE_LABEL_MAX} characters.`)
/** A notification's id as the reminder service hands it out: kind, evening, and the snooze round. */
const notificationId = z
  .string()
  .max(80)
  .regex(/^(wind-down|lights-out|morning-log):\d{4}-\d{2}-\d{2}(\+\d{1,3})?$/, 'That is not a reminder Stillwell sent.')

export type ReminderStatus = z.infer<typeof ReminderStatusSchema>
export type Routine = z.infer<typeof RoutineSchema>
export type RoutineItem = z.infer<typeof RoutineItemSchema>
export type RoutineNight = z.infer<typeof RoutineNightSchema>

// The hand-written prefs type and the schema must describe the same shape.
const prefsShapesAgree: SameShape<z.infer<typeof ReminderPrefsSchema>, ReminderPrefs> = true
void prefsShapesAgree

export const remindersChannels = {
  'reminders.get': { input: z.undefined(), output: ReminderStatusSchema },
  'reminders.update': { input: ReminderPrefsPatchSchema, output: ReminderStatusSchema },
  'reminders.skip': {
    input: z.object({ eveningDate: IsoDateSchema, skip: z.boolean() }).strict(),
    output: ReminderStatusSchema
  },
  'reminders.snooze': { input: z.object({ id: notificationId }).strict(), output: ReminderStatusSchema },
  /** Reminders the system could not show (no notification server); the app shows them instead. */
  'reminders.pending': { input: z.undefined(), output: z.array(NotificationEventSchema) },
  'reminders.dismissPending': { input: z.object({ id: z.string().max(80) }).strict(), output: z.null() },
  'routine.get': { input: z.undefined(), output: RoutineSchema },
  'routine.tick': {
    input: z.object({ eveningDate: IsoDateSchema, itemId, done: z.boolean() }).strict(),
    output: RoutineSchema
  },
  'routine.addItem': { input: z.object({ label: itemLabel }).strict(), output: RoutineSchema },
  'routine.renameItem': { input: z.object({ id: itemId, label: itemLabel }).strict(), output: RoutineSchema },
  'routine.removeItem': { input: z.object({ id: itemId }).strict(), output: RoutineSchema },
  'routine.moveItem': {
    input: z.object({ id: itemId, toIndex: z.number().int().min(0).max(1000) }).strict(),
    output: RoutineSchema
  },
  'routine.restoreSuggestions': { input: z.undefined(), output: RoutineSchema },
  /** Evenings with at least one ticked step, for Insights to compare nights with and without the routine. */
  'routine.history': {
    input: z
      .object({ from: IsoDateSchema, to: IsoDateSchema })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The start date must come before the end date.', path: ['from'] }),
    output: z.array(RoutineNightSchema)
  }
} as const
