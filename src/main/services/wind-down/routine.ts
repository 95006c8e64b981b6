import { AppError, type Routine, type RoutineNight } from '../../../shared/contract'
import { normaliseRoutineLabel, ROUTINE_MAX_ITEMS, SUGGESTED_ROUTINE } from '../../../shared/domain/routine'
import {
  addDaysToDate,
  bedtimeInstant,
  eveningDateAt,
  localDateAt,
  occurrencesBetween,
  wallTimeAt,
  type IsoDate
} from '../../../shared/domain/schedule'
import type { RoutineStore } from '../../db/wind-down/routine-store'
import type { Clock } from '../ports'
import type { ReminderPrefsAccess } from './reminder-prefs'

/** Ticks may be changed for the current evening and this many before it (a forgotten tick the next day). */
export const TICK_DAYS_BACK = 6
const HISTORY_MAX_DAYS = 366 * 12
const HOUR_MS = 3_600_000

export interface RoutineService {
  /** The checklist for the current evening, with its ticks and bedtime. */
  get(): Routine
  tick(eveningDate: IsoDate, itemId: number, done: boolean): Routine
  addItem(label: string): Routine
  renameItem(id: number, label: string): Routine
  removeItem(id: number): Routine
  moveItem(id: number, toIndex: number): Routine
  /** Adds back any suggested step that is missing, at the end. */
  restoreSuggestions(): Routine
  /**
   * Evenings in [from, to] with at least one ticked step, oldest first. An
   * evening that is absent had no routine recorded: Insights compares the two.
   */
  nights(from: IsoDate, to: IsoDate): RoutineNight[]
  /** The first step not yet ticked on an evening, for the wind-down notification. */
  firstOpenStep(eveningDate: IsoDate): string | null
}

export interface RoutineServiceDeps {
  store: RoutineStore
  prefs: ReminderPrefsAccess
  clock: Clock
  zone: () => string
}

export function createRoutineService({ store, prefs, clock, zone }: RoutineServiceDeps): RoutineService {
  /** A fresh data folder starts with the suggested steps; an emptied list stays empty. */
  function ensureSeeded(): void {
    if (!store.everHadItems()) store.append([...SUGGESTED_ROUTINE], clock.now().toISOString())
  }

  function get(): Routine {
    ensureSeeded()
    const nowMs = clock.now().getTime()
    const tz = zone()
    const eveningDate = eveningDateAt(tz, nowMs)
    const ticked = store.ticked(eveningDate)
    // The countdown shows this evening's bedtime even when its reminders are skipped or paused.
    const schedule = { ...prefs.schedule(), enabled: true, skipDates: [], pausedUntil: null }
    const bedtime = bedtimeInstant(schedule, tz, eveningDate)
    const windDown =
      bedtime === null
        ? undefined
        : occurrencesBetween(schedule, tz, bedtime - 5 * HOUR_MS, bedtime).find(
            (o) => o.kind === 'wind-down' && o.eveningDate === eveningDate
          )
    return {
      eveningDate,
      eveningLabel: eveningLabel(tz, nowMs, eveningDate),
      bedtimeAt: bedtime === null ? null : new Date(bedtime).toISOString(),
      bedtime: bedtime === null ? null : wallTimeAt(tz, bedtime),
      windDownAt: windDown ? new Date(windDown.dueMs).toISOString() : null,
      windDown: windDown ? wallTimeAt(tz, windDown.dueMs) : null,
      items: store.items().map((item) => ({ id: item.id, label: item.label, done: ticked.has(item.id) }))
    }
  }

  function requireItem(id: number): void {
    if (!store.item(id)) throw new AppError('not-found', 'That step is no longer in your routine.')
  }

  function checkLabel(label: string, exceptId?: number): string {
    const clean = normaliseRoutineLabel(label)
    if (!clean) throw new AppError('invalid-input', 'Write a few words for this step.', { label: 'Write a few words for this step.' })
    const duplicate = store.items().some((item) => item.id !== exceptId && item.label.toLowerCase() === clean.toLowerCase())
    if (duplicate)
      throw new AppError('invalid-input', 'That step is already in your routine.', { label: 'That step is already in your routine.' })
    return clean
  }

  return {
    get,
    tick(eveningDate, itemId, done) {
      const current = eveningDateAt(zone(), clock.now().getTime())
      const earliest = addDaysToDate(current, -TICK_DAYS_BACK) ?? current
      if (eveningDate > current || eveningDate < earliest) {
        const message = 'Steps can be ticked for this evening or one of the six before it.'
        throw new AppError('invalid-input', message, { eveningDate: message })
      }
      requireItem(itemId)
      store.setTicked(eveningDate, itemId, done, clock.now().toISOString())
      return get()
    },
    addItem(label) {
      ensureSeeded()
      const clean = checkLabel(label)
      if (store.items().length >= ROUTINE_MAX_ITEMS) {
        throw new AppError('conflict', `A routine can have up to ${ROUTINE_MAX_ITEMS} steps. Remove one to add another.`)
      }
      store.append([clean], clock.now().toISOString())
      return get()
    },
    renameItem(id, label) {
      requireItem(id)
      store.rename(id, checkLabel(label, id))
      return get()
    },
    removeItem(id) {
      requireItem(id)
      store.remove(id, clock.now().toISOString())
      return get()
    },
    moveItem(id, toIndex) {
      requireItem(id)
      store.move(id, toIndex)
      return get()
    },
    restoreSuggestions() {
      ensureSeeded()
      const present = new Set(store.items().map((item) => item.label.toLowerCase()))
      const missing = SUGGESTED_ROUTINE.filter((label) => !present.has(label.toLowerCase()))
      const room = Math.max(0, ROUTINE_MAX_ITEMS - present.size)
      if (missing.length > 0 && room > 0) store.append(missing.slice(0, room), clock.now().toISOString())
      return get()
    },
    nights(from, to) {
      const span = addDaysToDate(from, HISTORY_MAX_DAYS)
      if (span !== null && to > span) {
        throw new AppError('invalid-input', 'Ask for at most twelve years at a time.', { to: 'Ask for at most twelve years at a time.' })
      }
      return store.nights(from, to).map((night) => ({ eveningDate: night.eveningDate, ticked: night.labels.length, labels: night.labels }))
    },
    firstOpenStep(eveningDate) {
      ensureSeeded()
      const ticked = store.ticked(eveningDate)
      return store.items().find((item) => !ticked.has(item.id))?.label ?? null
    }
  }
}

/** 'Tonight' until the small hours, then 'Last night' for the rest of the morning. */
function eveningLabel(zone: string, nowMs: number, eveningDate: IsoDate): string {
  if (localDateAt(zone, nowMs) === eveningDate) return 'Tonight'
  return Number(wallTimeAt(zone, nowMs).slice(0, 2)) < 5 ? 'Tonight' : 'Last night'
}
