import type { Page } from '@playwright/test'
import { night } from '../support/journal'
import { completeFirstRun, expect, expectAccessible, invoke, screenshot, test } from './fixtures'

/** Seeds the journal through the same bridge the page uses: one night per entry, dated by the page's clock. */
async function seedNights(page: Page, nights: { daysAgo: number; severity: number; alcohol?: number }[]): Promise<string[]> {
  // The page's clock is the tests' clock (fixtures.ts).
  const dates = await page.evaluate(
    (list) =>
      list.map((daysAgo) => {
        const d = new Date()
        d.setDate(d.getDate() - daysAgo)
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
      }),
    nights.map((n) => n.daysAgo)
  )
  for (const [i, n] of nights.entries()) {
    await invoke(
      page,
      'journal.create',
      night(dates[i]!, {
        severity: n.severity,
        sleep: { awakenings: 1, wasoMinutes: 30 },
        factors: { alcoholDrinks: n.alcohol ?? 0, alcoholLast: n.alcohol ? '20:00' : null, medications: ['Pramipexole 0.125 mg'] }
      })
    )
  }
  return dates
}

test('an experiment on seeded nights shows its verdict, the Today question, the journal link and the lab timeline', async ({
  page,
  harness,
  clock,
  foreignRequests
}) => {
  const localDate = clock.daysAgo
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ana', bedtime: '23:00' })
  // 10 baseline nights around 6–7, then 10 trial nights around 3–4, ending last night.
  const nights = Array.from({ length: 20 }, (_, i) => ({ daysAgo: 20 - i, severity: i < 10 ? 6 + (i % 2) : 3 + (i % 2) }))
  await seedNights(page, nights)

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Experiments' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Experiments' })).toBeVisible()
  await expect(page.getByText(/No experiments yet/)).toBeVisible()

  // Keyboard only: open the form, fill it, submit with Enter.
  await page.getByRole('button', { name: 'New experiment' }).focus()
  await page.keyboard.press('Enter')
  await page.getByLabel('The change to test').fill('Magnesium glycinate 200 mg with dinner')
  await page.getByLabel('First night').fill(localDate(20))
  await page.getByLabel('Baseline nights').fill('10')
  await page.getByLabel('Trial nights').fill('14')
  await page.getByLabel('Trial nights').press('Enter')

  const card = page.getByTestId('experiment-card')
  await expect(card.getByText('Running', { exact: true })).toBeVisible()
  await expect(card.getByText('Tonight is night 21 of 24.')).toBeVisible()
  const verdict = card.getByTestId('experiment-verdict')
  await expect(verdict).toContainText('So far: Your symptom severity (0–10) averaged 3.5 in the trial and 6.5 in the baseline')
  await expect(verdict).toContainText('does not show the change was the cause')
  await expect(card).toContainText('10 baseline, 10 trial')
  await expect(card).toContainText(/placebo/)
  await expect(card.getByRole('img', { name: /10 baseline nights \(circles, mean 6.5, dashed line\) and 10 trial nights/ })).toBeVisible()

  // A bad lab entry is explained beside its field; a good one lands on the timeline with the guideline note.
  await page.getByLabel('Test').selectOption('ferritin')
  await page.getByRole('button', { name: 'Add result' }).click()
  await expect(page.locator('#lab-value-error')).toHaveText(/Enter the number/)
  await expect(page.getByLabel('Result')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Date taken').fill(localDate(40))
  await page.getByLabel('Result').fill('38')
  await page.getByRole('button', { name: 'Add result' }).click()
  const table = page.getByTestId('lab-table')
  // Each result is on the timeline before the next is typed, as a person would see it land.
  await expect(page.getByLabel('Result')).toHaveValue('')
  await expect(table.getByText(/Worth discussing with your doctor/)).toHaveCount(1)
  await page.getByLabel('Date taken').fill(localDate(5))
  await page.getByLabel('Result').fill('64')
  await page.getByRole('button', { name: 'Add result' }).click()
  await expect(page.getByLabel('Result')).toHaveValue('')
  await page.getByLabel('Test').selectOption('magnesium')
  await page.getByLabel('Unit').selectOption('mmol/L')
  await page.getByLabel('Result').fill('0.85')
  await page.getByRole('button', { name: 'Add result' }).click()
  await expect(table).toContainText('2.1 mg/dL')
  await expect(table).toContainText('0.85 mmol/L')
  await expect(table.getByText(/Worth discussing with your doctor/)).toHaveCount(2)
  await expect(page.getByRole('img', { name: /Ferritin from 38 ng\/mL/ })).toBeVisible()

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `experiments (${scheme})`)
    await screenshot(page, `experiments-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // Today asks about last night (a trial night), and the answer counts towards adherence.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click()
  const tile = page.getByTestId('today-experiment')
  await expect(tile).toContainText('Night 21 of 24')
  await expect(tile.getByRole('group', { name: /Last night was a trial night/ })).toBeVisible()
  await tile.getByRole('radio', { name: 'Yes' }).check()
  await expect(tile.getByRole('status')).toHaveText('Thanks — noted for the experiment.')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `today with experiment (${scheme})`)
    await screenshot(page, `today-experiment-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // The journal shows which nights belong to the experiment.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journal' }).click()
  await expect(page.locator(`[data-night="${localDate(1)}"]`).getByTestId('night-experiment')).toHaveText(/trial night 20 of 24/)

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Experiments' }).click()
  await expect(page.getByTestId('experiment-card')).toContainText('100 % (1 yes, 0 partly, 0 no)')
  expect(foreignRequests).toEqual([])
})

test('the doctor report has every section, prints to PDF in Chromium and reads well light and dark', async ({
  page,
  harness,
  clock,
  foreignRequests
}) => {
  const localDate = clock.daysAgo
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ana', bedtime: '23:00' })
  await seedNights(
    page,
    Array.from({ length: 40 }, (_, i) => ({ daysAgo: 40 - i, severity: Math.max(0, 7 - Math.floor(i / 6)), alcohol: i % 5 === 0 ? 1 : 0 }))
  )

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Insights' }).click()
  await page.getByRole('link', { name: 'Make a printable report for your doctor' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Doctor report' })).toBeVisible()
  await page.getByRole('button', { name: 'Last 3 months' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'ready' })).toBeVisible()

  for (const section of ['symptoms', 'sleep', 'factors', 'medications', 'intake', 'labs', 'experiments']) {
    await expect(page.locator(`[data-section="${section}"]`)).toBeVisible()
  }
  await expect(page.locator('[data-section="symptoms"]')).toContainText('Severity eased over the period')
  await expect(page.locator('[data-section="medications"]')).toContainText('Pramipexole 0.125 mg')
  await expect(page.getByRole('img', { name: /Nights with symptoms and mean severity per week/ })).toBeVisible()
  // The chart's numbers in a table under it; dates and numbers keep to one line even in a narrow window.
  const weekly = page.getByTestId('report-weekly-table')
  await expect(weekly.getByRole('row', { name: /^\d{4}-\d{2}-\d{2} 7 of 7 \d/ }).first()).toBeVisible()
  await page.setViewportSize({ width: 420, height: 800 })
  const wrapped = await page
    .locator('[data-testid="report-weekly-table"] tbody th, [data-testid="report-weekly-table"] tbody td, .report-page .nowrap')
    .evaluateAll((cells) =>
      cells
        .filter((cell) => {
          const range = document.createRange()
          range.selectNodeContents(cell)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1
        })
        .map((cell) => cell.textContent)
    )
  expect(wrapped).toEqual([])
  await page.setViewportSize({ width: 1180, height: 800 })

  // A reversed period is refused beside the field, and nothing else changes.
  await page.getByLabel('First night').fill(localDate(1))
  await page.getByLabel('Last night').fill(localDate(30))
  await page.getByRole('button', { name: 'Show report' }).click()
  await expect(page.locator('#report-from-error')).toHaveText(/on or before the last night/)
  await page.getByRole('button', { name: 'Last 3 months' }).click()
  await expect(page.locator('#report-from-error')).toHaveCount(0)

  // In the browser, "Save as PDF" points to the browser's own print dialog.
  await page.getByRole('button', { name: 'Save as PDF' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Print → Save as PDF' })).toBeVisible()

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `report (${scheme})`)
    await screenshot(page, `report-${scheme}`)
  }

  // Printing from the dark theme still gives black on white: a summary sheet of its own, then the rest on at most three A4 pages.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await screenshot(page, 'report-print')
  const pdf = await page.pdf({ format: 'A4' })
  const letter = await page.pdf({ format: 'Letter' })
  expect(letter.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(5000)
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
  expect(pages.length).toBeGreaterThanOrEqual(1)
  expect(pages.length).toBeLessThanOrEqual(4)
  expect(foreignRequests).toEqual([])
})
