/**
 * The evening reminder scheduler (issue 6). Plain TypeScript: the clock, the
 * time zone, the notifier and the timers are handed in, so tests drive it
 * through a simulated year with a fake clock.
 *
 * How it stays correct when timers cannot be trusted:
 * - One timer waits for the next due reminder (or snooze). Timers drift or
 *   stop while the computer sleeps, and the wall clock can jump, so a timer
 *   firing only means "look at the clock now".
 * - check() is the only place reminders are shown. It asks the pure planDue()
 *   what came due since the last check, records every fired or missed
 *   reminder in SQLite in one transaction (one row per kind and evening), and
 *   only then shows what was newly recorded. A restart, a second check or a
 *   clock that went back can never show the same evening's reminder twice.
 * - check() runs on start, on resume and unlock (the shell calls it), when
 *   the timer fires, every minute from a periodic timer, and after every
 *   settings change (first with the old settings, so a change never fires a
 *   reminder retroactively).
 * - Reminders missed by more than the grace window (30 min) are recorded as
 *   missed and not shown: nobody wants last night's wind-down at 7 am.
 */
import { AppError, type NotificationEvent, type ReminderPrefsPatch, type ReminderStatus } from '../../../shared/contract'
import { SNOOZE_MINUTES } from '../../../shared/domain/reminder-prefs'
import {
  addDaysToDate,
  bedtimeInstant,
  isEveningScheduled,
  localDateAt,
  LOOKBACK_DAYS,
  NEXT_SEARCH_DAYS,
  occurrenceKey,
  occurrencesBetween,
  planDue,
  upcomingEveningDate,
  wallTimeAt,
  type IsoDate,
  type Occurrence,
  type ReminderKind,
  type ReminderSettings
} from '../../../shared/domain/schedule'
import type { NewEntry, ReminderStore } from '../../db/wind-down/reminder-store'
import type { Clock, Notifier, Timers } from '../ports'
import type { SettingsService } from '../settings'
import { createPreferenceEdits } from './preferences'
import type { ReminderPrefsAccess } from './reminder-prefs'
import { createStatusReader, type PendingSnooze } from './status'
import { reminderNotification } from './wording'
import { zoneReader } from './zone'

export { zoneReader } from './zone'

export type CheckReason = 'start' | 'resume' | 'unlock' | 'timer' | 'periodic' | 'settings' | 'manual'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
/** setTimeout's ceiling (about 24.8 days); longer waits are re-armed by the periodic check anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1
const MIN_TIMER_MS = 1_000
/** How often the wall clock is looked at, whatever the timer says. */
export const DEFAULT_CHECK_EVERY_MS = 60_000
const GRACE_MS = 30 * MINUTE_MS

export interface ReminderService {
  /** Looks at the clock now, then keeps a timer for the next reminder and a periodic check. */
  start(): void
  stop(): void
  /** Shows what came due since the last check and re-plans the timer. Safe to call any time. */
  check(reason: CheckReason): void
  status(): ReminderStatus
  update(patch: ReminderPrefsPatch): ReminderStatus
  setSkip(eveningDate: IsoDate, skip: boolean): ReminderStatus
  /** Skips (or un-skips) the evening "tonight" means right now: the tray's action. */
  skipTonight(skip?: boolean): ReminderStatus
  /** Shows a fired reminder again in ten minutes. `id` is the notification's id. */
  snooze(id: string): ReminderStatus
  /** Reminders the system could not show, newest first, until dismissed. */
  pending(): NotificationEvent[]
  dismissPending(id: string): null
  /** Keeps a notification the system failed to show after accepting it, for the window to show. */
  keepForApp(event: NotificationEvent): void
  /** Called when what the tray and Today show may have changed (next reminder, skip). */
  onStatusChange(listener: (status: ReminderStatus) => void): () => void
}

export interface ReminderServiceDeps {
  store: ReminderStore
  prefs: ReminderPrefsAccess
  settings: SettingsService
  clock: Clock
  notifier?: Notifier
  timers: Timers
  /** The first unticked routine step of an evening, for the wind-down text. */
  firstOpenStep?: (eveningDate: IsoDate) => string | null
  log?: (message: string, error?: unknown) => void
  checkEveryMs?: number
}

export function createReminderService(deps: ReminderServiceDeps): ReminderService {
  const { store, prefs, settings, clock, timers } = deps
  const log = deps.log ?? (() => undefined)
  const checkEveryMs = deps.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS
  const listeners = new Set<(status: ReminderStatus) => void>()

  let started = false
  let dueTimer: unknown = null
  let periodicTimer: unknown = null
  let unsubscribe: (() => void) | null = null
  /** The schedule as of the last check: a settings change is first checked against it. */
  let schedule: ReminderSettings = prefs.schedule()
  let lastCheckedMs: number | null = null
  let persistedMs: number | null = null
  let lastSignature = ''
  /**
   * What the last plan found: under this schedule and zone, no unhandled
   * reminder is due in (fromMs, untilMs); untilMs is the next one (nextDueMs)
   * or the end of the search horizon. A check whose window lies inside it has
   * nothing to do, which keeps the once-a-minute check nearly free.
   */
  let quiet: { schedule: ReminderSettings; zone: string; fromMs: number; untilMs: number; nextDueMs: number | null } | null = null

  const zone = zoneReader(clock, log)
  // Pending snoozes, read once: every change to them goes through this service (see dropSnoozes* and snooze()).
  let snoozeCache: PendingSnooze[] | null = null
  const pendingSnoozes = (): PendingSnooze[] => (snoozeCache ??= store.snoozes())
  const snoozesChanged = (): void => {
    snoozeCache = null
  }
  const nowMs = (): number => clock.now().getTime()

  function handledKeysAround(ms: number, tz: string): Set<string> {
    const today = localDateAt(tz, ms)
    return store.handledKeys(addDaysToDate(today, -(LOOKBACK_DAYS + 2)) ?? today, addDaysToDate(today, NEXT_SEARCH_DAYS + 1) ?? today)
  }

  /** Upcoming reminders not already handled (after a clock jump back, tonight's may be). */
  function upcoming(ms: number, tz: string, settingsNow: ReminderSettings): Occurrence[] {
    const handled = handledKeysAround(ms, tz)
    return occurrencesBetween(settingsNow, tz, ms, ms + NEXT_SEARCH_DAYS * DAY_MS).filter((o) => !handled.has(occurrenceKey(o)))
  }

  // --- Showing -------------------------------------------------------------

  function notificationFor(
    o: Pick<Occurrence, 'kind' | 'eveningDate' | 'dueMs'>,
    round: number,
    ms: number,
    tz: string
  ): NotificationEvent {
    const bedtime = bedtimeInstant(schedule, tz, o.eveningDate)
    return reminderNotification(o, round, ms, {
      bedtime: bedtime === null ? null : wallTimeAt(tz, bedtime),
      firstOpenStep: () => deps.firstOpenStep?.(o.eveningDate) ?? null,
      silent: !prefs.get().sound
    })
  }

  function show(event: NotificationEvent, ms: number): void {
    let delivered: boolean | void = false
    try {
      delivered = deps.notifier ? deps.notifier.show(event) : false
    } catch (error) {
      log('A reminder could not be shown; it will wait in the app.', error)
      delivered = false
    }
    if (delivered !== false) return
    // Kept for the window to show next time: the reminder is recorded as fired either way.
    try {
      store.keepInInbox(event, ms)
    } catch (error) {
      log('A reminder could not be kept for the app window', error)
    }
  }

  // --- Checking ------------------------------------------------------------

  function check(reason: CheckReason): void {
    // Not started means nobody listens for settings changes: plan with what is stored now.
    if (!started) schedule = prefs.schedule()
    const ms = nowMs()
    if (!Number.isFinite(ms)) return
    const tz = zone()
    const previous = lastCheckedMs ?? store.lastCheckedMs() ?? ms
    const nothingDue = quiet !== null && quiet.schedule === schedule && quiet.zone === tz && quiet.fromMs <= previous && ms < quiet.untilMs
    const plan = nothingDue
      ? { fire: [], missed: [] }
      : planDue(schedule, tz, { lastCheckedMs: previous, nowMs: ms, firedKeys: handledKeysAround(ms, tz) })
    const entries: NewEntry[] = [
      ...plan.fire.map((o) => ({ ...o, outcome: 'fired' as const })),
      ...plan.missed.map((o) => ({ ...o, outcome: 'missed' as const }))
    ]
    const jumpedBack = ms < previous
    let added: NewEntry[] = []
    // The routine minute-by-minute check writes nothing: a stale stored lastChecked only makes a
    // restart re-scan reminders that are already in the log, so disk writes wait for real news.
    if (entries.length > 0 || jumpedBack || persistedMs === null || (reason !== 'periodic' && reason !== 'timer')) {
      // If this write fails (a full disk), lastChecked stays put and the next check tries these again.
      added = store.record(entries, ms, ms)
      persistedMs = ms
    }
    lastCheckedMs = ms
    for (const entry of added) {
      if (entry.outcome === 'fired') show(notificationFor(entry, 0, ms, tz), ms)
    }
    if (added.some((e) => e.outcome === 'missed')) {
      log(
        `Reminders missed while Stillwell was not running or the computer slept: ${added.filter((e) => e.outcome === 'missed').length} (${reason}).`
      )
    }
    fireDueSnoozes(ms, tz)
    arm(ms, tz, nothingDue && added.length === 0)
    announce()
  }

  function fireDueSnoozes(ms: number, tz: string): void {
    for (const snooze of pendingSnoozes()) {
      if (snooze.dueMs > ms) continue
      store.dropSnooze(snooze.kind, snooze.eveningDate)
      snoozesChanged()
      // Skipped, paused or switched off since: the snooze goes quietly. So does one the computer slept through.
      if (!isEveningScheduled(schedule, snooze.eveningDate) || ms - snooze.dueMs > GRACE_MS) continue
      const round = store.entry(snooze.kind, snooze.eveningDate)?.snoozes ?? 1
      show(notificationFor(snooze, Math.max(1, round), ms, tz), ms)
    }
  }

  /** (Re)sets the one timer for the next reminder or snooze. `reusePlan`: nothing changed since the last plan. */
  function arm(ms: number, tz: string, reusePlan = false): void {
    if (dueTimer !== null) timers.clearTimeout(dueTimer)
    dueTimer = null
    if (!reusePlan || quiet === null) {
      const next = upcoming(ms, tz, schedule)[0]
      quiet = { schedule, zone: tz, fromMs: ms, untilMs: next?.dueMs ?? ms + NEXT_SEARCH_DAYS * DAY_MS, nextDueMs: next?.dueMs ?? null }
    }
    if (!started) return
    // Re-armed on every check with a fresh delay: a timer set before a sleep or a clock change is stale.
    const candidates = [quiet.nextDueMs ?? undefined, ...pendingSnoozes().map((s) => s.dueMs)].filter(
      (due): due is number => due !== undefined
    )
    if (candidates.length === 0) return
    // At least a second: whatever goes wrong, the timer can never spin.
    const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, Math.min(...candidates) - ms))
    dueTimer = timers.setTimeout(() => {
      dueTimer = null
      safeCheck('timer')
    }, delay)
  }

  function safeCheck(reason: CheckReason): void {
    try {
      check(reason)
    } catch (error) {
      // A failing check (a locked disk, say) must not stop the next one from running.
      log(`Reminder check (${reason}) failed`, error)
    }
  }

  function schedulePeriodic(): void {
    periodicTimer = timers.setTimeout(() => {
      periodicTimer = null
      safeCheck('periodic')
      if (started) schedulePeriodic()
    }, checkEveryMs)
  }

  /** Settings changed: finish the period under the old schedule, then plan with the new one. */
  function settingsChanged(): void {
    // Only a running scheduler has a period to finish; a stopped one plans from scratch when started.
    if (started) safeCheck('settings')
    schedule = prefs.schedule()
    arm(nowMs(), zone())
    announce()
  }

  // --- Status and edits ----------------------------------------------------

  const status = createStatusReader({ store, prefs, settings, zone, nowMs, upcoming, pendingSnoozes })
  const { update, setSkip } = createPreferenceEdits({
    store,
    prefs,
    zone,
    nowMs,
    snoozesChanged,
    saved: () => {
      settingsChanged()
      return status()
    }
  })

  function announce(): void {
    if (listeners.size === 0) return
    const current = status()
    const signature = JSON.stringify([current.next?.text, current.tonight, current.quiet, current.snoozed.map((s) => s.text)])
    if (signature === lastSignature) return
    lastSignature = signature
    for (const listener of listeners) {
      try {
        listener(current)
      } catch (error) {
        log('A reminder status listener failed', error)
      }
    }
  }

  return {
    start() {
      if (started) return
      started = true
      schedule = prefs.schedule()
      unsubscribe = settings.onChange(() => settingsChanged())
      safeCheck('start')
      schedulePeriodic()
    },
    stop() {
      if (!started) return
      started = false
      unsubscribe?.()
      unsubscribe = null
      if (dueTimer !== null) timers.clearTimeout(dueTimer)
      if (periodicTimer !== null) timers.clearTimeout(periodicTimer)
      dueTimer = null
      periodicTimer = null
      try {
        if (lastCheckedMs !== null && lastCheckedMs !== persistedMs) store.setLastCheckedMs(lastCheckedMs)
      } catch (error) {
        log('Could not save when reminders were last checked', error)
      }
    },
    check: safeCheck,
    status,
    update,
    setSkip,
    skipTonight(skip = true) {
      const live = prefs.schedule()
      return setSkip(upcomingEveningDate(live, zone(), nowMs()), skip)
    },
    snooze(id) {
      const match = /^(wind-down|lights-out|morning-log):(\d{4}-\d{2}-\d{2})(?:\+\d+)?$/.exec(id)
      const entry = match ? store.entry(match[1] as ReminderKind, match[2]!) : undefined
      if (!entry || entry.outcome !== 'fired')
        throw new AppError('not-found', 'That reminder is no longer waiting, so there is nothing to snooze.')
      const ms = nowMs()
      if (ms - entry.handledMs > 12 * 60 * MINUTE_MS) throw new AppError('conflict', 'That reminder is from an earlier evening.')
      if (!isEveningScheduled(prefs.schedule(), entry.eveningDate)) {
        throw new AppError('conflict', 'Reminders are off for that evening, so there is nothing to snooze.')
      }
      store.snooze(entry.kind, entry.eveningDate, ms + SNOOZE_MINUTES * MINUTE_MS)
      snoozesChanged()
      store.dropFromInbox(id)
      arm(ms, zone())
      announce()
      return status()
    },
    pending: () => store.inbox(),
    dismissPending(id) {
      store.dropFromInbox(id)
      return null
    },
    keepForApp(event) {
      store.keepInInbox(event, nowMs())
    },
    onStatusChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
