// "Data you own" figures, in process on the real services (bundled from src/
// by bench/lib/services-bundle.mjs) over a copy of the ten-year seeded folder:
//   export_json_ms   data.exportJson: every user table read and written as JSON text
//   import_json_ms   data.importJson of that export back into the same database
//                    (validation, a safety backup, delete and re-insert in one transaction)
//   backup_ms        data.backupNow: SQLite's online backup of the whole file
//   export_json_mb   the export's size
// Medians over --runs (import and backup: at most 3, they write whole files).
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { loadServices, servicesOn } from '../lib/services-bundle.mjs'
import { median, round } from '../lib/stats.mjs'

export const dataFigures = {
  name: 'data',
  async run(ctx) {
    const lib = await loadServices()
    const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-data-'))
    removeOnCleanup(dataDir)
    cpSync(ctx.seeded.dir, dataDir, { recursive: true })
    const opened = lib.openDatabase({ dataDir })
    const services = servicesOn(lib, opened, dataDir)
    const timed = async (fn) => {
      const start = performance.now()
      const value = await fn()
      return { ms: performance.now() - start, value }
    }
    try {
      const note = `${ctx.seeded.days} days of seeded data`
      const exports = []
      let content = ''
      for (let i = 0; i < ctx.runs; i++) {
        const run = await timed(() => services.data.exportJson())
        exports.push(run.ms)
        content = run.value.content
      }
      const heavy = Math.min(ctx.runs, 3)
      const imports = []
      for (let i = 0; i < heavy; i++) imports.push((await timed(() => services.data.importJson(content))).ms)
      const backups = []
      let backupFile = null
      for (let i = 0; i < heavy; i++) {
        const run = await timed(() => services.data.backupNow())
        backups.push(run.ms)
        backupFile = run.value
      }
      const years = ctx.seeded.days / 365.25
      const backupMb = backupFile?.bytes !== undefined ? backupFile.bytes / 1e6 : null
      return [
        { name: 'export_json_ms', value: round(median(exports), 1), unit: 'ms', note },
        {
          name: 'export_json_ms_per_year',
          value: round(median(exports) / years, 1),
          unit: 'ms',
          note: `export_json_ms over ${years.toFixed(1)} years of data: what each year of history adds`
        },
        { name: 'export_json_mb', value: round(Buffer.byteLength(content) / 1e6, 2), unit: 'MB', note },
        { name: 'import_json_ms', value: round(median(imports), 1), unit: 'ms', note: `${note}, includes a safety backup` },
        { name: 'backup_ms', value: round(median(backups), 1), unit: 'ms', note },
        ...(backupMb === null
          ? []
          : [{ name: 'backup_mb', value: round(backupMb, 2), unit: 'MB', note: `${note}; the USDA catalogue is not in it` }])
      ]
    } finally {
      services.reminders.stop()
      opened.db.close()
    }
  }
}
