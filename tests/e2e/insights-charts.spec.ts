import type { Page } from '@playwright/test'
import { night } from '../support/journal'
import { completeFirstRun, expect, expectAccessible, invoke, screenshot, test } from './fixtures'

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' })

/** Opens Insights from the navigation and waits until every chart has drawn. */
async function openInsights(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Insights' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible()
  await expect(page.locator('section.insights')).toHaveAttribute('data-drawn', 'true')
}

/** The severity chart's canvas: its pixels, and whether it is the very element marked by `markSeverityCanvas`. */
async function severityCanvas(page: Page): Promise<{ pixels: string; marked: boolean; width: number }> {
  return page
    .getByTestId('chart-severity')
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement & { testMark?: boolean }) => ({
      pixels: canvas.toDataURL(),
      marked: canvas.testMark === true,
      width: canvas.getBoundingClientRect().width
    }))
}

async function markSeverityCanvas(page: Page): Promise<void> {
  await page
    .getByTestId('chart-severity')
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement & { testMark?: boolean }) => (canvas.testMark = true))
}

test('Insights keeps its charts between visits and redraws them when the nights, the colours or the window changed', async ({
  page,
  harness,
  clock
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Noor', bedtime: '22:30' })
  const lastNight = clock.daysAgo(1)
  for (let i = 1; i <= 6; i++) await invoke(page, 'journal.create', night(clock.daysAgo(i), { severity: (i * 3) % 10 }))
  await page.goto(`${harness.url}/#/insights?range=2w`)
  await expect(page.locator('section.insights')).toHaveAttribute('data-drawn', 'true')
  await markSeverityCanvas(page)
  const first = await severityCanvas(page)

  // Away and back with nothing changed: the same chart, as it was, no new one.
  await nav(page).getByRole('link', { name: 'Today' }).click()
  await expect(page.getByTestId('chart-severity')).toHaveCount(0)
  await openInsights(page)
  expect(await severityCanvas(page)).toEqual(first)

  // Last night's severity changed elsewhere: the kept chart draws the new value.
  await nav(page).getByRole('link', { name: 'Journal' }).click()
  const entry = (await invoke(page, 'journal.glance')) as { lastNight: { id: number } }
  await invoke(page, 'journal.update', { id: entry.lastNight.id, entry: night(lastNight, { severity: 10 }) })
  await openInsights(page)
  await expect(page.getByTestId('chart-severity').locator('[data-role="summary"]')).toContainText('Highest 10')
  const edited = await severityCanvas(page)
  expect(edited.marked).toBe(true)
  expect(edited.pixels).not.toBe(first.pixels)

  // The system turned dark while Insights was closed: drawn again in the dark palette.
  await nav(page).getByRole('link', { name: 'Today' }).click()
  await page.emulateMedia({ colorScheme: 'dark' })
  await openInsights(page)
  const dark = await severityCanvas(page)
  expect(dark.pixels).not.toBe(edited.pixels)
  await expectAccessible(page, 'insights, charts kept (dark)')
  await screenshot(page, 'insights-kept-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('section.insights')).toHaveAttribute('data-drawn', 'true')
  await screenshot(page, 'insights-kept-light')

  // A narrower window while away: the kept chart fits its new place.
  await nav(page).getByRole('link', { name: 'Today' }).click()
  await page.setViewportSize({ width: 900, height: 800 })
  await openInsights(page)
  await expect.poll(async () => (await severityCanvas(page)).width).toBeLessThan(first.width)
  const card = await page.getByTestId('chart-severity').boundingBox()
  expect((await severityCanvas(page)).width).toBeLessThanOrEqual(card!.width)
  await expectAccessible(page, 'insights, charts kept')
})
