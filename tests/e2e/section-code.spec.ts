import { completeFirstRun, expect, test } from './fixtures'

const SECTIONS = ['Journal', 'Insights', 'Planner', 'Wind-down', 'Reader', 'Experiments', 'Settings'] as const
/** The section code loaded ahead of a first visit (router.ts, PREFETCH_ORDER), by chunk name. */
const CHUNKS = [
  'JournalView',
  'InsightsView',
  'PlannerView',
  'WindDownView',
  'ReaderView',
  'SettingsView',
  'ExperimentsView',
  'ReportView',
  'ArticleView',
  'SleepImportView'
]

test('once Today has its answers, the other sections load in idle time, so opening one for the first time downloads no code', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ada', bedtime: '22:30' })

  // In the order the page saw them: the bridge's answers and every script or stylesheet asked for.
  const events: string[] = []
  page.on('request', (request) => {
    if (['script', 'stylesheet'].includes(request.resourceType())) events.push(`code ${new URL(request.url()).pathname}`)
  })
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('/bridge/invoke')) events.push('answer')
  })
  // Today's first answers are held back, as on a slow disk: no section code may load while they are on their way.
  let holding!: () => void
  let release!: () => void
  const held = new Promise<void>((resolve) => (holding = resolve))
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/bridge/invoke', async (route) => {
    if (route.request().postData()?.includes('journal.glance')) {
      holding()
      await released
    }
    await route.fallback()
  })
  const loaded = Promise.all(CHUNKS.map((chunk) => page.waitForResponse(new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`))))
  await page.reload()
  await held
  // Two idle moments pass in the page while the answers wait: the code loader had its chance to start.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))))
  // What the page before the reload was still loading came before the new page's entry script.
  const entry = events.findIndex((event) => /^code \/assets\/index-[\w-]+\.js$/.test(event))
  expect(entry).toBeGreaterThanOrEqual(0)
  expect(events.filter((event, i) => i > entry && /^code .*\.js$/.test(event))).toEqual([])
  release()
  await expect(page.getByTestId('today-bedtime')).toHaveText('22:30')
  await expect(page.getByTestId('last-night-tile')).toContainText('Not logged yet')
  // Nobody opened a section: each one's code arrives anyway, once the answers are in.
  await loaded
  const firstAnswer = events.findIndex((event, i) => i > entry && event === 'answer')
  const firstSectionScript = events.findIndex((event, i) => i > entry && /^code .*\.js$/.test(event))
  expect(firstAnswer).toBeGreaterThan(entry)
  expect(firstSectionScript).toBeGreaterThan(firstAnswer)

  // Every section now opens without fetching a script or a stylesheet, and works.
  events.length = 0
  const nav = page.getByRole('navigation', { name: 'Sections' })
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section, exact: true }).click()
    await expect(page).toHaveTitle(`${section} · Stillwell`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
  expect(events.filter((event) => event.startsWith('code '))).toEqual([])
})
