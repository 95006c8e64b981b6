// scheduler_year_ms: wall time for the reminder service to live through one
// simulated year (a check every minute, three reminders an evening, each
// recorded in SQLite) on a fresh data folder, in this process. Median of
// min(runs, 5) years; each year starts from an empty folder.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { loadSchedulerBench } from '../lib/scheduler.mjs'
import { median, round } from '../lib/stats.mjs'

export const schedulerYear = {
  name: 'scheduler-year',
  async run(ctx) {
    const { simulateYear } = await loadSchedulerBench()
    const times = []
    let last
    for (let i = 0; i < Math.min(ctx.runs, 5); i++) {
      const dir = mkdtempSync(join(tmpdir(), 'stillwell-bench-scheduler-'))
      removeOnCleanup(dir)
      last = simulateYear(dir)
      // 365 wind-downs, 365 lights-outs, 364 or 365 morning logs: anything else is a bug, not a figure.
      if (last.notifications < 3 * 365 - 2 || last.notifications > 3 * 365) {
        throw new Error(`a simulated year showed ${last.notifications} reminders, expected about ${3 * 365}`)
      }
      ctx.log(`scheduler year ${i + 1}: ${last.ms.toFixed(0)} ms, ${last.notifications} reminders`)
      times.push(last.ms)
    }
    return [
      {
        name: 'scheduler_year_ms',
        value: round(median(times), 0),
        unit: 'ms',
        note: `525,600 minute checks, ${last.notifications} reminders, real SQLite`
      }
    ]
  }
}
