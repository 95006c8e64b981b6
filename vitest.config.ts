import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    // npm test's scripts add a JSON report per run (test:unit, test:shell) for .ci/summary.mjs.
    // Builds the USDA catalogue file the app ships (as `npm run build` does), once for every test file.
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/locale.ts']
        }
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/support/locale.ts']
        }
      },
      {
        extends: true,
        test: {
          // The built main process (out/main) under a fake Electron: needs `npm run build` first.
          name: 'shell',
          include: ['tests/shell/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000
        }
      },
      {
        extends: true,
        test: {
          // electron-builder --dir around a stub Electron, then app.asar inspected: needs `npm run build` first.
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000
        }
      }
    ]
  }
})
