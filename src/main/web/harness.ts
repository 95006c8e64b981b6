/**
 * `npm run web`: the Stillwell renderer in an ordinary browser, backed by the
 * real services and a real SQLite file. Development and tests only; never
 * packaged. Options: --port N (default 5199, 0 picks a free one),
 * --data-dir DIR (default $STILLWELL_DATA_DIR or a fresh temporary folder),
 * --now INSTANT (default $STILLWELL_TEST_NOW, else the real clock): the
 * services' clock starts at that instant and runs on from there, so tests can
 * be run on any chosen day. An instant without an offset ("2026-12-01T08:00")
 * is read in the time zone the harness runs in (TZ). --locale TAG (default
 * $STILLWELL_LOCALE, else the process's own): how reminder texts write times
 * and weekdays, matched to the browser's locale in tests. Only the harness
 * reads these; the desktop app always runs on the system clock and locale.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { NotificationEvent } from '../../shared/contract'
import { openDatabase } from '../db/connection'
import { FOOD_CATALOGUE_BUILD_PATH } from '../db/food-catalogue-file'
import { createHandlers } from '../ipc/handlers'
import { createServices } from '../services'
import { systemClock, type Clock, type Notifier } from '../services/ports'
import { createHarnessServer } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
    now: { type: 'string' },
    locale: { type: 'string' }
  },
  strict: true
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) exit(`--port must be a number from 0 to 65535, not "${values.port}".`)
const clock = startClock(values.now ?? process.env['STILLWELL_TEST_NOW'])
const dataDir = resolve(values['data-dir'] ?? process.env['STILLWELL_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'stillwell-')))

let opened: ReturnType<typeof openDatabase>
try {
  opened = openDatabase({ dataDir, now: clock.now })
} catch (error) {
  exit(error instanceof Error ? error.message : String(error))
}
for (const notice of opened.notices) console.error(`${notice.title}: ${notice.message} ${notice.path ?? ''}`)

// Reminders show up on stdout (for tests and scripts) and inside the page.
const notifier: Notifier = {
  show(notification: NotificationEvent) {
    process.stdout.write(`${JSON.stringify({ notification })}\n`)
    harness.broadcast('notification', notification)
  }
}
// There is no system browser to hand links to: say so on stdout, where tests can see it.
const externalLinks = {
  open(url: string) {
    process.stdout.write(`${JSON.stringify({ openExternal: url })}\n`)
    return Promise.resolve(true)
  }
}

const version = process.env['npm_package_version'] ?? '0.0.0'
const services = createServices({
  resourcesDir: join(__dirname, '../../resources'),
  foodCatalogueFile: join(__dirname, '../..', FOOD_CATALOGUE_BUILD_PATH),
  notifier,
  externalLinks,
  log: (message, error) => console.error(message, error ?? ''),
  db: opened.db,
  clock,
  locale: values.locale ?? process.env['STILLWELL_LOCALE'],
  app: { name: 'Stillwell', version, shell: 'web', dataDir, databasePath: opened.path, schemaVersion: opened.schemaVersion },
  notices: opened.notices
})
const log = (message: string, error: unknown): void => console.error(message, error)
const harness = createHarnessServer({
  handlers: createHandlers(services),
  rendererDir: join(__dirname, '../renderer'),
  token: randomBytes(24).toString('base64url'),
  log
})

harness.listen(port).then(
  (actual) => {
    console.log(`Stillwell web harness: http://127.0.0.1:${actual}`)
    console.log(`Data folder: ${dataDir}`)
    if (clock !== systemClock) console.log(`Clock: started at ${clock.now().toISOString()} in ${clock.zone()}`)
    // Reminders start once the page can be reached, so a reminder due right away has somewhere to appear.
    services.reminders.start()
    services.data.startDailyBackups()
  },
  (error: unknown) => {
    const busy = (error as { code?: string }).code === 'EADDRINUSE'
    exit(busy ? `Port ${port} is already in use. Pick another with --port N.` : String(error))
  }
)

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  services.reminders.stop()
  services.data.stopDailyBackups()
  services.sleepImport.dispose()
  // A backup still being written needs the database open until it is done.
  void Promise.all([harness.close(), services.data.finishBackups()]).then(() => {
    opened.db.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

/** The real clock, or one that starts at the given instant and advances in step with it. */
function startClock(start: string | undefined): Clock {
  if (start === undefined || start === '') return systemClock
  const at = new Date(start)
  if (Number.isNaN(at.getTime())) exit(`--now (or STILLWELL_TEST_NOW) must be a date and time such as 2026-12-01T08:00, not "${start}".`)
  const offset = at.getTime() - Date.now()
  return { now: () => new Date(Date.now() + offset), zone: () => systemClock.zone() }
}

function exit(message: string): never {
  console.error(`Stillwell web harness: ${message}`)
  process.exit(1)
}
