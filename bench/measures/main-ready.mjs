// main_ready_ms: what the main process does before it can open a window, in
// process on the real code (bundled from src/ like the planner measures), on a
// fresh copy of the ten-year folder each time (copying is not timed): open and
// check the database (src/main/db/connection.ts), migrations, every service
// built (the bundled articles checked against the library, the food catalogue
// attached), and the reminder status the tray shows. Median of --runs.
//   main_ready_share       main_ready_ms ÷ cold_load_ms of this run: its part of a cold start
//   main_ready_scaling_ratio  the same on ten years ÷ on one month of history
//   main_ready_full_check_ms  a start that also reads every page (after a crash, or weekly)
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { RESULTS_DIR } from '../lib/paths.mjs'
import { loadServices, servicesOn } from '../lib/services-bundle.mjs'
import { median, round } from '../lib/stats.mjs'
import { seedDataFolder } from '../seed.mjs'

function ready(lib, source, { fullCheck = false } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-ready-'))
  removeOnCleanup(dataDir)
  cpSync(source, dataDir, { recursive: true })
  // An everyday start: the last full page check passed recently (a start writes this after one).
  // Without it, the start does the full check, as it does weekly, after a crash or a restore.
  if (fullCheck) rmSync(join(dataDir, lib.CHECKED_FILE), { force: true })
  else writeFileSync(join(dataDir, lib.CHECKED_FILE), `${new Date().toISOString()}\n`)
  const t0 = performance.now()
  const opened = lib.openDatabase({ dataDir })
  const t1 = performance.now()
  const services = servicesOn(lib, opened, dataDir, { notices: opened.notices, log: () => {} })
  services.reminders.status()
  const t2 = performance.now()
  services.reminders.stop()
  opened.db.close()
  rmSync(dataDir, { recursive: true, force: true })
  return { total: t2 - t0, database: t1 - t0, services: t2 - t1 }
}

export const mainReady = {
  name: 'main-ready',
  async run(ctx) {
    const lib = await loadServices()
    const month = await seedDataFolder(join(RESULTS_DIR, 'data-31d'), { spanDays: 31, seed: 1, endDate: ctx.seeded.endDate, log: ctx.log })
    ready(lib, ctx.seeded.dir) // warm-up: module code, page cache
    const long = []
    const short = []
    const full = []
    for (let i = 0; i < ctx.runs; i++) {
      long.push(ready(lib, ctx.seeded.dir))
      short.push(ready(lib, month.dir))
      full.push(ready(lib, ctx.seeded.dir, { fullCheck: true }))
    }
    const med = (runs, key) => median(runs.map((r) => r[key]))
    ctx.log(
      `main ready, ten years (ms): ${long.map((r) => r.total.toFixed(1)).join(', ')}; database ${med(long, 'database').toFixed(1)}, services ${med(long, 'services').toFixed(1)}`
    )
    ctx.log(`main ready, one month (ms): ${short.map((r) => r.total.toFixed(1)).join(', ')}`)
    ctx.log(`main ready with a full page check, ten years (ms): ${full.map((r) => r.total.toFixed(1)).join(', ')}`)
    const mainMs = med(long, 'total')
    const cold = ctx.figures?.find((f) => f.name === 'cold_load_ms')?.value
    const figures = [
      {
        name: 'main_ready_ms',
        value: round(mainMs, 1),
        unit: 'ms',
        note: `ten years, median of ${ctx.runs}: database ${round(med(long, 'database'), 1)} ms, services ${round(med(long, 'services'), 1)} ms`
      }
    ]
    if (cold) {
      figures.push({
        name: 'main_ready_share',
        value: round(mainMs / (mainMs + cold), 2),
        unit: '',
        note: `main_ready_ms ÷ (main_ready_ms + cold_load_ms ${cold} ms)`
      })
    }
    figures.push(
      {
        name: 'main_ready_scaling_ratio',
        value: round(mainMs / med(short, 'total'), 2),
        unit: '×',
        target: 1.5,
        note: `ten years ÷ one month (${round(med(short, 'total'), 1)} ms)`
      },
      {
        name: 'main_ready_full_check_ms',
        value: round(med(full, 'total'), 1),
        unit: 'ms',
        note: 'ten years, reading every page: after an unclean end, a restore, or a week after the last full check'
      }
    )
    return figures
  }
}
