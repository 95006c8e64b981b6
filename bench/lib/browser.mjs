// Cold page loads in Chromium: a fresh browser with a new, empty profile for
// every load, so nothing is cached or warmed from an earlier one.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { isStopping, onCleanup, removeOnCleanup } from './cleanup.mjs'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]
const INTERACTIVE_MARK = 'stillwell:interactive'

/** Playwright's own Chromium where installed, else the system one. */
export function chromiumExecutable() {
  const bundled = chromium.executablePath()
  if (bundled && existsSync(bundled)) return bundled
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM
  throw new Error(`No Chromium found: neither Playwright's (${bundled}) nor ${SYSTEM_CHROMIUM}.`)
}

/**
 * Opens `url` in a cold browser and returns the `stillwell:interactive` mark's
 * startTime: milliseconds from navigation start until the page called itself usable.
 * @param {string} url
 * @param {{ expectHash?: RegExp, timeoutMs?: number }} [options] expectHash: the route the page must have landed on
 */
export async function coldLoad(url, { expectHash, timeoutMs = 30_000 } = {}) {
  if (isStopping()) throw new Error('the bench is stopping')
  const profile = mkdtempSync(join(tmpdir(), 'stillwell-bench-profile-'))
  const removeProfile = removeOnCleanup(profile) // registered first, so it runs after the browser has closed
  const launching = chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 }
  })
  const closeBrowser = onCleanup('close browser', () =>
    launching.then(
      (context) => context.close(),
      () => {}
    )
  )
  try {
    const context = await launching
    const page = context.pages()[0] ?? (await context.newPage())
    const problems = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
    try {
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, INTERACTIVE_MARK, {
        timeout: timeoutMs,
        polling: 50
      })
    } catch (error) {
      throw new Error(`${url} never set the "${INTERACTIVE_MARK}" mark (${error.message.split('\n')[0]})${describe(problems)}`)
    }
    const { startTime, hash } = await page.evaluate((name) => {
      return { startTime: performance.getEntriesByName(name)[0].startTime, hash: globalThis.location.hash }
    }, INTERACTIVE_MARK)
    if (expectHash && !expectHash.test(hash)) throw new Error(`${url} landed on "${hash}", expected ${expectHash}${describe(problems)}`)
    return startTime
  } finally {
    await closeBrowser()
    await removeProfile()
  }
}

function describe(problems) {
  return problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''
}
