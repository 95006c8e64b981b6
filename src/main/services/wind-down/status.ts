// What the Wind-down page, Today's tile and the tray show about reminders right now.
import type { ReminderStatus } from '../../../shared/contract'
import {
  addDaysToDate,
  describeIsoDate,
  describeSchedule,
  eveningDateAt,
  isEveningScheduled,
  localDateAt,
  occurrenceKey,
  upcomingEveningDate,
  type IsoDate,
  type Occurrence,
  type ReminderKind,
  type ReminderSettings
} from '../../../shared/domain/schedule'
import type { ReminderStore } from '../../db/wind-down/reminder-store'
import type { SettingsService } from '../settings'
import type { ReminderPrefsAccess } from './reminder-prefs'
import { eveningName, instant, REMINDER_TITLES } from './wording'

/** How long after it fired a reminder can still be snoozed from the app. */
const RECENT_MS = 60 * 60_000

export interface PendingSnooze {
  kind: ReminderKind
  eveningDate: IsoDate
  dueMs: number
}

export interface StatusSources {
  store: ReminderStore
  prefs: ReminderPrefsAccess
  settings: SettingsService
  zone: () => string
  nowMs: () => number
  /** Upcoming reminders not already handled, soonest first. */
  upcoming: (ms: number, zone: string, schedule: ReminderSettings) => Occurrence[]
  pendingSnoozes: () => PendingSnooze[]
}

export function createStatusReader(sources: StatusSources): () => ReminderStatus {
  const { store, prefs, settings } = sources
  return function status(): ReminderStatus {
    const ms = sources.nowMs()
    const tz = sources.zone()
    const current = prefs.get()
    const live = prefs.schedule()
    const onboarded = settings.get().onboarded
    const today = localDateAt(tz, ms)
    const evening = eveningDateAt(tz, ms)
    const next = sources.upcoming(ms, tz, live)[0] ?? null

    const tonightDate = upcomingEveningDate(live, tz, ms)
    const unskipped = { ...live, skipDates: live.skipDates.filter((d) => d !== tonightDate) }
    const paused = current.pausedUntil !== null && current.pausedUntil >= evening
    let quiet: ReminderStatus['quiet'] = null
    if (next === null) {
      if (!onboarded) quiet = 'not-set-up'
      else if (!current.enabled) quiet = 'off'
      else if (!current.evenings.some((e) => e.on)) quiet = 'no-evenings'
      else if (paused) quiet = 'paused'
    }

    const recentEntry = store.latestFired(ms - RECENT_MS)
    const recent =
      recentEntry && recentEntry.handledMs <= ms && isEveningScheduled(live, recentEntry.eveningDate)
        ? {
            id: occurrenceKey(recentEntry),
            kind: recentEntry.kind,
            title: REMINDER_TITLES[recentEntry.kind],
            ...instant(tz, recentEntry.handledMs, ms)
          }
        : null

    return {
      prefs: current,
      usualBedtime: prefs.usualBedtime(),
      sentence: onboarded ? describeSchedule(live, { today: evening }) : 'Reminders start once the first-run questions are answered',
      quiet,
      next: next ? { id: occurrenceKey(next), kind: next.kind, eveningDate: next.eveningDate, ...instant(tz, next.dueMs, ms) } : null,
      tonight: {
        eveningDate: tonightDate,
        label: eveningName(tonightDate, today),
        skipped: current.skipDates.includes(tonightDate),
        scheduled: isEveningScheduled(unskipped, tonightDate)
      },
      pausedUntilLabel:
        paused && current.pausedUntil ? `until ${describeIsoDate(addDaysToDate(current.pausedUntil, 1) ?? current.pausedUntil)}` : null,
      snoozed: sources
        .pendingSnoozes()
        .filter((s) => isEveningScheduled(live, s.eveningDate))
        .map((s) => ({ id: occurrenceKey(s), kind: s.kind, ...instant(tz, s.dueMs, ms) })),
      recent,
      zone: tz
    }
  }
}
