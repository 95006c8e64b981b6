import type { Database } from 'better-sqlite3'
import type { AppInfo, StartupNotice } from '../../shared/contract'
import { createKeyValueStore, type KeyValueStore } from '../db/key-value'
import { createAppInfoService, type AppInfoService } from './app-info'
import { createReminderStore } from '../db/reminder-store'
import { createRoutineStore } from '../db/routine-store'
import type { Clock, ExternalLinks, Notifier, Timers } from './ports'
import { systemClock, systemTimers } from './ports'
import { createReminderPrefsAccess } from './reminder-prefs'
import { createReminderService, zoneReader, type ReminderService } from './reminders'
import { createRoutineService, type RoutineService } from './routine'
import { createSettingsService, type SettingsService } from './settings'

export interface Services {
  appInfo: AppInfoService
  settings: SettingsService
  keyValue: KeyValueStore
  /** Evening reminders: call reminders.start() once the shell (or harness) is ready to show them. */
  reminders: ReminderService
  routine: RoutineService
}

export interface ServiceDeps {
  db: Database
  app: Omit<AppInfo, 'notices'>
  notices: StartupNotice[]
  /** The folder holding resources/ content: articles, food data. */
  resourcesDir: string
  clock?: Clock
  notifier?: Notifier
  externalLinks?: ExternalLinks
  /** Timers for the reminder scheduler; tests pass fake ones. */
  timers?: Timers
  /** Where the services report problems nobody is waiting for (a reminder that could not be shown). */
  log?: (message: string, error?: unknown) => void
}

/** Builds every service from what it needs. Both the Electron shell and the web harness call this. */
export function createServices(deps: ServiceDeps): Services {
  const clock = deps.clock ?? systemClock
  const keyValue = createKeyValueStore(deps.db, () => clock.now())
  const settings = createSettingsService(keyValue)
  const prefs = createReminderPrefsAccess(keyValue, settings)
  const routine = createRoutineService({ store: createRoutineStore(deps.db), prefs, clock, zone: zoneReader(clock) })
  const reminders = createReminderService({
    store: createReminderStore(deps.db),
    prefs,
    settings,
    clock,
    notifier: deps.notifier,
    timers: deps.timers ?? systemTimers,
    firstOpenStep: (eveningDate) => routine.firstOpenStep(eveningDate),
    ...(deps.log ? { log: deps.log } : {})
  })
  return {
    keyValue,
    appInfo: createAppInfoService(deps.app, deps.notices),
    settings,
    reminders,
    routine
  }
}
