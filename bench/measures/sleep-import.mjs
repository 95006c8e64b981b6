// sleep_import_*: importing a synthetic 300 MB Apple Health export.xml (eight
// years of Apple Watch sleep with stages amid heart-rate and step records),
// generated into a temporary folder for this run and removed afterwards, read
// by the real services in a child process (so its heap is measured alone):
// stream-parsed, nights assigned and merged, previewed against the diary and
// written. Median of min(runs, 3) imports, each into a fresh data folder.
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { writeAppleExport } from '../lib/apple-export.mjs'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { BENCH_DIR, REPO_DIR, RESULTS_DIR } from '../lib/paths.mjs'
import { loadServices } from '../lib/services-bundle.mjs'
import { median, round } from '../lib/stats.mjs'

const run = promisify(execFile)
const BYTES = 300 * 1024 ** 2
const YEARS = 8

export const sleepImport = {
  name: 'sleep-import',
  async run(ctx) {
    await loadServices() // builds the bundle the child imports
    const bundle = join(RESULTS_DIR, 'services-bundle', 'planner-entry.mjs')
    const dir = mkdtempSync(join(tmpdir(), 'stillwell-bench-sleep-'))
    removeOnCleanup(dir)
    const xml = join(dir, 'export.xml')
    ctx.log('writing a synthetic 300 MB Apple Health export')
    const made = await writeAppleExport(xml, { bytes: BYTES, years: YEARS, seed: 17 })
    ctx.log(`export.xml: ${(made.bytes / 2 ** 20).toFixed(0)} MB, ${made.nights} nights, ${made.sleepRecords} sleep records`)
    const results = []
    for (let i = 0; i < Math.min(ctx.runs, 3); i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-sleep-data-'))
      removeOnCleanup(dataDir)
      const { stdout } = await run(process.execPath, ['--expose-gc', join(BENCH_DIR, 'lib', 'sleep-import-child.mjs'), bundle, xml, dataDir, join(REPO_DIR, 'resources')], {
        maxBuffer: 1024 * 1024
      })
      const result = JSON.parse(stdout.trim().split('\n').pop())
      ctx.log(`sleep import ${i + 1}: read ${result.readMs.toFixed(0)} ms, apply ${result.applyMs.toFixed(0)} ms, ${result.nights} nights, peak heap ${result.peakHeapMb.toFixed(1)} MB`)
      if (result.nights < made.nights - 2) throw new Error(`the import found ${result.nights} nights of ${made.nights}`)
      results.push(result)
    }
    // Memory stays bounded: the same import must also finish with V8's heap capped at 64 MB.
    const cappedDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-sleep-data-'))
    removeOnCleanup(cappedDir)
    const capped = JSON.parse(
      (
        await run(
          process.execPath,
          ['--expose-gc', '--max-old-space-size=64', join(BENCH_DIR, 'lib', 'sleep-import-child.mjs'), bundle, xml, cappedDir, join(REPO_DIR, 'resources')],
          { maxBuffer: 1024 * 1024 }
        )
      ).stdout
        .trim()
        .split('\n')
        .pop()
    )
    ctx.log(`sleep import with a 64 MB heap cap: peak heap ${capped.peakHeapMb.toFixed(1)} MB, ${capped.nights} nights`)
    const seconds = median(results.map((r) => (r.readMs + r.applyMs) / 1000))
    return [
      { name: 'sleep_import_300mb_s', value: round(seconds, 1), unit: 's', note: `${(made.bytes / 2 ** 20).toFixed(0)} MB export.xml, ${made.nights} nights, read + preview + write` },
      { name: 'sleep_import_s_per_year', value: round(seconds / YEARS, 2), unit: 's', note: `of sleep data in that file (${YEARS} years)` },
      {
        name: 'sleep_import_peak_heap_mb',
        value: round(Math.max(...results.map((r) => r.peakHeapMb)), 1),
        unit: 'MB',
        note: `JS heap in use at its highest while importing, garbage not yet collected included (before: ${round(results[0].baselineHeapMb, 1)} MB)`
      },
      {
        name: 'sleep_import_capped_heap_mb',
        value: round(capped.peakHeapMb, 1),
        unit: 'MB',
        note: 'the same import with the heap capped at 64 MB (--max-old-space-size=64): it completes'
      }
    ]
  }
}
