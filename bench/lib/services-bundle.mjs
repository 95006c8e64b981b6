// Bundles bench/lib/planner-entry.ts for Node with Vite (TypeScript compiled
// the way the app's main process is; node_modules stay external) and imports it.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { BENCH_DIR, REPO_DIR, RESULTS_DIR } from './paths.mjs'

const OUT_DIR = join(RESULTS_DIR, 'services-bundle')

/** @returns {Promise<{ openDatabase: Function, createServices: Function, weekStart: Function, addDays: Function }>} */
export async function loadServices() {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(BENCH_DIR, 'lib/planner-entry.ts'),
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'planner-entry.mjs' } }
    }
  })
  return import(pathToFileURL(join(OUT_DIR, 'planner-entry.mjs')).href)
}

/**
 * The real services over a database `lib.openDatabase` opened in `dataDir`, built as the harness builds
 * them (the project's resources and food catalogue); `extra` adds or replaces dependencies.
 */
export function servicesOn(lib, opened, dataDir, extra = {}) {
  return lib.createServices({
    db: opened.db,
    resourcesDir: join(REPO_DIR, 'resources'),
    foodCatalogueFile: join(REPO_DIR, lib.FOOD_CATALOGUE_BUILD_PATH),
    app: { name: 'Stillwell', version: 'bench', shell: 'web', dataDir, databasePath: opened.path, schemaVersion: opened.schemaVersion },
    notices: [],
    ...extra
  })
}
