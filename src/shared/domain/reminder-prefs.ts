import { addMinutesToWallTime } from './calendar'
// What the user chooses about evening reminders, and how those choices become
// the scheduler's ReminderSettings. Free of luxon and zod so the renderer can
// use the constants cheaply; the contract builds its schemas from them.
//
// How the first-run "usual bedtime" relates to per-weekday bedtimes:
// - While `sameEveryEvening` is on (the default), every evening that is on uses
//   the profile's usual bedtime. The first-run answer therefore drives the
//   reminders straight away, and changing the usual bedtime (in Profile or in
//   the wind-down section, which edit the same value) moves every evening.
// - Turning `sameEveryEvening` off gives each weekday its own bedtime, each
//   starting from the usual bedtime at that moment. From then on the usual
//   bedtime no longer moves them; turning the switch back on returns to it.

import {
  ISO_WEEKDAYS,
  type IsoDate,
  type IsoWeekday,
  type ReminderSettings,
  type WallTime,
  DEFAULT_REMINDER_SETTINGS
} from './schedule-types'

export interface EveningPref {
  /** Reminders on this weekday's evening. */
  on: boolean
  /** Used only when `sameEveryEvening` is off. */
  bedtime: WallTime
}

export interface ReminderPrefs {
  enabled: boolean
  sameEveryEvening: boolean
  /** Seven entries, Monday first (index 0 is ISO weekday 1). */
  evenings: EveningPref[]
  leadMinutes: number
  lightsOut: boolean
  morningLog: { enabled: boolean; time: WallTime }
  /** Play the system's notification sound. */
  sound: boolean
  /** Evenings skipped one at a time ("skip tonight"), by the date the evening begins. */
  skipDates: IsoDate[]
  /** Every evening up to and including this date is quiet. */
  pausedUntil: IsoDate | null
}

/** Wind-down lead times offered in Settings, in minutes. */
export const LEAD_CHOICES = [15, 30, 45, 60, 75, 90, 120] as const
export const MAX_LEAD = 240
/** How long a snooze lasts. */
export const SNOOZE_MINUTES = 10
/** How many skipped evenings are remembered (older ones are pruned). */
export const MAX_SKIP_DATES = 60
/** A pause may reach this many days ahead. */
export const MAX_PAUSE_DAYS = 366

export const WEEKDAY_LONG_NAMES: Record<IsoWeekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday'
}

export function defaultReminderPrefs(usualBedtime: WallTime = DEFAULT_REMINDER_SETTINGS.bedtimes[1] ?? '22:30'): ReminderPrefs {
  return {
    enabled: true,
    sameEveryEvening: true,
    evenings: ISO_WEEKDAYS.map(() => ({ on: true, bedtime: usualBedtime })),
    leadMinutes: DEFAULT_REMINDER_SETTINGS.leadMinutes,
    lightsOut: DEFAULT_REMINDER_SETTINGS.lightsOut,
    morningLog: { ...DEFAULT_REMINDER_SETTINGS.morningLog },
    sound: true,
    skipDates: [],
    pausedUntil: null
  }
}

/**
 * The scheduler's view of the prefs. `active` is false until the first-run
 * screen is done: nobody should be reminded before they chose a bedtime.
 */
export function toScheduleSettings(prefs: ReminderPrefs, usualBedtime: WallTime, active = true): ReminderSettings {
  const bedtimes = {} as Record<IsoWeekday, WallTime | null>
  for (const weekday of ISO_WEEKDAYS) {
    const evening = prefs.evenings[weekday - 1]
    bedtimes[weekday] = evening?.on ? (prefs.sameEveryEvening ? usualBedtime : evening.bedtime) : null
  }
  return {
    enabled: active && prefs.enabled,
    bedtimes,
    leadMinutes: prefs.leadMinutes,
    lightsOut: prefs.lightsOut,
    morningLog: { ...prefs.morningLog },
    skipDates: [...prefs.skipDates],
    pausedUntil: prefs.pausedUntil,
    graceMinutes: DEFAULT_REMINDER_SETTINGS.graceMinutes
  }
}

/** Bedtime of one weekday as the prefs say, or null when that evening is off. */
export function bedtimeOfWeekday(prefs: ReminderPrefs, usualBedtime: WallTime, weekday: IsoWeekday): WallTime | null {
  const evening = prefs.evenings[weekday - 1]
  if (!evening?.on) return null
  return prefs.sameEveryEvening ? usualBedtime : evening.bedtime
}

/** 'HH:MM' minus some minutes on the wall clock, wrapping past midnight. */
export function wallTimeMinus(time: WallTime, minutes: number): WallTime {
  return addMinutesToWallTime(time, -minutes)
}
