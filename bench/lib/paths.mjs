import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))
export const REPO_DIR = join(BENCH_DIR, '..')
/** Git-ignored: the seeded data folder, the bare page build. */
export const RESULTS_DIR = join(BENCH_DIR, 'results')
export const HARNESS_ENTRY = join(REPO_DIR, 'out/main/harness.js')
export const RENDERER_DIR = join(REPO_DIR, 'out/renderer')
