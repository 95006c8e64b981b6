// Builds bench/scheduler/year.ts (and the services it imports) for Node with
// Vite in SSR mode, so the bench can run the real reminder service in its own
// process. Dependencies (better-sqlite3, luxon, zod) stay external and load
// from node_modules.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { BENCH_DIR, RESULTS_DIR } from './paths.mjs'

const OUT_DIR = join(RESULTS_DIR, 'scheduler-build')

/** @returns {Promise<{ simulateYear(dataDir: string, zone?: string): { ms: number, notifications: number, checksPerMs: number } }>} */
export async function loadSchedulerBench() {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(BENCH_DIR, 'scheduler', 'year.ts'),
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'year.mjs' } }
    }
  })
  return import(pathToFileURL(join(OUT_DIR, 'year.mjs')).href)
}
