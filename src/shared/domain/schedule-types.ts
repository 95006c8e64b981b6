// Types and defaults for evening reminders. Kept free of luxon so the
// renderer, the IPC contract and settings storage can import them cheaply.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

export type ReminderKind = 'wind-down' | 'lights-out' | 'morning-log'

/** Order used to break ties when two reminders are due at the same instant. */
export const REMINDER_KINDS: readonly ReminderKind[] = ['wind-down', 'lights-out', 'morning-log']

/** Local wall-clock time, 24-hour 'HH:MM'. */
export type WallTime = string

/** Calendar date 'YYYY-MM-DD'. */
export type IsoDate = string

export interface MorningLogSettings {
  enabled: boolean
  /** Local time on the morning after the evening, 'HH:MM'. */
  time: WallTime
}

export interface ReminderSettings {
  /** Master switch: when false nothing is ever due. */
  enabled: boolean
  /**
   * Bedtime per weekday of the evening (the date the evening begins), or null
   * when that evening has no reminders. A bedtime earlier than 12:00 is after
   * midnight, i.e. on the calendar day after the evening.
   */
  bedtimes: Record<IsoWeekday, WallTime | null>
  /** Wind-down lead before bedtime in minutes, 0–240 (clamped). */
  leadMinutes: number
  /** Second reminder exactly at bedtime. */
  lightsOut: boolean
  /** Reminder the next morning to log the night. */
  morningLog: MorningLogSettings
  /** Evenings to skip, each named by the date the evening begins. */
  skipDates: IsoDate[]
  /** Reminders are paused for every evening up to and including this date. */
  pausedUntil: IsoDate | null
  /** How late (minutes) a reminder may still be shown after sleep or restart. */
  graceMinutes: number
}

export interface Occurrence {
  kind: ReminderKind
  /** Local date the evening begins; for morning-log, the night it asks about. */
  eveningDate: IsoDate
  /** The instant the reminder is due (epoch milliseconds). */
  dueMs: number
}

export interface PlanInput {
  /** The `nowMs` of the previous check (persisted across restarts). */
  lastCheckedMs: number
  nowMs: number
  /** Keys (see occurrenceKey) of every occurrence already fired or recorded missed. */
  firedKeys: ReadonlySet<string>
}

export interface Plan {
  /** Show these now (on time or late within the grace window). */
  fire: Occurrence[]
  /** Too late to show; record them as missed. */
  missed: Occurrence[]
}

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  enabled: true,
  bedtimes: Object.freeze({
    1: '22:30',
    2: '22:30',
    3: '22:30',
    4: '22:30',
    5: '22:30',
    6: '22:30',
    7: '22:30'
  }),
  leadMinutes: 45,
  lightsOut: false,
  morningLog: Object.freeze({ enabled: false, time: '08:00' }),
  skipDates: Object.freeze([]) as unknown as IsoDate[],
  pausedUntil: null,
  graceMinutes: 30
})

/** A fresh, mutable copy of the defaults (safe to edit in a settings form). */
export function defaultReminderSettings(): ReminderSettings {
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    bedtimes: { ...DEFAULT_REMINDER_SETTINGS.bedtimes },
    morningLog: { ...DEFAULT_REMINDER_SETTINGS.morningLog },
    skipDates: [...DEFAULT_REMINDER_SETTINGS.skipDates]
  }
}
