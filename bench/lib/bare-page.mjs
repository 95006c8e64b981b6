// Builds bench/bare (one Vue component) for production, the way electron-vite
// builds the renderer: Vite + @vitejs/plugin-vue, relative asset paths.
import vue from '@vitejs/plugin-vue'
import { join } from 'node:path'
import { build } from 'vite'
import { BENCH_DIR, RESULTS_DIR } from './paths.mjs'

export const BARE_DIST = join(RESULTS_DIR, 'bare-dist')

export async function buildBarePage() {
  await build({
    configFile: false,
    root: join(BENCH_DIR, 'bare'),
    base: './',
    plugins: [vue()],
    build: { outDir: BARE_DIST, emptyOutDir: true },
    logLevel: 'warn'
  })
  return BARE_DIST
}
