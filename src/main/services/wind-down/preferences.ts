// Edits to the reminder preferences: a patch from Settings, skipping an evening.
// Each edit is checked against the contract's schema before it is saved.
import { AppError, ReminderPrefsSchema, type ReminderPrefsPatch, type ReminderStatus } from '../../../shared/contract'
import { MAX_PAUSE_DAYS, MAX_SKIP_DATES, type ReminderPrefs } from '../../../shared/domain/reminder-prefs'
import { addDaysToDate, eveningDateAt, localDateAt, type IsoDate } from '../../../shared/domain/schedule'
import { fieldMessages } from '../../../shared/schemas/messages'
import type { ReminderStore } from '../../db/wind-down/reminder-store'
import type { ReminderPrefsAccess } from './reminder-prefs'

export interface PreferenceEditDeps {
  store: ReminderStore
  prefs: ReminderPrefsAccess
  zone: () => string
  nowMs: () => number
  /** Called after saving, so the scheduler finishes the old plan and makes a new one; answers the new status. */
  saved: () => ReminderStatus
  snoozesChanged: () => void
}

export interface PreferenceEdits {
  update(patch: ReminderPrefsPatch): ReminderStatus
  setSkip(eveningDate: IsoDate, skip: boolean): ReminderStatus
}

export function createPreferenceEdits(deps: PreferenceEditDeps): PreferenceEdits {
  const { store, prefs, zone, nowMs } = deps

  function save(next: ReminderPrefs): ReminderStatus {
    const parsed = ReminderPrefsSchema.safeParse(next)
    if (!parsed.success) throw new AppError('invalid-input', 'Some reminder settings are not valid.', fieldMessages(parsed.error))
    prefs.save(parsed.data)
    return deps.saved()
  }

  function update(patch: ReminderPrefsPatch): ReminderStatus {
    const current = prefs.get()
    const next: ReminderPrefs = {
      ...current,
      ...patch,
      evenings: patch.evenings ?? current.evenings,
      morningLog: patch.morningLog ?? current.morningLog
    }
    // Leaving "same bedtime every evening": each weekday starts from the usual bedtime.
    if (patch.sameEveryEvening === false && current.sameEveryEvening && patch.evenings === undefined) {
      next.evenings = current.evenings.map((e) => ({ ...e, bedtime: prefs.usualBedtime() }))
    }
    if (patch.pausedUntil !== undefined && patch.pausedUntil !== null) {
      const tz = zone()
      const evening = eveningDateAt(tz, nowMs())
      const latest = addDaysToDate(localDateAt(tz, nowMs()), MAX_PAUSE_DAYS) ?? evening
      if (patch.pausedUntil > latest) {
        const message = 'Choose a date within the next year.'
        throw new AppError('invalid-input', message, { pausedUntil: message })
      }
      // A pause that has already ended is simply no pause.
      if (patch.pausedUntil < evening) next.pausedUntil = null
    }
    return save(next)
  }

  function setSkip(eveningDate: IsoDate, skip: boolean): ReminderStatus {
    const tz = zone()
    const ms = nowMs()
    const current = prefs.get()
    const evening = eveningDateAt(tz, ms)
    if (eveningDate < evening) {
      const message = 'That evening has already passed.'
      throw new AppError('invalid-input', message, { eveningDate: message })
    }
    const latest = addDaysToDate(localDateAt(tz, ms), MAX_PAUSE_DAYS) ?? evening
    if (eveningDate > latest) {
      const message = 'Choose an evening within the next year.'
      throw new AppError('invalid-input', message, { eveningDate: message })
    }
    const keepFrom = addDaysToDate(evening, -7) ?? evening
    const others = current.skipDates.filter((d) => d !== eveningDate && d >= keepFrom)
    const skipDates = (skip ? [...others, eveningDate] : others).sort().slice(-MAX_SKIP_DATES)
    if (skip) {
      store.dropSnoozesOfEvening(eveningDate)
      deps.snoozesChanged()
    }
    return save({ ...current, skipDates })
  }

  return { update, setSkip }
}
