import type { Page } from '@playwright/test'
import type { NightEntry } from '../../src/shared/contract'
import { night } from '../support/journal'
import { completeFirstRun, expect, expectAccessible, invoke, test } from './fixtures'

test.use({ locale: 'en-GB' })

/** 'YYYY-MM-DD' in the page's own time zone, `daysAgo` days before today. */
async function localDay(page: Page, daysAgo: number): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date()
    d.setDate(d.getDate() - n)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }, daysAgo)
}

/** A night with the given supplement magnesium (citrate when there is any). */
function nightWith(eveningDate: string, magnesiumMg: number): NightEntry {
  return night(eveningDate, {
    sleep: { awakenings: 1, wasoMinutes: 30 },
    factors: { magnesiumMg, magnesiumForm: magnesiumMg > 0 ? 'citrate' : null }
  })
}

async function shoot(target: ReturnType<Page['getByTestId']>, name: string): Promise<void> {
  await target.screenshot({ path: `test-results/screenshots/${name}.png` })
}

test('Insights stacks food and supplement magnesium against the target, with the supplement limit as its own line', async ({
  page,
  harness,
  foreignRequests
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ari', bedtime: '22:30' })
  // Ten nights: supplements on most, one above the 350 mg limit; planned meals on each day.
  for (let i = 1; i <= 10; i++) {
    const day = await localDay(page, i)
    await invoke(page, 'journal.create', nightWith(day, i === 3 ? 400 : i % 4 === 0 ? 0 : 200))
    await invoke(page, 'planner.addItem', { day, meal: 'breakfast', foodId: '08120', amount: 60 + i * 5, unit: { kind: 'g' } })
    await invoke(page, 'planner.addItem', { day, meal: 'dinner', foodId: '11458', amount: 180, unit: { kind: 'g' } })
  }
  await page.goto(`${harness.url}/#/insights?range=2w`)
  await expect(page.locator('section.insights')).toHaveAttribute('data-drawn', 'true')
  const card = page.getByTestId('chart-magnesium')
  await expect(card.getByRole('heading')).toHaveText('Magnesium: food, supplements and your daily target')
  const summary = card.locator('[data-role="summary"]')
  await expect(summary).toContainText('It counts food and supplements together, and is mainly met from food.')
  await expect(summary).toContainText('Planned meals are stacked on top of supplements.')
  await expect(summary).toContainText('Supplements have their own upper limit of 350 mg a day')
  await expect(summary).toContainText('On 1 night supplements were above 350 mg')
  await card.getByRole('button', { name: 'Show data table' }).click()
  await expect(card.getByRole('columnheader', { name: 'Supplement upper limit (mg)' })).toBeVisible()
  await expectAccessible(page, 'insights with the magnesium chart')
  await shoot(card, 'guidance-magnesium-chart-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('section.insights')).toHaveAttribute('data-drawn', 'true')
  await expectAccessible(page, 'insights with the magnesium chart (dark)')
  await shoot(card, 'guidance-magnesium-chart-dark')
  expect(foreignRequests).toEqual([])
})

test('close the gap offers ordinary portions in kitchen measures, per meal, by keyboard', async ({ page, harness, foreignRequests }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ari', bedtime: '22:30' })
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Planner' }).click()
  const gap = page.getByRole('region', { name: 'Close the gap' })
  await expect(gap).toContainText('Nothing is planned yet. Each of these, in an ordinary portion, covers part of the day’s magnesium target')
  // Kitchen measures beside the grams, e.g. "30 g hemp seeds (3 tbsp)".
  await expect(gap.getByRole('listitem').first()).toContainText(/^\d+ g .+ \(.+\): \+\d+ mg/)
  for (const meal of ['Breakfast', 'Lunch', 'Dinner', 'Snacks']) {
    await gap.getByLabel('Add to').selectOption({ label: meal })
    const items = await gap.getByRole('listitem').allTextContents()
    expect(items.length, meal).toBeGreaterThan(0)
    for (const item of items) {
      const grams = Number(/^(\d+) g /.exec(item.trim())?.[1])
      expect(grams, item).toBeLessThanOrEqual(250)
      if (/brazil/i.test(item)) expect(grams, item).toBeLessThanOrEqual(10)
      if (/cocoa|chocolate/i.test(item)) expect(['Breakfast', 'Lunch'], item).toContain(meal)
    }
  }
  // Keyboard only: choose a meal and add the first suggestion.
  await gap.getByLabel('Add to').focus()
  await gap.getByLabel('Add to').selectOption({ label: 'Lunch' })
  await page.keyboard.press('Tab')
  await expect(gap.getByRole('button', { name: /^Add / }).first()).toBeFocused()
  await expectAccessible(page, 'planner with suggestions')
  await gap.screenshot({ path: 'test-results/screenshots/guidance-suggestions-light.png' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'planner with suggestions (dark)')
  await gap.screenshot({ path: 'test-results/screenshots/guidance-suggestions-dark.png' })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Lunch', exact: true })).toContainText(/g|cup|tbsp/)
  expect(foreignRequests).toEqual([])
})
