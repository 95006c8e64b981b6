import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

/** 'YYYY-MM-DD' plus days, on the calendar (no time zone involved). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const shortDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
function formatNight(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return longDate.format(new Date(Date.UTC(y, m - 1, d)))
}
function formatShort(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return shortDate.format(new Date(Date.UTC(y, m - 1, d)))
}

const monthTitle = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * Pages the Journal's month list to the month of a night, as a person would
 * with "Previous month" and "Next month": near the start of a month, the
 * nights of a test can fall in two months.
 */
async function showMonthOf(page: Page, date: string): Promise<void> {
  const heading = page.locator('#journal-month-title')
  const wanted = monthTitle.format(new Date(`${date}T00:00:00Z`))
  await expect(heading).toHaveText(/ \d{4}$/)
  for (let step = 0; step < 24; step++) {
    const shown = (await heading.textContent())!.trim()
    if (shown === wanted) break
    const later = Date.parse(`1 ${shown} UTC`) > Date.parse(`${date}T00:00:00Z`)
    await page.getByRole('button', { name: later ? 'Previous month' : 'Next month' }).click()
    await expect(heading).not.toHaveText(shown)
  }
  await expect(heading).toHaveText(wanted)
}

async function openJournal(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journal' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible()
}

/** Fills the quick log's visible part and saves with the button. */
async function logNight(
  page: Page,
  night: { date?: string; severity: number; inBed?: string; wake?: string; caffeineAt?: string }
): Promise<void> {
  const form = page.locator('form.entry-form')
  if (night.date) await form.getByLabel('Night of').fill(night.date)
  await form.getByRole('radio', { name: new RegExp(`^${night.severity}, `) }).check()
  if (night.inBed) await form.getByLabel('Into bed').fill(night.inBed)
  if (night.wake) await form.getByLabel('Final wake-up').fill(night.wake)
  if (night.caffeineAt) {
    await form.getByText('Caffeine, alcohol, exercise, supplements, medications', { exact: true }).click()
    await form.getByLabel('Caffeinated drinks').fill('2')
    await form.getByLabel('Last one at', { exact: true }).fill(night.caffeineAt)
  }
  await form.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByTestId('journal-status')).toContainText('Saved')
}

test('log three nights, see them on Insights, edit one, delete and undo, and export them as CSV', async ({
  page,
  harness,
  foreignRequests
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Robin', bedtime: '22:45' })

  // Today starts calm: nothing logged, a way to start.
  await expect(page.getByTestId('last-night-tile')).toContainText('Not logged yet')
  await openJournal(page)
  await expect(page.getByRole('heading', { name: 'Log a night' })).toBeVisible()
  const lastNight = await page.getByLabel('Night of').inputValue()
  const nights = [lastNight, addDays(lastNight, -1), addDays(lastNight, -3)]
  const missing = addDays(lastNight, -2)

  await logNight(page, { severity: 6, inBed: '23:00', wake: '06:30', caffeineAt: '16:30' })
  await expect(page.getByRole('heading', { name: 'Last night is logged' })).toBeVisible()
  await page.getByRole('button', { name: 'Log another night' }).click()
  await logNight(page, { date: nights[1], severity: 3 })
  await page.getByRole('button', { name: 'Log another night' }).click()
  await logNight(page, { date: nights[2], severity: 8 })

  // The list shows the gap as "not logged", with a way to add it.
  await showMonthOf(page, missing)
  const skipped = page.locator(`[data-night="${missing}"]`)
  await expect(skipped).toContainText('Not logged')
  await expect(skipped.getByRole('button', { name: `Log ${formatShort(missing)}` })).toBeVisible()
  await showMonthOf(page, nights[0]!)
  await expect(page.locator(`[data-night="${nights[0]}"]`)).toContainText('6/10 · Moderate')
  await expectAccessible(page, 'journal with entries')
  await screenshot(page, 'journal-entries-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'journal with entries (dark)')
  await screenshot(page, 'journal-entries-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Insights for two weeks (the later nights started from the first one's values, caffeine included): three logged nights in the accessible summary and the data table.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Insights' }).click()
  await page.getByRole('radio', { name: '2 weeks' }).check()
  await expect(page.getByTestId('insights-status')).toContainText('3 of 14 nights logged')
  const severity = page.getByTestId('chart-severity')
  await expect(severity.locator('[data-role="summary"]')).toContainText('Average severity 5.7 out of 10')
  await severity.getByRole('button', { name: 'Show data table' }).click()
  const table = severity.getByRole('table')
  await expect(table.getByRole('row', { name: new RegExp(`^${formatNight(nights[0]!)} 6 `) })).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(`^${formatNight(nights[2]!)} 8 `) })).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(`^${formatNight(missing)} Not logged`) })).toBeVisible()
  await expect(page.locator('section.insights')).toHaveAttribute('data-drawn', 'true')
  await expect(page.getByTestId('factor-comparison')).toContainText('Not enough data yet: 3 nights with caffeine after 14:00 and 0 without')
  await expectAccessible(page, 'insights')
  await screenshot(page, 'insights-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'insights (dark)')
  await screenshot(page, 'insights-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Edit one night; Insights follows.
  await openJournal(page)
  await showMonthOf(page, nights[2]!)
  await page.getByRole('button', { name: `Edit ${formatShort(nights[2]!)}` }).click()
  await expect(page.getByRole('heading', { name: `Edit the night of ${formatNight(nights[2]!)}` })).toBeVisible()
  await page.locator('form.entry-form').getByRole('radio', { name: /^2, / }).check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('journal-status')).toContainText(`Saved your changes to ${formatNight(nights[2]!)}`)
  await expect(page.locator(`[data-night="${nights[2]}"]`)).toContainText('2/10')

  // Delete one, then undo: it comes back as it was.
  await showMonthOf(page, nights[1]!)
  await page.getByRole('button', { name: `Delete ${formatShort(nights[1]!)}` }).click()
  await expect(page.getByTestId('journal-status')).toContainText(`Deleted ${formatNight(nights[1]!)}`)
  await expect(page.locator(`[data-night="${nights[1]}"]`)).toContainText('Not logged')
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('journal-status')).toContainText(`Brought back ${formatNight(nights[1]!)}`)
  await expect(page.locator(`[data-night="${nights[1]}"]`)).toContainText('3/10')

  // Export: a real CSV download with a header and one row per night, oldest first.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^stillwell-journal-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n')
  expect(csv).toHaveLength(4)
  expect(csv[0]!.startsWith('evening_date,time_zone,severity_0_10,')).toBe(true)
  expect(csv.slice(1).map((row) => row.split(',').slice(0, 1).concat(row.split(',')[2]!))).toEqual([
    [nights[2], '2'],
    [nights[1], '3'],
    [nights[0], '6']
  ])

  // Insights shows the edited value.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Insights' }).click()
  await page.getByRole('radio', { name: '2 weeks' }).check()
  await page.getByTestId('chart-severity').getByRole('button', { name: 'Show data table' }).click()
  await expect(page.getByTestId('chart-severity').getByRole('row', { name: new RegExp(`^${formatNight(nights[2]!)} 2 `) })).toBeVisible()

  // Today: last night at a glance, with the trend in words.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click()
  await expect(page.getByTestId('last-night-severity')).toHaveText('6')
  await expect(page.getByTestId('last-night-trend')).toContainText('3 nights logged')
  await expectAccessible(page, 'today with a night')
  await screenshot(page, 'today-journal-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'today with a night (dark)')
  await screenshot(page, 'today-journal-dark')

  expect(foreignRequests).toEqual([])
})

test('last night can be logged with the keyboard alone, saving with Enter', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Kim', bedtime: '23:00' })
  await page.goto(`${harness.url}/#/journal`)
  await expect(page.getByRole('heading', { name: 'Log a night' })).toBeVisible()
  // Every section of the form open, for the accessibility scan and a look in both themes.
  for (const section of await page.locator('details.entry-form__more > summary').all()) await section.click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `quick log, all sections open (${scheme})`)
    await screenshot(page, `journal-form-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  for (const section of await page.locator('details.entry-form__more > summary').all()) await section.click()

  // Tab from the top of the page to the severity scale, pick 4 with the arrow keys, press Enter.
  const four = page.getByRole('radio', { name: '4, Moderate' })
  const first = page.getByRole('radio', { name: '0, None' })
  for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(first).toBeFocused()
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
  await expect(four).toBeChecked()
  await expect(four).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('journal-status')).toContainText('Saved')
  await expect(page.getByRole('heading', { name: 'Last night is logged' })).toBeVisible()
  await expect(page.locator('.journal__done')).toContainText('4/10 · Moderate')
})

test('in a narrow window, a section title of the night form that wraps stays to the right of its open/close marker', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Kim', bedtime: '23:00' })
  await page.setViewportSize({ width: 760, height: 900 })
  await page.goto(`${harness.url}/#/journal`)
  await expect(page.getByRole('heading', { name: 'Log a night' })).toBeVisible()
  const summaries = page.locator('details.entry-form__more > summary')
  await expect(summaries).toHaveCount(4)
  const layout = await summaries.evaluateAll((elements) =>
    elements.map((summary) => {
      const range = document.createRange()
      range.selectNodeContents(summary)
      const lines = [...range.getClientRects()].filter((r) => r.width > 0)
      return {
        text: summary.textContent?.trim().slice(0, 30),
        lines: new Set(lines.map((r) => Math.round(r.top))).size,
        textLeft: Math.min(...lines.map((r) => r.left)) - summary.getBoundingClientRect().left
      }
    })
  )
  // At this width the factors' title and its values take more than one line: the case this is about.
  expect(Math.max(...layout.map((s) => s.lines))).toBeGreaterThan(1)
  // No line of any title starts in the marker's column (1rem and a gap at the left).
  for (const summary of layout) expect(summary.textLeft, summary.text).toBeGreaterThan(16)
})

test('a second entry for a night offers to edit the saved one; bad times are explained next to the field', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ali', bedtime: '22:30' })
  await openJournal(page)
  const lastNight = await page.getByLabel('Night of').inputValue()

  // Wake time before the time you tried to sleep, on the same evening: nothing is saved.
  await page.getByRole('radio', { name: /^5, / }).check()
  await page.getByLabel('Tried to sleep').fill('23:00')
  await page.getByLabel('Final wake-up').fill('22:00')
  await page.getByRole('button', { name: 'Save night' }).click()
  const wake = page.getByLabel('Final wake-up')
  await expect(wake).toHaveAttribute('aria-invalid', 'true')
  await expect(wake).toBeFocused()
  await expect(page.getByText('Final wake time is before the time you tried to sleep.')).toBeVisible()
  await expectAccessible(page, 'journal form with an error')
  await wake.fill('06:40')
  await wake.press('Enter')
  await expect(page.getByTestId('journal-status')).toContainText(`Saved ${formatNight(lastNight)}`)

  // The same night again.
  await page.getByRole('button', { name: 'Log another night' }).click()
  await page.getByLabel('Night of').fill(lastNight)
  await page.getByRole('radio', { name: /^7, / }).check()
  await page.getByRole('button', { name: 'Save night' }).click()
  await expect(page.getByRole('alert')).toContainText('You already logged this night — edit it instead?')
  await page.getByRole('button', { name: 'Edit the saved entry' }).click()
  await expect(page.getByRole('heading', { name: `Edit the night of ${formatNight(lastNight)}` })).toBeVisible()
  await expect(page.getByRole('radio', { name: /^5, / })).toBeChecked()
})
