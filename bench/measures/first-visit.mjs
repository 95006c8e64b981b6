// insights_first_visit_ms, report_first_visit_ms: the first visit of a section in a session, the way a user
// makes it: the app opened on Today, left for a moment, then Insights (range "all") or the one-year report.
// Each run is a new page in a new browser context (nothing loaded or cached from an earlier run); the
// section is opened once Today's page has marked `stillwell:code-loaded` (the other sections' code loaded in
// idle time), or, for a build without that mark (an A/B against an older build), after 10 s of the page left alone.
// Timed to the section's own mark, as insights_all_ms and report_render_ms are.
// code_loaded_ms: from navigation start to that mark, the same runs: how soon after start every section is ready.
import { launchBrowser } from '../lib/browser.mjs'
import { median, round } from '../lib/stats.mjs'
import { yearBefore } from './report.mjs'

const LOADED_MARK = 'stillwell:code-loaded'

export const firstVisit = {
  name: 'first-visit',
  async run(ctx) {
    const harness = await ctx.harness()
    const { browser, close } = await launchBrowser('first-visit bench')
    const to = ctx.seeded.endDate
    const sections = [
      { name: 'insights', hash: '#/insights?range=all', mark: 'stillwell:insights-drawn', times: [] },
      { name: 'report', hash: `#/report?from=${yearBefore(to)}&to=${to}`, mark: 'stillwell:report-rendered', times: [] }
    ]
    const loaded = []
    let unmarked = 0
    try {
      // Alternating, so both sections see the same minutes of this shared machine.
      for (let run = 0; run < ctx.runs; run++) {
        for (const section of sections) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
          try {
            const page = await context.newPage()
            const problems = []
            page.on('pageerror', (error) => problems.push(error.message))
            await page.goto(`${harness.url}/#/today`)
            const at = await page
              .waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? 0, LOADED_MARK, { timeout: 10_000 })
              .then((handle) => handle.jsonValue())
              .catch(() => null)
            if (at === null) unmarked++
            else loaded.push(at)
            const started = await page.evaluate((hash) => {
              const t0 = performance.now()
              globalThis.location.hash = hash
              return t0
            }, section.hash)
            await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, section.mark, {
              timeout: 30_000,
              polling: 'raf'
            })
            section.times.push((await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, section.mark)) - started)
            if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`)
          } finally {
            await context.close()
          }
        }
      }
    } finally {
      await close()
    }
    for (const section of sections) ctx.log(`${section.name}, first visit (ms): ${section.times.map((t) => t.toFixed(1)).join(', ')}`)
    if (unmarked > 0) ctx.log(`${unmarked} of ${ctx.runs * sections.length} pages set no ${LOADED_MARK} mark in 10 s (a build without it)`)
    else ctx.log(`every section's code loaded at (ms from navigation start): ${loaded.map((t) => t.toFixed(0)).join(', ')}`)
    const [insights, report] = sections
    return [
      {
        name: 'insights_first_visit_ms',
        value: round(median(insights.times), 1),
        unit: 'ms',
        note: `median of ${insights.times.length} new pages: Today, then Insights "all" for the first time (ten years)`
      },
      {
        name: 'report_first_visit_ms',
        value: round(median(report.times), 1),
        unit: 'ms',
        note: `median of ${report.times.length} new pages: Today, then the one-year report for the first time`
      },
      ...(loaded.length > 0
        ? [
            {
              name: 'code_loaded_ms',
              value: round(median(loaded), 0),
              unit: 'ms',
              note: `median of ${loaded.length}: navigation start to every section's code loaded in idle time`
            }
          ]
        : [])
    ]
  }
}
