// scheduler_year_ms: one year of evenings through the real reminder service on
// a real SQLite file, with a simulated clock. Built for Node by
// bench/lib/scheduler.mjs (Vite, SSR mode) and run in the bench's own process.
//
// The computer is awake all year and the service does what it does in the app:
// a check every minute (about 525,600 of them), one timer for the next
// reminder, and three reminders an evening (wind-down, lights-out, the morning
// log), each recorded in SQLite before it is shown.
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { FOOD_CATALOGUE_BUILD_PATH } from '../../src/main/db/food-catalogue-file'
import { createServices } from '../../src/main/services'
import type { Clock, Notifier, Timers } from '../../src/main/services/ports'

interface Pending {
  id: number
  at: number
  callback: () => void
}

/** Wall clock and timers in one: time passes only when advance() is called. */
class SimulatedComputer implements Clock, Timers {
  private pending: Pending[] = []
  private nextId = 1
  constructor(
    public wallMs: number,
    private readonly zoneName: string
  ) {}
  now = (): Date => new Date(this.wallMs)
  zone = (): string => this.zoneName
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++
    this.pending.push({ id, at: this.wallMs + Math.max(0, ms), callback })
    return id
  }
  clearTimeout = (handle: unknown): void => {
    this.pending = this.pending.filter((t) => t.id !== handle)
  }
  advance(ms: number): void {
    const end = this.wallMs + ms
    for (;;) {
      let next: Pending | undefined
      for (const t of this.pending) if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t
      if (!next) break
      this.pending = this.pending.filter((t) => t !== next)
      this.wallMs = next.at
      next.callback()
    }
    this.wallMs = end
  }
}

export interface YearResult {
  ms: number
  notifications: number
  checksPerMs: number
}

/** Run from the project folder (`npm run bench`), where the build left the food catalogue and the articles are. */
export function simulateYear(dataDir: string, zone = 'Europe/Berlin'): YearResult {
  const computer = new SimulatedComputer(Date.parse('2026-01-01T00:00:00Z'), zone)
  let notifications = 0
  const notifier: Notifier = { show: () => void notifications++ }
  const opened = openDatabase({ dataDir })
  try {
    const services = createServices({
      db: opened.db,
      app: { name: 'Stillwell', version: 'bench', shell: 'web', dataDir, databasePath: opened.path, schemaVersion: opened.schemaVersion },
      notices: [],
      // The app's own articles, as the desktop app has them (an empty folder only logs that none were found).
      resourcesDir: join(process.cwd(), 'resources'),
      foodCatalogueFile: join(process.cwd(), FOOD_CATALOGUE_BUILD_PATH),
      clock: computer,
      timers: computer,
      notifier
    })
    services.settings.completeOnboarding({
      profile: { name: 'Bench', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
      disclaimerAccepted: true
    })
    services.reminders.update({ lightsOut: true, morningLog: { enabled: true, time: '07:30' } })
    services.reminders.start()
    const started = performance.now()
    computer.advance(365 * 24 * 3_600_000)
    const ms = performance.now() - started
    services.reminders.stop()
    return { ms, notifications, checksPerMs: (365 * 24 * 60) / ms }
  } finally {
    opened.db.close()
  }
}
