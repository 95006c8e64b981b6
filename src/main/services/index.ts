import type { Database } from 'better-sqlite3'
import type { AppInfo, StartupNotice } from '../../shared/contract'
import { createKeyValueStore, type KeyValueStore } from '../db/key-value'
import { createAppInfoService, type AppInfoService } from './app-info'
import { createArticleService, type ArticleService } from './articles'
import { createLinkService, type LinkService } from './links'
import type { Clock, ExternalLinks, Notifier } from './ports'
import { systemClock } from './ports'
import { createSettingsService, type SettingsService } from './settings'

export interface Services {
  appInfo: AppInfoService
  settings: SettingsService
  keyValue: KeyValueStore
  articles: ArticleService
  links: LinkService
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
  return {
    keyValue,
    appInfo: createAppInfoService(deps.app, deps.notices),
    settings: createSettingsService(keyValue),
    articles: createArticleService({
      db: deps.db,
      clock,
      keyValue,
      resourcesDir: deps.resourcesDir,
      log: (message) => console.warn(message)
    }),
    links: createLinkService(deps.externalLinks)
  }
}
