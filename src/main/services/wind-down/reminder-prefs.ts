import type { z } from 'zod'
import { ReminderPrefsSchema } from '../../../shared/contract'
import { defaultReminderPrefs, toScheduleSettings, type ReminderPrefs } from '../../../shared/domain/reminder-prefs'
import type { ReminderSettings } from '../../../shared/domain/schedule-types'
import type { KeyValueStore } from '../../db/key-value-store'
import type { SettingsService } from '../settings'

export const PREFS_KEY = 'reminders'

/** The stored reminder prefs, shared by the reminder and routine services. */
export interface ReminderPrefsAccess {
  get(): ReminderPrefs
  save(prefs: ReminderPrefs): void
  usualBedtime(): string
  /** What the scheduler works from: prefs, the usual bedtime, and whether first run is done. */
  schedule(): ReminderSettings
}

export function createReminderPrefsAccess(store: KeyValueStore, settings: SettingsService): ReminderPrefsAccess {
  const usualBedtime = (): string => settings.get().profile.bedtime

  /** Like settings: each stored field is checked on its own, so one damaged value falls back alone. */
  function get(): ReminderPrefs {
    const defaults = defaultReminderPrefs(usualBedtime())
    const stored = store.get(PREFS_KEY)
    if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return defaults
    const prefs: Record<string, unknown> = { ...defaults }
    for (const [key, field] of Object.entries(ReminderPrefsSchema.shape)) {
      const value = (stored as Record<string, unknown>)[key]
      if (value !== undefined && (field as z.ZodType).safeParse(value).success) prefs[key] = value
    }
    return prefs as unknown as ReminderPrefs
  }

  return {
    get,
    save: (prefs) => store.set({ [PREFS_KEY]: prefs }),
    usualBedtime,
    schedule() {
      const current = settings.get()
      return toScheduleSettings(get(), current.profile.bedtime, current.onboarded)
    }
  }
}
