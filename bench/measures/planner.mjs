// Planner figures, measured in-process on the real services (bundled from
// src/ by bench/lib/services-bundle.mjs) over a copy of the seeded data folder:
//   food_search_p50_ms, food_search_p95_ms  foods.search service time over the 200
//                        queries in food-queries.mjs, full USDA database plus the user's
//                        foods, usage counts from 10 years of plans; one discarded pass,
//                        then --runs passes, percentiles over every call
//   plan_week_totals_ms  planner.week (seven days of items, totals, targets) for each of
//                        the last 52 weeks of the seeded plan; median over all calls
//   food_first_search_ms the first foods.search on a new data folder, right after the
//                        database and services were opened (the shipped catalogue is only
//                        attached); median of 5 fresh folders. Before the catalogue shipped
//                        prebuilt, this call loaded 8,050 foods into the user's database.
//   food_first_search_seeded_ms  the same on fresh copies of the ten-year folder
//   plan_first_item_ms   the first planner.addItem after that first search, new folder
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeOnCleanup } from '../lib/cleanup.mjs'
import { loadServices, servicesOn } from '../lib/services-bundle.mjs'
import { median, round } from '../lib/stats.mjs'
import { FOOD_QUERIES } from './food-queries.mjs'

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  removeOnCleanup(dir)
  return dir
}

function open(lib, dataDir) {
  const opened = lib.openDatabase({ dataDir })
  const services = servicesOn(lib, opened, dataDir)
  return { opened, services }
}

export const planner = {
  name: 'planner',
  async run(ctx) {
    const lib = await loadServices()
    const dataDir = tempDir('stillwell-bench-planner-')
    cpSync(ctx.seeded.dir, dataDir, { recursive: true })
    const { opened, services } = open(lib, dataDir)
    const figures = []
    try {
      // --- search
      const search = (query) => services.foods.search({ query, limit: 25 })
      for (const query of FOOD_QUERIES) search(query) // warm-up: statement caches, JIT, page cache
      const times = []
      let empty = 0
      for (let run = 0; run < ctx.runs; run++) {
        for (const query of FOOD_QUERIES) {
          const t0 = performance.now()
          const { results } = search(query)
          times.push(performance.now() - t0)
          if (run === 0 && results.length === 0) empty++
        }
      }
      ctx.log(`food search: ${times.length} calls, ${empty} queries found nothing, slowest ${Math.max(...times).toFixed(2)} ms`)
      const note = `${FOOD_QUERIES.length} queries × ${ctx.runs}, in-process service time`
      figures.push({ name: 'food_search_p50_ms', value: round(percentile(times, 50), 3), unit: 'ms', note })
      figures.push({ name: 'food_search_p95_ms', value: round(percentile(times, 95), 3), unit: 'ms', target: 5, note })

      // --- week totals
      const weeks = []
      let start = lib.weekStart(ctx.seeded.endDate, 1)
      for (let i = 0; i < 52; i++, start = lib.addDays(start, -7)) weeks.push(start)
      for (const week of weeks) services.planner.week(week) // warm-up
      const weekTimes = []
      let items = 0
      for (let run = 0; run < ctx.runs; run++) {
        for (const week of weeks) {
          const t0 = performance.now()
          const plan = services.planner.week(week)
          weekTimes.push(performance.now() - t0)
          if (run === 0) items += plan.days.reduce((n, d) => n + d.itemCount, 0)
        }
      }
      ctx.log(`week totals: ${weeks.length} weeks, ${(items / weeks.length).toFixed(1)} items a week`)
      figures.push({
        name: 'plan_week_totals_ms',
        value: round(median(weekTimes), 3),
        unit: 'ms',
        note: `planner.week over the last 52 seeded weeks × ${ctx.runs}, median`
      })
    } finally {
      opened.db.close()
    }

    // --- the first search (and plan item) after opening, on fresh folders: nothing may wait for the catalogue
    const firstSearch = (dir) => {
      const { opened: fresh, services: s } = open(lib, dir)
      try {
        const t0 = performance.now()
        const { results } = s.foods.search({ query: 'pumpkin seeds', limit: 25 })
        const searchMs = performance.now() - t0
        if (results.length === 0) throw new Error('the first food search found nothing: is the catalogue attached?')
        const t1 = performance.now()
        s.planner.addItem({ day: ctx.seeded.endDate, meal: 'snacks', foodId: results[0].id, amount: 28, unit: { kind: 'g' } })
        return { searchMs, addMs: performance.now() - t1 }
      } finally {
        fresh.db.close()
      }
    }
    const fresh = []
    const seeded = []
    for (let i = 0; i < 5; i++) fresh.push(firstSearch(tempDir('stillwell-bench-first-')))
    for (let i = 0; i < 3; i++) {
      const dir = tempDir('stillwell-bench-first-seeded-')
      cpSync(ctx.seeded.dir, dir, { recursive: true })
      seeded.push(firstSearch(dir))
    }
    ctx.log(
      `first search, new folder (ms): ${fresh.map((f) => f.searchMs.toFixed(2)).join(', ')}; ten-year folder: ${seeded.map((f) => f.searchMs.toFixed(2)).join(', ')}; first plan item: ${fresh.map((f) => f.addMs.toFixed(2)).join(', ')}`
    )
    const warm = figures.find((f) => f.name === 'food_search_p95_ms')?.value
    figures.push({
      name: 'food_first_search_ms',
      value: round(median(fresh.map((f) => f.searchMs)), 2),
      unit: 'ms',
      target: 5,
      note: `first search on a new data folder, median of 5; warm p95 ${warm} ms`
    })
    figures.push({
      name: 'food_first_search_seeded_ms',
      value: round(median(seeded.map((f) => f.searchMs)), 2),
      unit: 'ms',
      target: 5,
      note: 'first search after opening the ten-year folder, median of 3'
    })
    figures.push({
      name: 'plan_first_item_ms',
      value: round(median(fresh.map((f) => f.addMs)), 2),
      unit: 'ms',
      note: 'first planner.addItem on a new data folder, median of 5'
    })
    return figures
  }
}
