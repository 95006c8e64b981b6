import type { Database } from 'better-sqlite3'
import type { AppInfo, StartupNotice } from '../../shared/contract'
import { createJournalStore } from '../db/journal-store'
import { createKeyValueStore, type KeyValueStore } from '../db/key-value-store'
import { createAppInfoService, type AppInfoService } from './app-info'
import { createDataService, type DataService, type DataShell } from './data'
import { createExperimentStore } from '../db/experiment-store'
import { createExperimentService, type ExperimentService } from './experiments'
import { createReportService, type PdfSaver, type ReportService } from './report'
import { createArticleService, type ArticleService } from './articles'
import { createFoodsService, type FoodsService } from './foods'
import { createInsightsService, type FoodMagnesiumProvider, type InsightsService } from './insights'
import { createJournalService, type JournalService } from './journal'
import { createLinkService, type LinkService } from './links'
import { createPlannerService, type PlannerService } from './planner'
import { createReminderStore } from '../db/wind-down/reminder-store'
import { createRoutineStore } from '../db/wind-down/routine-store'
import type { Clock, ExternalLinks, Notifier, Timers } from './ports'
import { systemClock, systemTimers } from './ports'
import { createReminderPrefsAccess } from './wind-down/reminder-prefs'
import { createReminderService, zoneReader, type ReminderService } from './wind-down/scheduler'
import { createRoutineService, type RoutineService } from './wind-down/routine'
import { createSettingsService, type SettingsService } from './settings'

export interface Services {
  appInfo: AppInfoService
  settings: SettingsService
  keyValue: KeyValueStore
  journal: JournalService
  insights: InsightsService
  articles: ArticleService
  links: LinkService
  foods: FoodsService
  planner: PlannerService
  /** Evening reminders: call reminders.start() once the shell (or harness) is ready to show them. */
  reminders: ReminderService
  routine: RoutineService
  /** Export, import, backups: call data.startDailyBackups() once the app is up, stopDailyBackups() on the way out. */
  data: DataService
  experiments: ExperimentService
  report: ReportService
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
  /** Planned food magnesium per day for Insights (the meal planner plugs in here). */
  foodMagnesium?: FoodMagnesiumProvider
  /** Timers for the reminder scheduler; tests pass fake ones. */
  timers?: Timers
  /** Where the services report problems nobody is waiting for (a reminder that could not be shown). */
  log?: (message: string, error?: unknown) => void
  /** Opening the data folder and restarting the app (Electron); the harness has neither. */
  dataShell?: DataShell
  /** Saves the report window as a PDF (the Electron shell); the harness leaves it out. */
  pdf?: PdfSaver
}

/** Builds every service from what it needs. Both the Electron shell and the web harness call this. */
export function createServices(deps: ServiceDeps): Services {
  // Bound once, so every service may pass clock.now around as a plain function.
  const source = deps.clock ?? systemClock
  const clock: Clock = { now: () => source.now(), zone: () => source.zone() }
  const keyValue = createKeyValueStore(deps.db, clock.now)
  const settings = createSettingsService(keyValue)
  const journalStore = createJournalStore(deps.db)
  const journal = createJournalService({ repo: journalStore, clock, profile: () => settings.get().profile })
  // The USDA foods load into the database on first use (see foods.ensureLoaded), not here: most starts never need to.
  const foods = createFoodsService({ db: deps.db, resourcesDir: deps.resourcesDir, now: clock.now })
  const planner = createPlannerService({ db: deps.db, foods, profile: () => settings.get().profile, now: clock.now })
  // Insights shows the food magnesium of each day: eaten where items are marked eaten, planned otherwise.
  const plannedFoodMagnesium: FoodMagnesiumProvider = (from, to) =>
    new Map(
      planner
        .magnesiumByDay(from, to)
        .filter((day) => day.foodMg > 0)
        .map((day) => [day.day, day.foodMg])
    )
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
  const data = createDataService({
    db: deps.db,
    dataDir: deps.app.dataDir,
    schemaVersion: deps.app.schemaVersion,
    appVersion: deps.app.version,
    clock,
    timers: deps.timers ?? systemTimers,
    ...(deps.dataShell ? { shell: deps.dataShell } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    // Plans refer to USDA foods, which load on first use: an import into a fresh database needs them.
    prepareImport: () => void foods.ensureLoaded(),
    // Tonight's reminders may have changed with the settings that came in.
    afterReplace: () => reminders.check('settings')
  })
  const experiments = createExperimentService({
    store: createExperimentStore(deps.db),
    journal: journalStore,
    today: journal.today,
    now: clock.now
  })
  const insights = createInsightsService({
    repo: journalStore,
    today: journal.today,
    profile: () => settings.get().profile,
    foodMagnesium: deps.foodMagnesium ?? plannedFoodMagnesium
  })
  return {
    keyValue,
    data,
    appInfo: createAppInfoService(deps.app, deps.notices),
    settings,
    journal,
    insights,
    articles: createArticleService({
      db: deps.db,
      clock,
      keyValue,
      resourcesDir: deps.resourcesDir,
      log: (message) => console.warn(message)
    }),
    links: createLinkService(deps.externalLinks),
    foods,
    planner,
    reminders,
    routine,
    experiments,
    report: createReportService({ journal: journalStore, insights, planner, experiments, settings, today: journal.today, pdf: deps.pdf })
  }
}
