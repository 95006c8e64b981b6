import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'
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

/**
 * The everyday first screen (Today) is a lazily loaded route chunk, which the
 * page would only ask for after its own script ran and the settings arrived:
 * a second round of downloads on every start. Listing that chunk, the chunks
 * it imports and its CSS as preloads in index.html lets the browser fetch them
 * alongside the entry script instead. Preloads do not run or apply anything,
 * so the first-run screen is unaffected; other routes still load on demand.
 */
function preloadFirstScreen(view: string): Plugin {
  return {
    name: 'stillwell-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return []
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
        const first = chunks.find((c) => c.facadeModuleId?.endsWith(view))
        if (!first) throw new Error(`preloadFirstScreen: no chunk for ${view}`)
        const scripts: string[] = []
        const styles = new Set<string>()
        const visit = (chunk: Rollup.OutputChunk): void => {
          if (chunk.isEntry || scripts.includes(chunk.fileName)) return
          scripts.push(chunk.fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const name of chunk.imports) {
            const next = bundle[name]
            if (next?.type === 'chunk') visit(next)
          }
        }
        visit(first)
        const tags: HtmlTagDescriptor[] = scripts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head'
        }))
        // crossorigin as on the stylesheet link Vite adds when the route loads, so that link reuses this download.
        for (const file of styles)
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' })
        return tags
      }
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
    plugins: [vue(), devOnlyCsp(), preloadFirstScreen('/features/today/TodayView.vue')],
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
