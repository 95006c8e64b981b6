// Runs one sleep import in its own Node process so its heap is measured alone:
// the real services (bundled from src/ by services-bundle.mjs), a fresh data
// folder, the file handed over by path the way the desktop app's open dialog
// does. Prints one JSON line: timings and the peak heap seen while importing.
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const [bundle, xmlPath, dataDir, resourcesDir] = process.argv.slice(2)
const { openDatabase, createServices } = await import(pathToFileURL(bundle).href)

const opened = openDatabase({ dataDir })
const services = createServices({
  db: opened.db,
  resourcesDir,
  app: { name: 'Stillwell', version: 'bench', shell: 'web', dataDir, databasePath: opened.path, schemaVersion: opened.schemaVersion },
  notices: opened.notices,
  sleepFilePicker: async () => xmlPath
})

globalThis.gc?.()
const baseline = process.memoryUsage()
let peakHeap = baseline.heapUsed
let peakRss = baseline.rss
const sample = () => {
  const now = process.memoryUsage()
  peakHeap = Math.max(peakHeap, now.heapUsed)
  peakRss = Math.max(peakRss, now.rss)
}
const timer = setInterval(sample, 10)

const started = performance.now()
const { file } = await services.sleepImport.pickFile('apple')
const { jobId } = services.sleepImport.start(file.fileId, 'apple', 'Europe/London')
const progress = await services.sleepImport.finished(jobId)
const read = performance.now()
if (progress.state !== 'done') throw new Error(`import ${progress.state}: ${progress.message}`)
const applied = services.sleepImport.apply(jobId, [])
const done = performance.now()
sample()
clearInterval(timer)

services.reminders.stop()
services.data.stopDailyBackups()
services.sleepImport.dispose()
opened.db.close()
process.stdout.write(
  JSON.stringify({
    readMs: read - started,
    applyMs: done - read,
    nights: applied.nightsAdded,
    baselineHeapMb: baseline.heapUsed / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
    dataDir: join(dataDir)
  }) + '\n'
)
