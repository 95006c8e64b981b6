import type { Database } from 'better-sqlite3'
import type { AppInfo, StartupNotice } from '../../shared/contract'
import { createKeyValueStore, type KeyValueStore } from '../db/key-value'
import { createAppInfoService, type AppInfoService } from './app-info'
import { createFoodsService, type FoodsService } from './foods'
import { createPlannerService, type PlannerService } from './planner'
import type { Clock, ExternalLinks, Notifier } from './ports'
import { systemClock } from './ports'
import { createSettingsService, type SettingsService } from './settings'

export interface Services {
  appInfo: AppInfoService
  settings: SettingsService
  keyValue: KeyValueStore
  foods: FoodsService
  planner: PlannerService
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
}

/** Builds every service from what it needs. Both the Electron shell and the web harness call this. */
export function createServices(deps: ServiceDeps): Services {
  const clock = deps.clock ?? systemClock
  const keyValue = createKeyValueStore(deps.db, clock.now)
  const settings = createSettingsService(keyValue)
  // The USDA foods load into the database on first use (see foods.ensureLoaded), not here: most starts never need to.
  const foods = createFoodsService({ db: deps.db, resourcesDir: deps.resourcesDir, now: clock.now })
  return {
    keyValue,
    appInfo: createAppInfoService(deps.app, deps.notices),
    settings,
    foods,
    planner: createPlannerService({ db: deps.db, foods, profile: () => settings.get().profile, now: clock.now })
  }
}
