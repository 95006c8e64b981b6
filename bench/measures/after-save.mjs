// What a night logged costs the next Insights and report: in process on the real services (bundled from src/
// by bench/lib/services-bundle.mjs), a journal save (last night, its severity changed) and then
//   insights_after_save_ms           insights.get range "all" on ten years, computed anew (the save invalidates it)
//   insights_after_save_scaling_ratio  the same on ten years ÷ on the one-month folder
//   report_after_save_service_ms     report.get for the last year, computed anew
// Medians over max(15, 3 × --runs) save-and-ask rounds after 5 warm-up rounds, on fresh copies of the folders.
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { RESULTS_DIR } from '../lib/paths.mjs'
import { loadServices, servicesOn } from '../lib/services-bundle.mjs'
import { median, round } from '../lib/stats.mjs'
import { seedDataFolder } from '../seed.mjs'
import { yearBefore } from './report.mjs'

const WARM_UP = 5

export const afterSave = {
  name: 'after-save',
  async run(ctx) {
    const lib = await loadServices()
    const month = await seedDataFolder(join(RESULTS_DIR, 'data-31d'), { spanDays: 31, seed: 1, endDate: ctx.seeded.endDate, log: ctx.log })
    const rounds = Math.max(15, ctx.runs * 3)
    const years = timeRounds(lib, ctx.seeded.dir, rounds, yearBefore(ctx.seeded.endDate), ctx.seeded.endDate)
    const oneMonth = timeRounds(lib, month.dir, rounds, yearBefore(ctx.seeded.endDate), ctx.seeded.endDate)
    const insights = median(years.insights)
    ctx.log(
      `after a save, ten years: insights ${years.insights.map((t) => t.toFixed(1)).join(', ')}; report ${years.report.map((t) => t.toFixed(1)).join(', ')}`
    )
    return [
      {
        name: 'insights_after_save_ms',
        value: round(insights, 2),
        unit: 'ms',
        note: `insights.get "all" on ten years right after a journal save, in process; median of ${rounds}`
      },
      {
        name: 'insights_after_save_scaling_ratio',
        value: round(insights / median(oneMonth.insights), 2),
        unit: '×',
        note: `ten years ÷ one month (${round(median(oneMonth.insights), 2)} ms)`
      },
      {
        name: 'report_after_save_service_ms',
        value: round(median(years.report), 2),
        unit: 'ms',
        note: `report.get for the last year of ten, right after a journal save, in process; median of ${rounds}`
      }
    ]
  }
}

function timeRounds(lib, seededDir, rounds, from, to) {
  const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-after-save-'))
  removeOnCleanup(dataDir)
  cpSync(seededDir, dataDir, { recursive: true })
  const opened = lib.openDatabase({ dataDir })
  const services = servicesOn(lib, opened, dataDir)
  try {
    const last = services.journal.glance().lastNight
    if (!last) throw new Error(`the seeded data in ${seededDir} has no recent entry to save`)
    const { id } = last
    // What a save sends: the entry as entered, without what the service derives or stamps.
    const entry = Object.fromEntries(Object.entries(last).filter(([key]) => !['id', 'metrics', 'createdAt', 'updatedAt'].includes(key)))
    const insights = []
    const report = []
    for (let i = 0; i < rounds + WARM_UP; i++) {
      services.journal.update(id, { ...entry, severity: (entry.severity + 1 + i) % 11 })
      const t0 = performance.now()
      services.insights.get({ range: 'all' })
      const t1 = performance.now()
      services.report.get({ from, to })
      const t2 = performance.now()
      if (i >= WARM_UP) {
        insights.push(t1 - t0)
        report.push(t2 - t1)
      }
    }
    return { insights, report }
  } finally {
    services.reminders.stop()
    opened.db.close()
  }
}
