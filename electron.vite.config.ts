import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { resolve } from 'node:path'
import { ensureFoodCatalogueFile, FOOD_CATALOGUE_BUILD_PATH } from './src/main/db/food-catalogue-file'
import { CHANNELS, EVENTS } from './src/shared/contract'

/**
 * The production Content-Security-Policy lives in src/renderer/index.html.
 * Vite's dev server injects <style> tags and talks over a websocket for hot
 * reload, so `npm run dev` alone gets a looser policy; builds keep the strict one.
 */
function devOnlyCsp(): Plugin {
  return {
    name: 'stillwell-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*")
    }
  }
}

/**
 * Marks the page's entry script for eager compilation (Chromium's per-file compile hint, a magic comment
 * that must open the file). Nearly every function in it runs before the first screen shows: Vue, the
 * router, the stores and Today. Without the hint V8 compiles each on the main thread the first time it
 * is called (~550 functions); with it, the thread that streams the script in compiles them while it
 * downloads. Route chunks load when a section opens and stay lazily compiled.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

function compileEntryEagerly(): Plugin {
  return {
    name: 'stillwell-compile-entry-eagerly',
    apply: 'build',
    generateBundle: {
      // After Vite's own additions to the chunk, so the comment stays the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue
          chunk.code = COMPILE_HINT + chunk.code
          if (!chunk.map) continue
          // One more line at the top: the source map's mappings start one line later, in the written file too.
          chunk.map.mappings = `;${chunk.map.mappings}`
          const mapFile = bundle[`${chunk.fileName}.map`]
          if (mapFile?.type === 'asset') mapFile.source = JSON.stringify(chunk.map)
        }
      }
    }
  }
}

/** The day of this build (SOURCE_DATE_EPOCH when set, for reproducible builds), shown in Settings → About. */
const buildDate = new Date(process.env['SOURCE_DATE_EPOCH'] ? Number(process.env['SOURCE_DATE_EPOCH']) * 1000 : Date.now())
  .toISOString()
  .slice(0, 10)

/**
 * Builds the USDA food catalogue (resources/food CSVs → one read-only SQLite
 * file with its full-text index) beside the main process build, so no user's
 * first search waits for it. Skipped when the file is already built from the
 * same CSVs. Packages ship it outside the asar archive (electron-builder.yml).
 */
function foodCatalogue(): Plugin {
  return {
    name: 'stillwell-food-catalogue',
    apply: 'build',
    closeBundle() {
      const started = performance.now()
      const built = ensureFoodCatalogueFile(resolve(__dirname, 'resources'), resolve(__dirname, FOOD_CATALOGUE_BUILD_PATH))
      if (built) console.log(`${FOOD_CATALOGUE_BUILD_PATH} built in ${Math.round(performance.now() - started)} ms`)
    }
  }
}

export default defineConfig({
  main: {
    define: { __STILLWELL_BUILD_DATE__: JSON.stringify(buildDate) },
    plugins: [foodCatalogue()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The web harness: development and tests only, excluded from packages (electron-builder.yml).
          harness: resolve(__dirname, 'src/main/web/harness.ts')
        }
      }
    }
  },
  preload: {
    // The preload refuses names the contract does not declare; it gets the lists here so it never bundles zod.
    define: { __STILLWELL_CHANNELS__: JSON.stringify(CHANNELS), __STILLWELL_EVENTS__: JSON.stringify(EVENTS) },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [vue(), devOnlyCsp(), compileEntryEagerly()],
    // Every component uses <script setup>: Vue's Options API support (and the devtools hooks) need not
    // be in the first script the page parses.
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false'
    },
    build: {
      // electron-vite leaves output unminified by default; the page loads faster minified.
      minify: 'esbuild',
      // Never inline assets as data: URLs; the CSP allows images and fonts from the app only.
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') }
    }
  }
})
