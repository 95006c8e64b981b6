import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { resolve } from 'node:path'
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

export default defineConfig({
  main: {
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
