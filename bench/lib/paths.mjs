import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))
export const REPO_DIR = join(BENCH_DIR, '..')
/** Git-ignored: the seeded data folder, the bare page build. */
export const RESULTS_DIR = join(BENCH_DIR, 'results')
/**
 * The folder whose `out/` holds the build under measure: this checkout, or another build set aside for an
 * A/B comparison in one session (`BENCH_APP_DIR=/tmp/ab/main node bench/run.mjs`; that folder needs `out/`,
 * and `resources` and `node_modules` beside it, e.g. as symlinks to this checkout's).
 */
export const APP_DIR = process.env.BENCH_APP_DIR ? resolve(process.env.BENCH_APP_DIR) : REPO_DIR
export const HARNESS_ENTRY = join(APP_DIR, 'out/main/harness.js')
export const RENDERER_DIR = join(APP_DIR, 'out/renderer')
