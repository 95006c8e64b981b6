// article_search_ms: the article service's search (the same code the app runs,
// built for Node), median over a fixed list of queries, on the seeded library.
// article_open_ms: in Chromium through the harness, from asking for the
// longest article in the library to its text being rendered and sanitized
// on the page (the reading view's "stillwell:article-rendered" mark).
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { launchBrowser } from '../lib/browser.mjs'
import { isStopping, onCleanup, removeOnCleanup } from '../lib/cleanup.mjs'
import { BENCH_DIR, REPO_DIR, RESULTS_DIR } from '../lib/paths.mjs'
import { median, round } from '../lib/stats.mjs'

/** What people type: whole words, phrases, and words still being typed. */
export const SEARCH_QUERIES = [
  'iron',
  'magnesium',
  'ferritin',
  'transferrin saturation',
  'caffeine',
  'augmentation',
  'pregnancy',
  'kidney disease',
  'wind-down routine',
  'leg cramps',
  'doctor',
  'magnes',
  'gabapentin',
  'restless legs at night',
  'spinach lentils',
  'qqqzzz'
]

const RENDERED_MARK = 'stillwell:article-rendered'

async function loadArticleService() {
  const outDir = join(RESULTS_DIR, 'article-service')
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(BENCH_DIR, 'lib/article-service.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'article-service.mjs' } }
    }
  })
  return import(pathToFileURL(join(outDir, 'article-service.mjs')).href)
}

export const articleSearch = {
  name: 'article-search',
  async run(ctx) {
    const { openDatabase, createKeyValueStore, createArticleService } = await loadArticleService()
    // A copy of its own: the service is opened beside the harness, never on the same file.
    const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-articles-'))
    removeOnCleanup(dataDir)
    cpSync(ctx.seeded.dir, dataDir, { recursive: true })
    const opened = openDatabase({ dataDir })
    const close = onCleanup('close article database', () => opened.db.close())
    try {
      const clock = { now: () => new Date(), zone: () => 'UTC' }
      const service = createArticleService({
        db: opened.db,
        clock,
        keyValue: createKeyValueStore(opened.db),
        resourcesDir: join(REPO_DIR, 'resources')
      })
      const library = service.list().articles
      for (const query of SEARCH_QUERIES) service.search(query) // warm the page cache and statements
      const times = []
      let hits = 0
      for (let run = 0; run < ctx.runs; run++) {
        for (const query of SEARCH_QUERIES) {
          const t0 = performance.now()
          hits += service.search(query).length
          times.push(performance.now() - t0)
        }
      }
      ctx.log(
        `article search: ${library.length} articles, ${SEARCH_QUERIES.length} queries × ${ctx.runs} runs, ${hits / ctx.runs} hits per round`
      )
      return [
        {
          name: 'article_search_ms',
          value: round(median(times), 3),
          unit: 'ms',
          target: 5,
          note: `median of ${times.length} searches (${SEARCH_QUERIES.length} queries), ${library.length} articles`
        }
      ]
    } finally {
      await close()
    }
  }
}

export const articleOpen = {
  name: 'article-open',
  async run(ctx) {
    const { url, invoke } = await ctx.harness()
    const { articles } = await invoke('articles.list')
    const longest = articles.reduce((a, b) => (b.wordCount > a.wordCount ? b : a))
    const { browser, close: closeBrowser } = await launchBrowser('article-open')
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      const times = []
      // One discarded opening loads the reading view's code; then each run opens the article afresh from the library.
      for (let run = -1; run < ctx.runs; run++) {
        if (isStopping()) throw new Error('the bench is stopping')
        await page.goto(`${url}/#/reader`)
        await page.locator('[data-testid^="article-card-"]').first().waitFor()
        const elapsed = await page.evaluate(
          ({ slug, mark }) =>
            new Promise((resolve, reject) => {
              performance.clearMarks(mark)
              const observer = new PerformanceObserver((list) => {
                const entry = list.getEntriesByName(mark)[0]
                if (entry) {
                  observer.disconnect()
                  resolve(entry.startTime - t0)
                }
              })
              observer.observe({ entryTypes: ['mark'] })
              setTimeout(() => reject(new Error(`${slug} was not rendered within 20 s`)), 20_000)
              const t0 = performance.now()
              globalThis.location.hash = `#/reader/${slug}`
            }),
          { slug: longest.slug, mark: RENDERED_MARK }
        )
        if (run >= 0) times.push(elapsed)
      }
      ctx.log(`article open (${longest.slug}, ${longest.wordCount} words), ms: ${times.map((t) => t.toFixed(1)).join(', ')}`)
      return [
        {
          name: 'article_open_ms',
          value: round(median(times), 1),
          unit: 'ms',
          target: 100,
          note: `median of ${times.length}; ${longest.wordCount}-word "${longest.title.slice(0, 40)}"`
        }
      ]
    } finally {
      await closeBrowser()
    }
  }
}
