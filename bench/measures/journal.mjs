// journal_save_ms: one journal save round trip through the harness bridge (median).
// insights_all_ms: from asking for Insights with range "all" to its first screen drawn (median);
// insights_all_charts_ms: the same until every chart, below the first screen too, has drawn.
// heap_mb_after_views: the renderer's JS heap after visiting every view, after a garbage collection.
// All on the seeded ten years of nights. Targets are printed for reference, never asserted.
import { launchBrowser } from '../lib/browser.mjs'
import { median, round } from '../lib/stats.mjs'

const DRAWN_MARK = 'stillwell:insights-drawn'
const VIEWS = ['today', 'journal', 'insights?range=all', 'planner', 'reader', 'settings']

export const journalFigures = {
  name: 'journal',
  async run(ctx) {
    const harness = await ctx.harness()
    const figures = await saveRoundTrip(ctx, harness)

    const { browser, close } = await launchBrowser('journal bench')
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      const problems = []
      page.on('pageerror', (error) => problems.push(error.message))
      await page.goto(`${harness.url}/#/today`)
      await page.waitForFunction(() => performance.getEntriesByName('stillwell:interactive').length > 0)
      figures.push(...(await insightsAll(ctx, page)))
      figures.push(await insightsAfterSave(ctx, page, harness))
      figures.push(await heapAfterViews(ctx, page))
      if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`)
    } finally {
      await close()
    }
    return figures
  }
}

/**
 * Saves last night's entry again and again (alternating its severity), timing each bridge call. The
 * first save after the harness started runs cold code (V8 has compiled nothing yet, zod has not built its
 * checks, SQLite has not prepared the statements); it is a figure of its own, and the steady-state figure
 * starts after WARM_UP_SAVES, by which point the times here have settled.
 */
const WARM_UP_SAVES = 20

/** Last night's entry as a save sends it: its id, and the entry without what the service derives or stamps. */
async function lastNightEntry(harness) {
  const glance = await harness.invoke('journal.glance')
  if (!glance.lastNight) throw new Error('the seeded data has no recent entry to save')
  const { id, ...saved } = glance.lastNight
  return { id, entry: withoutKeys(saved, ['metrics', 'createdAt', 'updatedAt']) }
}

async function saveRoundTrip(ctx, harness) {
  const { id, entry } = await lastNightEntry(harness)
  const all = []
  const total = Math.max(21, ctx.runs * 3)
  for (let i = 0; i < total + WARM_UP_SAVES; i++) {
    const next = { ...entry, severity: (entry.severity + i) % 11 }
    const t0 = performance.now()
    await harness.invoke('journal.update', { id, entry: next })
    all.push(performance.now() - t0)
  }
  await harness.invoke('journal.update', { id, entry }) // leave it as seeded
  const times = all.slice(WARM_UP_SAVES)
  ctx.log(`journal saves (ms), first ${WARM_UP_SAVES} warming up: ${all.map((t) => t.toFixed(1)).join(', ')}`)
  return [
    {
      name: 'journal_save_ms',
      value: round(median(times), 2),
      unit: 'ms',
      target: 5,
      note: `median of ${times.length} saves over the bridge, after ${WARM_UP_SAVES}`
    },
    {
      name: 'journal_first_save_ms',
      value: round(all[0], 1),
      unit: 'ms',
      note: 'the first save after the harness started: cold code, one save'
    }
  ]
}

/** Today → Insights (range "all"), timed until the view's "every chart drawn" mark. */
/** One open of Insights (range "all") from Today: ms until the first screen is drawn, and until every chart is. */
async function openInsightsAll(page, beforeOpen = async () => {}) {
  await page.evaluate(() => (globalThis.location.hash = '#/today'))
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasText: /Good (morning|afternoon|evening)/ })
    .waitFor()
  await beforeOpen()
  const started = await page.evaluate((mark) => {
    performance.clearMarks(mark)
    const t0 = performance.now()
    globalThis.location.hash = '#/insights?range=all'
    return t0
  }, DRAWN_MARK)
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, DRAWN_MARK, { timeout: 30_000, polling: 'raf' })
  const drawnAt = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, DRAWN_MARK)
  // Charts below the first screen draw afterwards (when idle, or when scrolled near): until data-drawn says all have.
  const allDrawnAt = await page
    .waitForFunction(() => (globalThis.document.querySelector('section.insights[data-drawn="true"]') ? performance.now() : 0), null, {
      timeout: 30_000,
      polling: 'raf'
    })
    .then((handle) => handle.jsonValue())
  return { firstScreen: drawnAt - started, allCharts: allDrawnAt - started }
}

async function insightsAll(ctx, page) {
  const times = []
  const complete = []
  for (let run = 0; run <= ctx.runs; run++) {
    const open = await openInsightsAll(page)
    // The first visit also fetches and compiles the Insights code and makes its charts: logged, left out of the median.
    if (run === 0) ctx.log(`insights "all", first visit: ${open.firstScreen.toFixed(1)} ms`)
    else {
      times.push(open.firstScreen)
      complete.push(open.allCharts)
    }
  }
  const points = await page.evaluate(() => globalThis.document.querySelectorAll('[data-testid="chart-heatmap"] .heatmap__cell').length)
  ctx.log(`insights "all" (ms): ${times.map((t) => t.toFixed(1)).join(', ')}; heatmap cells: ${points}`)
  ctx.log(`insights "all", every chart drawn (ms): ${complete.map((t) => t.toFixed(1)).join(', ')}`)
  return [
    {
      name: 'insights_all_ms',
      value: round(median(times), 1),
      unit: 'ms',
      target: 50,
      note: `median of ${times.length} opens, 10 years, after the first; the first screen drawn`
    },
    {
      name: 'insights_all_charts_ms',
      value: round(median(complete), 1),
      unit: 'ms',
      note: 'the same opens, until the charts below the first screen have drawn too (in idle time)'
    }
  ]
}

/**
 * The same opens, each after a save of last night's entry (its severity changed) while on Today, as after
 * logging a night: the main process computes Insights anew and the kept charts draw the new values.
 */
async function insightsAfterSave(ctx, page, harness) {
  const { id, entry } = await lastNightEntry(harness)
  const times = []
  for (let run = 0; run < ctx.runs; run++) {
    const severity = (entry.severity + 1 + run) % 11
    const open = await openInsightsAll(page, () => harness.invoke('journal.update', { id, entry: { ...entry, severity } }))
    times.push(open.firstScreen)
  }
  await harness.invoke('journal.update', { id, entry }) // leave it as seeded
  ctx.log(`insights "all" after a save (ms): ${times.map((t) => t.toFixed(1)).join(', ')}`)
  return {
    name: 'insights_all_after_save_ms',
    value: round(median(times), 1),
    unit: 'ms',
    note: `median of ${times.length} opens, each right after a journal save: computed anew, charts updated`
  }
}

/** Visits every view, lets it settle, collects garbage and reads the JS heap in use. */
async function heapAfterViews(ctx, page) {
  for (const view of VIEWS) {
    await page.evaluate((hash) => (globalThis.location.hash = `#/${hash}`), view)
    await page.waitForFunction((name) => globalThis.location.hash.startsWith(`#/${name.split('?')[0]}`), view)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.waitForTimeout(300)
  }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  const mb = usedSize / (1024 * 1024)
  ctx.log(`renderer heap after ${VIEWS.length} views: ${mb.toFixed(1)} MB`)
  return { name: 'heap_mb_after_views', value: round(mb, 1), unit: 'MB', target: 30, note: `after ${VIEWS.join(', ')}; GC first` }
}

function withoutKeys(object, keys) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)))
}
