// Costs that must not grow with history, measured as ratios in one run: the
// same view on the ten-year folder and on a short one (or a year against a
// month), opened alternately in one headless Chromium so machine noise hits
// both sides alike. Each side is the median of --runs opens after one
// discarded open (which also loads the view's code).
//   insights_scaling_ratio   Insights, range "all": ten years ÷ two weeks of history
//   report_year_month_ratio  doctor report for the last year ÷ for the last month (ten-year folder)
//   journal_scaling_ratio    Journal (this month's nights) on ten years ÷ on one month of history
//   today_scaling_ratio      Today (every tile's data arrived and drawn) on ten years ÷ one month
// Insights and the report are timed to their "drawn" marks; Journal and Today,
// which have none, until every bridge call the view made has answered and two
// frames have been drawn with no new call.
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser } from '../lib/browser.mjs'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { startHarness } from '../lib/harness.mjs'
import { RESULTS_DIR } from '../lib/paths.mjs'
import { median, round } from '../lib/stats.mjs'
import { seedDataFolder } from '../seed.mjs'

/** Counts bridge calls in flight, so a view without a "drawn" mark can be timed until its data has arrived. */
function countBridgeCalls() {
  const state = { inFlight: 0, lastDone: 0, started: 0 }
  globalThis.__bridgeCalls = state
  const original = globalThis.fetch.bind(globalThis)
  globalThis.fetch = async (...args) => {
    const bridge = String(args[0]).includes('/bridge/invoke')
    if (bridge) {
      state.inFlight++
      state.started++
    }
    try {
      const response = await original(...args)
      if (!bridge) return response
      // Counted as answered once the body is read, as the page reads it.
      const text = await response.text()
      return new Response(text, { status: response.status, headers: response.headers })
    } finally {
      if (bridge) {
        state.inFlight--
        state.lastDone = performance.now()
      }
    }
  }
}

async function shortFolder(ctx, spanDays) {
  const seeded = await seedDataFolder(join(RESULTS_DIR, `data-${spanDays}d`), {
    spanDays,
    seed: 1,
    endDate: ctx.seeded.endDate,
    log: ctx.log
  })
  const dir = mkdtempSync(join(tmpdir(), `stillwell-bench-${spanDays}d-`))
  removeOnCleanup(dir)
  cpSync(seeded.dir, dir, { recursive: true })
  return startHarness({ dataDir: dir })
}

async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const problems = []
  page.on('pageerror', (error) => problems.push(error.message))
  await page.addInitScript(countBridgeCalls)
  await page.goto(`${url}/#/today`)
  await page.waitForFunction(() => performance.getEntriesByName('stillwell:interactive').length > 0)
  return { page, problems }
}

/** Goes to `from`, waits until it is quiet, then times going to `to` until `ready` says so. */
async function openTimed(page, from, to, ready) {
  await page.evaluate((hash) => (globalThis.location.hash = hash), from)
  await page.waitForFunction(() => globalThis.__bridgeCalls.inFlight === 0, null, { polling: 'raf' })
  await page.waitForTimeout(50)
  return page.evaluate(
    async ({ to, ready }) => {
      const calls = globalThis.__bridgeCalls
      if (ready.mark) performance.clearMarks(ready.mark)
      const startedBefore = calls.started
      const t0 = performance.now()
      globalThis.location.hash = to
      const frame = () => new Promise((resolve) => globalThis.requestAnimationFrame(() => resolve()))
      const deadline = t0 + 30_000
      for (;;) {
        await frame()
        if (performance.now() > deadline) throw new Error(`${to} never got ready`)
        if (ready.mark) {
          const entry = performance.getEntriesByName(ready.mark)[0]
          if (entry) return entry.startTime - t0
          continue
        }
        if (calls.started === startedBefore || calls.inFlight > 0) continue
        const seen = calls.started
        await frame()
        await frame()
        if (calls.inFlight === 0 && calls.started === seen) return performance.now() - t0
      }
    },
    { to, ready }
  )
}

/** Alternates the two sides, one discarded open each first; medians of ctx.runs opens. */
async function compare(ctx, label, long, short) {
  const times = { long: [], short: [] }
  for (let run = 0; run <= ctx.runs; run++) {
    for (const [side, s] of [
      ['long', long],
      ['short', short]
    ]) {
      const ms = await openTimed(s.page, s.from, s.to, s.ready)
      if (run > 0) times[side].push(ms)
    }
  }
  const result = { long: median(times.long), short: median(times.short) }
  ctx.log(
    `${label}: ${times.long.map((t) => t.toFixed(1)).join(', ')} (long) vs ${times.short.map((t) => t.toFixed(1)).join(', ')} (short); medians ${result.long.toFixed(1)} / ${result.short.toFixed(1)} ms`
  )
  return result
}

function monthBefore(date) {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 2, d + 1)).toISOString().slice(0, 10)
}
function yearBefore(date) {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10)
}

export const scaling = {
  name: 'scaling',
  async run(ctx) {
    const tenYears = await ctx.harness()
    const twoWeeks = await shortFolder(ctx, 14)
    const oneMonth = await shortFolder(ctx, 31)
    const { browser, close } = await launchBrowser('scaling bench')
    try {
      const long = await openPage(browser, tenYears.url)
      const weeks = await openPage(browser, twoWeeks.url)
      const month = await openPage(browser, oneMonth.url)
      const end = ctx.seeded.endDate
      const insightsReady = { mark: 'stillwell:insights-drawn' }
      const reportReady = { mark: 'stillwell:report-rendered' }
      const idle = { idle: true }

      const insights = await compare(
        ctx,
        'insights "all", ten years vs two weeks',
        { page: long.page, from: '#/today', to: '#/insights?range=all', ready: insightsReady },
        { page: weeks.page, from: '#/today', to: '#/insights?range=all', ready: insightsReady }
      )
      const report = await compare(
        ctx,
        'report, last year vs last month (ten years)',
        { page: long.page, from: '#/today', to: `#/report?from=${yearBefore(end)}&to=${end}`, ready: reportReady },
        { page: long.page, from: '#/today', to: `#/report?from=${monthBefore(end)}&to=${end}`, ready: reportReady }
      )
      const journal = await compare(
        ctx,
        'journal, ten years vs one month',
        { page: long.page, from: '#/settings', to: '#/journal', ready: idle },
        { page: month.page, from: '#/settings', to: '#/journal', ready: idle }
      )
      const today = await compare(
        ctx,
        'today, ten years vs one month',
        { page: long.page, from: '#/settings', to: '#/today', ready: idle },
        { page: month.page, from: '#/settings', to: '#/today', ready: idle }
      )
      const problems = [...long.problems, ...weeks.problems, ...month.problems]
      if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`)
      const ratio = (r) => round(r.long / r.short, 2)
      return [
        {
          name: 'insights_scaling_ratio',
          value: ratio(insights),
          unit: '×',
          target: 1.5,
          note: `range "all": ${round(insights.long, 1)} ms on 10 years / ${round(insights.short, 1)} ms on 2 weeks`
        },
        {
          name: 'report_year_month_ratio',
          value: ratio(report),
          unit: '×',
          target: 1.5,
          note: `${round(report.long, 1)} ms for a year / ${round(report.short, 1)} ms for a month`
        },
        {
          name: 'journal_scaling_ratio',
          value: ratio(journal),
          unit: '×',
          target: 1.5,
          note: `${round(journal.long, 1)} ms on 10 years / ${round(journal.short, 1)} ms on 1 month`
        },
        {
          name: 'today_scaling_ratio',
          value: ratio(today),
          unit: '×',
          target: 1.5,
          note: `${round(today.long, 1)} ms on 10 years / ${round(today.short, 1)} ms on 1 month`
        }
      ]
    } finally {
      await close()
    }
  }
}
