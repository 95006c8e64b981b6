import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { resolve } from 'node:path'

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

export default defineConfig({
  main: {
    define: { __STILLWELL_BUILD_DATE__: JSON.stringify(buildDate) },
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
