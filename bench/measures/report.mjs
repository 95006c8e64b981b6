// report_render_ms: the doctor report for the last year of ten years of data,
// in headless Chromium on the harness — from setting the route (starting on
// Today) to the report view's `stillwell:report-rendered` mark, set once the
// data has arrived and the page (tables and SVG charts) is on screen.
// report_after_save_ms: the same open right after a journal save, so nothing
// computed before the save can be reused: what the report costs uncached.
import { launchBrowser } from '../lib/browser.mjs'
import { median, round } from '../lib/stats.mjs'

const MARK = 'stillwell:report-rendered'

export function yearBefore(date) {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10)
}

export const report = {
  name: 'report',
  async run(ctx) {
    const harness = await ctx.harness()
    const { browser, close } = await launchBrowser('report bench')
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      const problems = []
      page.on('pageerror', (error) => problems.push(error.message))
      await page.goto(`${harness.url}/#/today`)
      await page.waitForFunction(() => performance.getEntriesByName('stillwell:interactive').length > 0)
      const to = ctx.seeded.endDate
      const from = yearBefore(to)
      const open = async () => {
        await page.evaluate(() => (globalThis.location.hash = '#/today'))
        await page
          .getByRole('heading', { level: 1 })
          .filter({ hasText: /Good (morning|afternoon|evening)/ })
          .waitFor()
        const started = await page.evaluate(
          ({ mark, hash }) => {
            performance.clearMarks(mark)
            const t0 = performance.now()
            globalThis.location.hash = hash
            return t0
          },
          { mark: MARK, hash: `#/report?from=${from}&to=${to}` }
        )
        await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 30_000, polling: 'raf' })
        const at = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, MARK)
        return at - started
      }
      // A save of last night's entry as it is (its severity alternating), as from the Journal: every write counts.
      const glance = await harness.invoke('journal.glance')
      if (!glance.lastNight) throw new Error('the seeded data has no recent entry to save')
      const { id, ...saved } = glance.lastNight
      const entry = Object.fromEntries(Object.entries(saved).filter(([key]) => !['metrics', 'createdAt', 'updatedAt'].includes(key)))
      const times = []
      const afterSave = []
      // Alternating, so both figures come from the same minutes of this shared machine.
      for (let run = 0; run <= ctx.runs; run++) {
        const again = await open()
        await harness.invoke('journal.update', { id, entry: { ...entry, severity: (entry.severity + 1 + (run % 2)) % 11 } })
        const fresh = await open()
        // The first visit also loads the report's code: logged, left out of the medians.
        if (run === 0) ctx.log(`report, first visit: ${again.toFixed(1)} ms; first after a save: ${fresh.toFixed(1)} ms`)
        else {
          times.push(again)
          afterSave.push(fresh)
        }
      }
      await harness.invoke('journal.update', { id, entry }) // leave it as seeded
      const sections = await page.evaluate(() => globalThis.document.querySelectorAll('[data-section]').length)
      if (sections < 7) throw new Error(`the report showed ${sections} sections, expected at least 7`)
      if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`)
      ctx.log(`report (ms): ${times.map((t) => t.toFixed(1)).join(', ')}`)
      ctx.log(`report after a save (ms): ${afterSave.map((t) => t.toFixed(1)).join(', ')}`)
      return [
        {
          name: 'report_render_ms',
          value: round(median(times), 1),
          unit: 'ms',
          target: 50,
          note: `median of ${times.length} opens, one-year report of 10 years`
        },
        {
          name: 'report_after_save_ms',
          value: round(median(afterSave), 1),
          unit: 'ms',
          note: `median of ${afterSave.length} opens, each right after a journal save`
        }
      ]
    } finally {
      await close()
    }
  }
}
