import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

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

async function startHarness(dataDir: string, lines: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [HARNESS, '--port', '0', '--data-dir', dataDir], { stdio: 'pipe' })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The harness did not start in time.\n${stderr}`)), 15_000)
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

export const test = base.extend<{ harness: Harness; foreignRequests: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern; this one has none.
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-e2e-'))
    const lines: string[] = []
    let current = await startHarness(dataDir, lines)
    const harness: Harness = {
      url: current.url,
      origins: new Set([new URL(current.url).origin]),
      dataDir,
      lines,
      async restart() {
        expect(await stop(current.child)).toBe(0)
        current = await startHarness(dataDir, lines)
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
  context: async ({ context, harness, foreignRequests }, use) => {
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
