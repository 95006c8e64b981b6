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
 * A headless Chromium with the bench's flags, for a measure that opens its own pages; closed by `close()` or,
 * if the bench stops first, by its clean-up. `label` names it in that clean-up.
 * @param {string} label
 */
export async function launchBrowser(label) {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ARGS })
  return { browser, close: onCleanup(`close ${label} browser`, () => browser.close()) }
}

/**
 * Opens `url` in a cold browser and returns the `stillwell:interactive` mark's
 * startTime: milliseconds from navigation start until the page called itself usable.
 * With `painted`, it also passes the page's first contentful paint (the first
 * frame with text on screen, from Chromium's paint timing) to `painted`.
 * With `settled`, it also waits until every bridge call the page has made is
 * answered and two more frames have passed with none started (the first
 * screen's data on screen), and passes that time, from the same origin, to `settled`.
 * @param {string} url
 * @param {{ expectHash?: RegExp, timeoutMs?: number, settled?: (ms: number) => void, painted?: (ms: number) => void }} [options] expectHash: the route the page must have landed on
 */
export async function coldLoad(url, { expectHash, timeoutMs = 30_000, settled, painted } = {}) {
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
    if (settled) await page.addInitScript(countBridgeCalls)
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
    if (painted) painted(await firstContentfulPaint(page, timeoutMs))
    if (settled) settled(await settledAt(page, timeoutMs))
    return startTime
  } finally {
    await closeBrowser()
    await removeProfile()
  }
}

/** The page's first contentful paint (ms from navigation start), once Chromium has reported it. */
async function firstContentfulPaint(page, timeoutMs) {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
    timeout: timeoutMs,
    polling: 50
  })
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime)
}

/** In the page, before its scripts: counts bridge requests started and in flight (answered once their body is read). */
function countBridgeCalls() {
  const calls = { started: 0, inFlight: 0 }
  globalThis.__stillwellBridgeCalls = calls
  const original = globalThis.fetch.bind(globalThis)
  globalThis.fetch = async (...args) => {
    if (!String(args[0]).includes('/bridge/invoke')) return original(...args)
    calls.started++
    calls.inFlight++
    try {
      const response = await original(...args)
      const text = await response.text()
      return new Response(text, { status: response.status, headers: response.headers })
    } finally {
      calls.inFlight--
    }
  }
}

/** When the page's bridge calls were all answered and two frames passed without a new one (ms from navigation start). */
async function settledAt(page, timeoutMs) {
  return page.evaluate(async (timeout) => {
    const calls = globalThis.__stillwellBridgeCalls
    const frame = () => new Promise((resolve) => globalThis.requestAnimationFrame(() => resolve(performance.now())))
    const deadline = performance.now() + timeout
    for (;;) {
      const at = await frame()
      if (at > deadline) throw new Error('the page never finished its bridge calls')
      if (calls.inFlight > 0 || calls.started === 0) continue
      const seen = calls.started
      await frame()
      await frame()
      if (calls.inFlight === 0 && calls.started === seen) return at
    }
  }, timeoutMs)
}

function describe(problems) {
  return problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''
}

/**
 * One more cold load, recorded rather than timed: every request (with the
 * bridge channel for bridge calls), when it started and finished, the
 * renderer's own marks and the navigation milestones, in time order, in
 * milliseconds from navigation start. For the bench log: where the time goes.
 * @param {string} url
 * @returns {Promise<string[]>} one line per event
 */
export async function traceColdLoad(url, { timeoutMs = 30_000 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'stillwell-bench-profile-'))
  const removeProfile = removeOnCleanup(profile)
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
    const channels = new Map()
    page.on('request', (request) => {
      if (request.method() === 'POST') {
        try {
          // One call, or the calls the page made in the same task sent together (an array).
          const message = JSON.parse(request.postData() ?? '{}')
          const calls = Array.isArray(message) ? message : [message]
          channels.set(request.url() + (request.postData() ?? ''), calls.map((c) => c?.channel ?? '').join(' + '))
        } catch {
          // not a bridge call
        }
      }
    })
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, INTERACTIVE_MARK, {
      timeout: timeoutMs,
      polling: 50
    })
    // Bridge calls are POSTs with the same URL: resource timing lists them in order, as does the request log.
    const bridgeOrder = [...channels.values()]
    const entries = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0]
      const out = []
      if (nav) {
        out.push({ at: nav.responseStart, what: 'first byte of index.html' })
        out.push({ at: nav.domInteractive, what: 'DOM interactive (parser done, module scripts may still run)' })
        out.push({ at: nav.domContentLoadedEventEnd, what: 'DOMContentLoaded handled (module scripts ran)' })
      }
      for (const r of performance.getEntriesByType('resource')) {
        const name = r.name.replace(globalThis.location.origin, '')
        out.push({ at: r.startTime, end: r.responseEnd, what: `${r.initiatorType} ${name}`, bytes: r.transferSize })
      }
      for (const m of performance.getEntriesByType('mark')) out.push({ at: m.startTime, what: `mark ${m.name}` })
      for (const p of performance.getEntriesByType('paint')) out.push({ at: p.startTime, what: p.name })
      return out
    })
    let bridge = 0
    for (const entry of entries) if (entry.what.includes('/bridge/invoke')) entry.what += ` (${bridgeOrder[bridge++] ?? '?'})`
    return entries
      .sort((a, b) => a.at - b.at)
      .map(
        (e) =>
          `${e.at.toFixed(1).padStart(7)} ms${e.end !== undefined ? ` → ${e.end.toFixed(1).padStart(6)} ms` : '            '}  ${e.what}`
      )
  } finally {
    await closeBrowser()
    await removeProfile()
  }
}

/**
 * One cold load under Chromium's tracing, for the CPU time the page's renderer
 * main thread spent (thread time of its tasks) from navigation start until the
 * `stillwell:interactive` mark. Unlike the wall-clock time, it hardly moves when
 * other processes compete for the cores, so two pages compare fairly on a busy
 * machine. Tracing slows the load, so these loads are never the timed ones.
 * @param {string} url
 * @returns {Promise<number>} milliseconds of main-thread CPU time
 */
export async function mainThreadWork(url, { timeoutMs = 30_000 } = {}) {
  if (isStopping()) throw new Error('the bench is stopping')
  const launching = chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ARGS })
  const closeBrowser = onCleanup('close browser', () =>
    launching.then(
      (browser) => browser.close(),
      () => {}
    )
  )
  try {
    const browser = await launching
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    // RunTask is every task a thread runs; its `tdur` is the thread's CPU time for it.
    await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] })
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, INTERACTIVE_MARK, {
      timeout: timeoutMs,
      polling: 50
    })
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents
    const mark = events.find((e) => e.name === INTERACTIVE_MARK)
    const thread = mark && events.find((e) => e.pid === mark.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    if (!thread) throw new Error(`${url}: the trace has no "${INTERACTIVE_MARK}" mark on a renderer main thread`)
    const tasks = events.filter((e) => e.pid === mark.pid && e.tid === thread.tid && e.name === 'RunTask' && e.ph === 'X' && e.ts < mark.ts)
    return tasks.reduce((sum, task) => sum + (task.tdur ?? task.dur), 0) / 1000
  } finally {
    await closeBrowser()
  }
}
