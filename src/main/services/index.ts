import type { Database } from 'better-sqlite3'
import { release } from 'node:os'
import type { AppInfo, StartupNotice } from '../../shared/contract'
import { setDisplayLocale } from '../../shared/domain/calendar'
import { DateTime } from 'luxon'
import { createJournalStore } from '../db/journal-store'
import { createMedicationStore } from '../db/medication-store'
import { createMedicationService, type MedicationService } from './medications'
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
import { createSupportService, type SupportDeps, type SupportService } from './support'
import { createSleepImportStore } from '../db/sleep-import-store'
import { createSleepImportService, type SleepFilePicker, type SleepImportService } from './sleep-import'

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
  /** The test reminder and the diagnostic text for bug reports. */
  support: SupportService
  /** Sleep from trackers and other apps: call sleepImport.dispose() on the way out (temporary files). */
  sleepImport: SleepImportService
  /** Medication records, daytime episodes, IRLS totals and the augmentation watch. */
  medications: MedicationService
}

export interface ServiceDeps {
  db: Database
  app: Omit<AppInfo, 'notices'>
  notices: StartupNotice[]
  /** The folder holding resources/ content: articles. */
  resourcesDir: string
  /** The read-only USDA food catalogue built with the app (see db/food-catalogue-file.ts). */
  foodCatalogueFile: string
  clock?: Clock
  notifier?: Notifier
  externalLinks?: ExternalLinks
  /** Planned food magnesium per day for Insights (the meal planner plugs in here). */
  foodMagnesium?: FoodMagnesiumProvider
  /** Timers for the reminder scheduler; tests pass fake ones. */
  timers?: Timers
  /**
   * The locale reminder texts and the schedule sentence write times and weekdays in ("21:45" or "9:45 PM"):
   * the system's regional format in the desktop app; the harness and tests pin one. Left out: the process's own.
   */
  locale?: string
  /** Where the services report problems nobody is waiting for (a reminder that could not be shown). */
  log?: (message: string, error?: unknown) => void
  /** Opening the data folder and restarting the app (Electron); the harness has neither. */
  dataShell?: DataShell
  /** Saves the report window as a PDF (the Electron shell); the harness leaves it out. */
  pdf?: PdfSaver
  /** Runtime versions, the log, crash-report folder and clipboard for Settings → About (the Electron shell). */
  support?: Partial<Pick<SupportDeps, 'versions' | 'logTail' | 'crashDumpsDir' | 'copy'>>
  /** The desktop app's open dialog for sleep imports; the harness has none (the page hands the file over). */
  sleepFilePicker?: SleepFilePicker
}

/** Builds every service from what it needs. Both the Electron shell and the web harness call this. */
export function createServices(deps: ServiceDeps): Services {
  if (deps.locale) setDisplayLocale(deps.locale)
  // Bound once, so every service may pass clock.now around as a plain function.
  const source = deps.clock ?? systemClock
  const clock: Clock = { now: () => source.now(), zone: () => source.zone() }
  const keyValue = createKeyValueStore(deps.db, clock.now)
  const settings = createSettingsService(keyValue)
  const journalRepo = createJournalStore(deps.db)
  const zonedNow = () => DateTime.fromJSDate(clock.now(), { zone: clock.zone() })
  const medications = createMedicationService({
    store: createMedicationStore(deps.db),
    journal: journalRepo,
    keyValue,
    today: () => zonedNow().toISODate() ?? '',
    clockTime: () => zonedNow().toFormat('HH:mm'),
    now: clock.now,
    // Created below; only called once everything is built.
    labs: () => experiments.labs()
  })
  const journal = createJournalService({ repo: journalRepo, clock, profile: () => settings.get().profile, medications })
  // The USDA catalogue is a read-only file built with the app: attaching it costs about a millisecond.
  const foods = createFoodsService({
    db: deps.db,
    catalogueFile: deps.foodCatalogueFile,
    now: clock.now,
    log: (message) => (deps.log ?? console.error)(message)
  })
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
    // Plans may name USDA foods, which no foreign key can check across the two files.
    settleImported: () => {
      foods.recountUses()
      const unknown = foods.unknownPlanned()
      return unknown.length === 0
        ? null
        : `has plans pointing at something missing: the food “${unknown[0]}” is neither one of yours nor in Stillwell’s food list`
    },
    // Tonight's reminders may have changed with the settings that came in.
    afterReplace: () => reminders.check('settings')
  })
  const sleepImportStore = createSleepImportStore(deps.db)
  const experiments = createExperimentService({
    store: createExperimentStore(deps.db),
    journal: journalRepo,
    today: journal.today,
    now: clock.now
  })
  const totalChanges = deps.db.prepare<[], number>('SELECT total_changes()').pluck()
  /**
   * Changes on every write to the database: total_changes() counts each row any statement of this
   * connection (the app's only writer) inserted, updated or deleted, whichever store ran it; the
   * journal's version adds SQLite's data_version, which moves when another connection commits.
   */
  const dataVersion = (): string => `${journalRepo.version()}|${totalChanges.get()!}`
  const insights = createInsightsService({
    repo: journalRepo,
    // Every write of this connection (the app's only writer) counts: plans and settings change Insights too.
    dataVersion: () => totalChanges.get()!,
    // Planned food changes only with writes other than the journal's (plans, foods, imports, other connections).
    foodVersion: journalRepo.othersVersion,
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
    medications,
    sleepImport: createSleepImportService({
      store: sleepImportStore,
      keyValue,
      clock,
      journal,
      ...(deps.sleepFilePicker ? { picker: deps.sleepFilePicker } : {})
    }),
    report: createReportService({
      journal: journalRepo,
      insights,
      planner,
      experiments,
      medications,
      deviceSleep: sleepImportStore,
      settings,
      today: journal.today,
      dataVersion,
      pdf: deps.pdf
    }),
    support: createSupportService({
      app: () => deps.app,
      versions: deps.support?.versions ?? { node: process.versions.node, os: `${process.platform} ${release()} (${process.arch})` },
      notifier: deps.notifier,
      now: clock.now,
      logTail: deps.support?.logTail,
      crashDumpsDir: deps.support?.crashDumpsDir,
      copy: deps.support?.copy
    })
  }
}
