import type { Database } from 'better-sqlite3'
import type { AppInfo, StartupNotice } from '../../shared/contract'
import { createKeyValueStore, type KeyValueStore } from '../db/key-value'
import { createAppInfoService, type AppInfoService } from './app-info'
import { createSettingsService, type SettingsService } from './settings'

export interface Services {
  appInfo: AppInfoService
  settings: SettingsService
  keyValue: KeyValueStore
}

export interface ServiceDeps {
  db: Database
  app: Omit<AppInfo, 'notices'>
  notices: StartupNotice[]
  now?: () => Date
}

/** Builds every service from what it needs. Both the Electron shell and the web harness call this. */
export function createServices(deps: ServiceDeps): Services {
  const keyValue = createKeyValueStore(deps.db, deps.now)
  return {
    keyValue,
    appInfo: createAppInfoService(deps.app, deps.notices),
    settings: createSettingsService(keyValue)
  }
}
