import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronSqliteBuilt, findElectron } from './electron-binary'

const binary = findElectron()
const skipReason =
  'missing' in binary
    ? `Electron e2e skipped: ${binary.missing}.`
    : !electronSqliteBuilt()
      ? 'Electron e2e skipped: better-sqlite3 has not been built for Electron (npm run native:electron).'
      : ''
if (skipReason) console.log(skipReason)

test.describe('the desktop app', () => {
  test.skip(Boolean(skipReason), skipReason)

  let dataDir: string
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'stillwell-electron-'))
  })
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  const launch = () =>
    electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args: [join(__dirname, '..', '..'), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, STILLWELL_DATA_DIR: dataDir }
    })

  test('opens on the first-run screen in a locked-down window and keeps the profile across launches', async () => {
    const app = await launch()
    const win = await app.firstWindow()
    await expect(win.getByRole('heading', { level: 1, name: 'Welcome to Stillwell' })).toBeVisible()
    expect(win.url()).toMatch(/^app:\/\/stillwell\//)

    // The page sees only the bridge: two functions, and no Node.
    const page = await win.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
      bridge: Object.keys((globalThis as Record<string, unknown>)['stillwell'] as object).sort()
    }))
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] })

    // Navigation away from the app is refused.
    await win.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    // The refused navigation leaves the page in place: it still answers, on the app's own address.
    await expect(win.getByRole('heading', { level: 1, name: 'Welcome to Stillwell' })).toBeVisible()
    await win.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    expect(win.url()).toMatch(/^app:\/\/stillwell\//)

    await win.getByLabel('What should we call you?').fill('Ria')
    await win.getByLabel('I understand that Stillwell does not give medical advice.').check()
    await win.getByRole('button', { name: 'Start using Stillwell' }).click()
    await expect(win.getByRole('heading', { level: 1 })).toContainText('Ria')
    await app.close()

    const again = await launch()
    const second = await again.firstWindow()
    await expect(second.getByRole('heading', { level: 1 })).toContainText('Ria')
    await again.close()
  })
})
