import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

test.use({ locale: 'en-GB' })

const shortDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
/** The journal list offers to edit a night only once it is logged: its button, by name. */
const editNight = (date: string) => ({ name: `Edit ${shortDate.format(new Date(`${date}T00:00:00Z`))}` })

/** Opens the Journal on the month of a night (as a link to that night does). */
async function showNight(page: Page, url: string, date: string): Promise<void> {
  await page.goto(`${url}/#/journal?night=${date}`)
  await expect(page.locator(`[data-night="${date}"]`)).toBeVisible()
}

async function go(page: Page, section: 'Journal' | 'Planner' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click()
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible()
}

async function logNight(page: Page, date: string, severity: number): Promise<void> {
  await go(page, 'Journal')
  const form = page.locator('form.entry-form')
  // Once last night is logged the form steps back behind "Log another night".
  const another = page.getByRole('button', { name: 'Log another night' })
  await expect(form.or(another)).toBeVisible()
  if (!(await form.isVisible())) await another.click()
  await form.getByLabel('Night of').fill(date)
  await form.getByRole('radio', { name: new RegExp(`^${severity}, `) }).check()
  await form.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByTestId('journal-status')).toContainText('Saved')
}

async function planPumpkinSeeds(page: Page): Promise<void> {
  await go(page, 'Planner')
  await page.getByLabel('Search foods').fill('pumpkin seed')
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /^Pumpkin seeds/ })
    .first()
    .click()
  await page.getByLabel('Amount', { exact: true }).fill('1')
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'oz (28 g)' })
  await page.getByLabel('Meal', { exact: true }).selectOption({ label: 'Breakfast' })
  await page.getByRole('button', { name: 'Add to breakfast' }).click()
  await expect(page.getByRole('region', { name: 'Breakfast', exact: true })).toContainText('Pumpkin seeds')
}

const yourData = (page: Page) => page.getByRole('region', { name: 'Your data' })

test('export everything, delete all, import the file, and the night and the plan are back', async ({
  page,
  harness,
  clock,
  foreignRequests
}) => {
  const night = clock.daysAgo(1)
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })
  await logNight(page, night, 6)
  await planPumpkinSeeds(page)

  await go(page, 'Settings')
  const section = yourData(page)
  const downloading = page.waitForEvent('download')
  await section.getByRole('button', { name: 'Export everything (JSON)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^stillwell-export-\d{4}-\d{2}-\d{2}\.json$/)
  const exportPath = test.info().outputPath('export.json')
  await download.saveAs(exportPath)
  const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as { format: string; tables: Record<string, unknown[]> }
  expect(exported.format).toBe('stillwell-export')
  expect(exported.tables['journal_entries']).toHaveLength(1)
  expect(exported.tables['plan_items']).toHaveLength(1)

  // Delete all: refused until DELETE is typed, then the app starts afresh.
  await section.getByRole('button', { name: 'Delete all my data' }).click()
  await expect(section.getByLabel('Type DELETE to confirm')).toHaveAttribute('aria-invalid', 'true')
  await section.getByLabel('Type DELETE to confirm').fill('DELETE')
  await section.getByRole('button', { name: 'Delete all my data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stillwell' })).toBeVisible()

  await completeFirstRun(page, { name: 'Temporary', bedtime: '23:00' })
  await go(page, 'Journal')
  await expect(page.getByRole('button', editNight(night))).toHaveCount(0)

  await go(page, 'Settings')
  await expect(yourData(page).getByTestId('import-rule')).toContainText('Importing replaces all your data')
  await yourData(page).getByLabel('Stillwell export (JSON)').setInputFiles(exportPath)
  await yourData(page).getByRole('button', { name: 'Back up and replace' }).click()
  await expect(yourData(page).locator('.your-data__status')).toContainText('Imported')

  // The name, the night and the plan are back.
  await go(page, 'Journal')
  await expect(page.getByRole('button', editNight(night))).toBeVisible()
  await go(page, 'Planner')
  await expect(page.getByRole('region', { name: 'Breakfast', exact: true })).toContainText('Pumpkin seeds')
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sam')
  expect(foreignRequests).toEqual([])
})

test('back up now with the keyboard, restore that backup after a restart, accessible in light and dark', async ({
  page,
  harness,
  clock,
  foreignRequests
}) => {
  const night = clock.daysAgo(1)
  const later = clock.daysAgo(2)
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Robin', bedtime: '22:30' })
  await logNight(page, night, 4)
  await go(page, 'Settings')
  const section = yourData(page)
  // The daily backup taken at start is listed.
  await expect(section.getByTestId('backup-row')).toHaveCount(1)
  await expect(section.getByTestId('backup-row').first()).toContainText('Daily')

  const backUp = section.getByRole('button', { name: 'Back up now' })
  await backUp.focus()
  await page.keyboard.press('Enter')
  await expect(section.locator('.your-data__status')).toContainText('Backed up')
  await expect(section.getByTestId('backup-row')).toHaveCount(2)

  await section.getByRole('button', { name: 'Open data folder' }).click()
  await expect(section.getByTestId('folder-note')).toContainText('browser cannot open folders')

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `settings data ${scheme}`)
    await section.scrollIntoViewIfNeeded()
    await screenshot(page, `data-settings-${scheme}`)
    await section.screenshot({ path: join('test-results', 'screenshots', `data-section-${scheme}.png`) })
  }

  // A night logged after the backup is gone once the backup is restored.
  await logNight(page, later, 8)
  await showNight(page, harness.url, later)
  await expect(page.getByRole('button', editNight(later))).toBeVisible()
  await go(page, 'Settings')
  const manual = yourData(page).getByTestId('backup-row').filter({ hasText: 'You asked for it' })
  await manual.getByRole('button', { name: /^Restore the backup from / }).click()
  await yourData(page).getByRole('button', { name: 'Back up and restore' }).click()
  await expect(yourData(page).getByTestId('restore-pending')).toContainText('Restart Stillwell to finish')

  await harness.restart()
  await page.goto(harness.url)
  await expect(page.getByText('Your backup was restored')).toBeVisible()
  await showNight(page, harness.url, night)
  await expect(page.getByRole('button', editNight(night))).toBeVisible()
  // The later night is gone: opening it offers to log it, not to edit it.
  await page.goto(`${harness.url}/#/journal?night=${later}`)
  await expect(page.locator('form.entry-form').getByLabel('Night of')).toHaveValue(later)
  await expect(page.getByRole('heading', { name: /^Edit the night of/ })).toHaveCount(0)
  await expect(page.getByRole('button', editNight(later))).toHaveCount(0)
  expect(foreignRequests).toEqual([])
})

test('a file too large or not JSON is refused before it is sent anywhere, in the import’s own words', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Kim', bedtime: '22:30' })
  await go(page, 'Settings')
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/bridge/invoke') && (request.postData() ?? '').includes('"data.importJson"')) sent.push(request.url())
  })
  const input = yourData(page).getByLabel('Stillwell export (JSON)')
  const error = yourData(page).locator('#data-import-error')

  // Just over the import's limit: refused from its size alone, before a byte is read.
  // In a folder of its own with an ASCII path: this test's output folder is named after its title, whose
  // apostrophe Chromium cannot turn into a file path when the system has no UTF-8 locale (LANG unset).
  const folder = mkdtempSync(join(tmpdir(), 'stillwell-e2e-'))
  const huge = join(folder, 'huge.json')
  writeFileSync(huge, Buffer.alloc(33 * 1024 * 1024, 0x20))
  await input.setInputFiles(huge)
  await expect(error).toContainText('That file is too large to be a Stillwell export')
  await expect(error).toContainText('Nothing was imported.')
  await expect(yourData(page).getByRole('button', { name: 'Back up and replace' })).toHaveCount(0)

  // A picture with a .json name: refused from its first bytes.
  await input.setInputFiles({
    name: 'holiday.json',
    mimeType: 'application/json',
    buffer: readFileSync(join(__dirname, '..', '..', 'resources', 'icon.png'))
  })
  await expect(error).toContainText('That file is not a Stillwell export (it is not valid JSON). Nothing was imported.')
  await expect(yourData(page).getByRole('button', { name: 'Back up and replace' })).toHaveCount(0)
  expect(sent).toEqual([])
  rmSync(folder, { recursive: true, force: true })
})
