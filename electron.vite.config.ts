import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { resolve } from 'node:path'
import { ensureFoodCatalogueFile, FOOD_CATALOGUE_BUILD_PATH } from './src/main/db/food-catalogue-file'

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
    plugins: [vue(), devOnlyCsp()],
    build: {
      // electron-vite leaves output unminified by default; the page loads faster minified.
      minify: 'esbuild',
      // Never inline assets as data: URLs; the CSP allows images and fonts from the app only.
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') }
    }
  }
})
