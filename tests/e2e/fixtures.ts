import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * The tests' clock. Every test starts at the same instant: $STILLWELL_TEST_NOW
 * when set (for example 2026-03-29T08:00, read in $TZ), else the real now, and
 * time runs on from there. The harness and the page are both started on it,
 * and tests take their dates from it, so the whole suite can be run on any
 * chosen day: STILLWELL_TEST_NOW=2028-03-01T08:00 TZ=Europe/Berlin npm run test:e2e
 */
export interface TestClock {
  now(): Date
  /** The calendar date now, 'YYYY-MM-DD', in the time zone the tests run in. */
  today(): string
  /** The calendar date that many days before today. */
  daysAgo(days: number): string
}

export const TEST_NOW_VARIABLE = 'STILLWELL_TEST_NOW'

function testStart(): number {
  const value = process.env[TEST_NOW_VARIABLE]
  if (!value) return Date.now()
  const at = new Date(value).getTime()
  if (Number.isNaN(at)) throw new Error(`${TEST_NOW_VARIABLE} must be a date and time such as 2026-12-01T08:00, not "${value}".`)
  return at
}

function localDate(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** The chosen day (or today) at a local time of day 'HH:MM:SS', as an instant. */
function onTheDayAt(start: number, timeOfDay: string): number {
  const [h, m, sec] = timeOfDay.split(':').map(Number) as [number, number, number?]
  const day = new Date(start)
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m, sec ?? 0).getTime()
}

function makeClock(timeOfDay: string | null): TestClock {
  const start = testStart()
  const offset = (timeOfDay ? onTheDayAt(start, timeOfDay) : start) - Date.now()
  const clock: TestClock = {
    now: () => new Date(Date.now() + offset),
    today: () => localDate(clock.now()),
    daysAgo(days) {
      // Calendar arithmetic at noon, so a daylight-saving change never skips or repeats a date.
      const [y, m, d] = clock.today().split('-').map(Number) as [number, number, number]
      return localDate(new Date(y, m - 1, d - days, 12))
    }
  }
  return clock
}

export interface Harness {
  url: string
  /** Every origin this test's harness has had (a restart picks a new port). */
  origins: Set<string>
  dataDir: string
  /** Every line the harness printed on stdout (notifications arrive as JSON lines). */
  lines: string[]
  /** Stops the harness (SIGTERM) and starts a new one on the same data folder. */
  restart(): Promise<void>
}

const HARNESS = join(__dirname, '..', '..', 'out', 'main', 'harness.js')

async function startHarness(
  dataDir: string,
  lines: string[],
  clock: TestClock
): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  // The main side writes reminder times in the same locale as the page (playwright.config.ts: en-GB).
  const args = [HARNESS, '--port', '0', '--data-dir', dataDir, '--now', clock.now().toISOString(), '--locale', 'en-GB']
  const child = spawn(process.execPath, args, { stdio: 'pipe' })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a loaded two-core machine can take a while to start Node and open the database.
    const timer = setTimeout(() => reject(new Error(`The harness did not start in time.\n${stderr}`)), 45_000)
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line)
      const match = /^Stillwell web harness: (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`The harness exited with ${code}.\n${stderr}`)))
  })
  return { child, url }
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    // A harness that ignores SIGTERM fails the restart test (exit code), but never hangs the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    child.kill('SIGTERM')
  })
}

export const test = base.extend<{ clockTimeOfDay: string | null; clock: TestClock; harness: Harness; foreignRequests: string[] }>({
  /**
   * A local time of day ('21:44:20') at which a test's clock starts, on the
   * chosen day; null keeps the chosen instant. For tests about a time of day
   * (an evening reminder), so they never wait for the real clock to get there.
   */
  clockTimeOfDay: [null, { option: true }],
  clock: async ({ clockTimeOfDay }, use) => {
    await use(makeClock(clockTimeOfDay))
  },
  harness: async ({ clock }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-e2e-'))
    const lines: string[] = []
    let current = await startHarness(dataDir, lines, clock)
    const harness: Harness = {
      url: current.url,
      origins: new Set([new URL(current.url).origin]),
      dataDir,
      lines,
      async restart() {
        expect(await stop(current.child)).toBe(0)
        current = await startHarness(dataDir, lines, clock)
        harness.url = current.url
        harness.origins.add(new URL(current.url).origin)
      }
    }
    await use(harness)
    await stop(current.child)
    rmSync(dataDir, { recursive: true, force: true })
  },
  /**
   * Every request a page tries to send to an origin other than the harness.
   * Each is aborted, so nothing leaves the machine, and any test with a page
   * fails if the list is not empty at its end: the whole e2e run makes no
   * request to another origin.
   */
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern; this one has none.
  foreignRequests: async ({}, use) => {
    await use([])
  },
  context: async ({ context, clock, harness, foreignRequests }, use) => {
    // The page's Date and timers run on the same clock as the harness.
    await context.clock.install({ time: clock.now() })
    await context.route('**/*', (route) => {
      const url = route.request().url()
      // The app's own origin, including the one before a restart (a page still open on it may call out once).
      if (harness.origins.has(new URL(url).origin)) return route.continue()
      foreignRequests.push(url)
      return route.abort('blockedbyclient')
    })
    await use(context)
    expect(foreignRequests, 'requests to origins other than the app').toEqual([])
  }
})

export { expect }

/** One call through the same bridge the page uses (its token is in the page); a refused call throws. */
export async function invoke(page: Page, channel: string, input?: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="stillwell-bridge"]')!.content
      const response = await fetch('/bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-stillwell-token': token },
        body: JSON.stringify({ channel, input })
      })
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
      if (!body.ok) throw new Error(JSON.stringify(body.error))
      return body.value
    },
    { channel, input }
  )
}

/** An axe-core scan of the page; serious and critical findings fail the test. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** Completes the first-run screen with the keyboard only. */
export async function completeFirstRun(page: Page, answers: { name: string; bedtime: string }): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stillwell' })).toBeVisible()
  await page.getByLabel('What should we call you?').fill(answers.name)
  await page.getByLabel('Usual bedtime').fill(answers.bedtime)
  await page.getByLabel('I understand that Stillwell does not give medical advice.').check()
  await page.getByRole('button', { name: 'Start using Stillwell' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(answers.name)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('test-results', 'screenshots', `${name}.png`), fullPage: true })
}
