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
import { IANAZone } from 'luxon'
import { AppError, ReminderPrefsSchema, type NotificationEvent, type ReminderPrefsPatch, type ReminderStatus } from '../../shared/contract'
import { MAX_PAUSE_DAYS, MAX_SKIP_DATES, SNOOZE_MINUTES, WEEKDAY_LONG_NAMES, type ReminderPrefs } from '../../shared/domain/reminder-prefs'
import {
  addDaysToDate,
  bedtimeInstant,
  describeIsoDate,
  describeSchedule,
  eveningDateAt,
  isEveningScheduled,
  isoWeekdayOfDate,
  labelInstant,
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
} from '../../shared/domain/schedule'
import type { NewEntry, ReminderStore } from '../db/reminder-store'
import type { Clock, Notifier, Timers } from './ports'
import type { ReminderPrefsAccess } from './reminder-prefs'
import type { SettingsService } from './settings'

export type CheckReason = 'start' | 'resume' | 'unlock' | 'timer' | 'periodic' | 'settings' | 'manual'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
/** setTimeout's ceiling (about 24.8 days); longer waits are re-armed by the periodic check anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1
const MIN_TIMER_MS = 1_000
/** How often the wall clock is looked at, whatever the timer says. */
export const DEFAULT_CHECK_EVERY_MS = 60_000
/** A reminder counts as "late" in its text after this delay. */
const LATE_AFTER_MS = 2 * MINUTE_MS
/** How long after it fired a reminder can still be snoozed from the app. */
const RECENT_MS = 60 * MINUTE_MS
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

interface PendingSnooze {
  kind: ReminderKind
  eveningDate: IsoDate
  dueMs: number
}

/**
 * The IANA zone to plan in, read from the clock each time (the system zone can
 * change while the app runs). An unknown one (a broken system setting) falls
 * back to UTC rather than stopping reminders.
 */
export function zoneReader(clock: Clock, log: (message: string) => void = () => undefined): () => string {
  let warned: string | null = null
  // Checking a zone builds an Intl formatter (tens of microseconds): remember the answers.
  const valid = new Map<string, boolean>()
  return () => {
    const zone = clock.zone()
    let ok = valid.get(zone)
    if (ok === undefined) {
      ok = IANAZone.isValidZone(zone)
      if (valid.size > 50) valid.clear()
      valid.set(zone, ok)
    }
    if (ok) return zone
    if (warned !== zone) log(`Unknown time zone "${zone}"; planning reminders in UTC.`)
    warned = zone
    return 'UTC'
  }
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
    const key = occurrenceKey(o)
    const late = ms - o.dueMs > LATE_AFTER_MS
    const bedtime = bedtimeInstant(schedule, tz, o.eveningDate)
    const bedtimeText = bedtime === null ? null : wallTimeAt(tz, bedtime)
    let title: string
    let body: string
    let route: string
    if (o.kind === 'wind-down') {
      title = 'Time to wind down'
      const step = deps.firstOpenStep?.(o.eveningDate) ?? null
      const when = bedtimeText ? `Bedtime is at ${bedtimeText}.` : 'Bedtime is coming up.'
      body = step ? `${when} Your routine starts with: ${lowerFirst(step)}.` : `${when} A good moment to slow the evening down.`
      route = '/wind-down'
    } else if (o.kind === 'lights-out') {
      title = 'Time for lights out'
      if (!bedtimeText) body = 'Sleep well.'
      else body = !late && round === 0 ? `It is ${bedtimeText}, your bedtime. Sleep well.` : `Your bedtime was ${bedtimeText}. Sleep well.`
      route = '/wind-down'
    } else {
      title = 'Good morning'
      body = 'When you have a moment, note how last night went. It takes less than a minute.'
      route = '/journal'
    }
    if (round > 0) body = `Here is the reminder you snoozed. ${body}`
    return {
      id: round > 0 ? `${key}+${round}` : key,
      kind: o.kind,
      title,
      body,
      route,
      at: new Date(ms).toISOString(),
      silent: !prefs.get().sound
    }
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

  // --- Status --------------------------------------------------------------

  function status(): ReminderStatus {
    const ms = nowMs()
    const tz = zone()
    const current = prefs.get()
    const live = prefs.schedule()
    const onboarded = settings.get().onboarded
    const today = localDateAt(tz, ms)
    const evening = eveningDateAt(tz, ms)
    const next = upcoming(ms, tz, live)[0] ?? null

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
    const recentKey = recentEntry ? occurrenceKey(recentEntry) : null
    const recent =
      recentEntry && recentEntry.handledMs <= ms && isEveningScheduled(live, recentEntry.eveningDate)
        ? {
            id: recentKey!,
            kind: recentEntry.kind,
            title: notificationFor(recentEntry, 0, recentEntry.handledMs, tz).title,
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
      snoozed: pendingSnoozes()
        .filter((s) => isEveningScheduled(live, s.eveningDate))
        .map((s: PendingSnooze) => ({ id: occurrenceKey(s), kind: s.kind, ...instant(tz, s.dueMs, ms) })),
      recent,
      zone: tz
    }
  }

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

  // --- Changes -------------------------------------------------------------

  function save(next: ReminderPrefs): ReminderStatus {
    const parsed = ReminderPrefsSchema.safeParse(next)
    if (!parsed.success) {
      const fields: Record<string, string> = {}
      for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message
      throw new AppError('invalid-input', 'Some reminder settings are not valid.', fields)
    }
    prefs.save(parsed.data)
    settingsChanged()
    return status()
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
      snoozesChanged()
    }
    return save({ ...current, skipDates })
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

function instant(zone: string, ms: number, nowMs: number): { at: string; day: string; time: string; text: string } {
  const label = labelInstant(zone, ms, nowMs)
  return { at: new Date(ms).toISOString(), ...label }
}

/** 'tonight', 'tomorrow evening' or 'Thursday evening', for "Skip …". */
function eveningName(eveningDate: IsoDate, today: IsoDate): string {
  if (eveningDate === today) return 'tonight'
  if (eveningDate === addDaysToDate(today, 1)) return 'tomorrow evening'
  const weekday = isoWeekdayOfDate(eveningDate)
  return weekday ? `${WEEKDAY_LONG_NAMES[weekday]} evening` : eveningDate
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/[.!\s]+$/, '')
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1)
}
