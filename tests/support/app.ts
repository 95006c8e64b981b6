import { join } from 'node:path'
import { openDatabase, type OpenedDatabase } from '../../src/main/db/connection'
import { handle } from '../../src/main/ipc/handle'
import { createHandlers, type HandlerTable } from '../../src/main/ipc/handlers'
import { createServices, type Services } from '../../src/main/services'
import type { Clock, Notifier, Timers } from '../../src/main/services/ports'
import type { Api, Channel, Input, Output, Result } from '../../src/shared/contract'
import { makeTempDir } from './temp-dir'
import { testFoodCatalogue } from './food-catalogue'

export interface TestApp {
  dataDir: string
  opened: OpenedDatabase
  services: Services
  handlers: HandlerTable
  /** The same path a renderer call takes in the app: handle() over the real handler table. */
  invoke<C extends Channel>(channel: C, input?: Input<C>): Promise<Result<Output<C>>>
  /** An api object shaped like window.stillwell, backed by this app, for component tests. */
  transport: Api
  close(): void
}

/** What a test may swap for a fake: the clock, where notifications go, the scheduler's timers. */
export interface TestAppOptions {
  clock?: Clock
  notifier?: Notifier
  timers?: Timers
  /** Where the services report what went wrong (console.error when absent). */
  log?: (message: string, error?: unknown) => void
}

/** Builds the real services over a real SQLite file in a temporary folder. */
export function startTestApp(dataDir?: string, options: TestAppOptions = {}): TestApp {
  const temp = dataDir ? null : makeTempDir()
  const dir = dataDir ?? temp!.dir
  const opened = openDatabase({ dataDir: dir })
  const services = createServices({
    db: opened.db,
    resourcesDir: join(__dirname, '..', '..', 'resources'),
    foodCatalogueFile: testFoodCatalogue(),
    app: {
      name: 'Stillwell',
      version: '0.0.0-test',
      shell: 'web',
      dataDir: dir,
      databasePath: opened.path,
      schemaVersion: opened.schemaVersion
    },
    notices: opened.notices,
    ...options
  })
  const handlers = createHandlers(services)
  const invoke = (channel: unknown, input?: unknown) => handle(handlers, channel, input)
  return {
    dataDir: dir,
    opened,
    services,
    handlers,
    invoke: invoke as TestApp['invoke'],
    transport: {
      invoke: ((channel: Channel, ...input: unknown[]) => invoke(channel, input[0])) as Api['invoke'],
      on: () => () => undefined
    },
    close() {
      services.reminders.stop()
      services.data.stopDailyBackups()
      services.sleepImport.dispose()
      if (opened.db.open) opened.db.close()
      temp?.cleanup()
    }
  }
}
