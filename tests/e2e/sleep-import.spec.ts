import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import yazl from 'yazl'
import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

const FIXTURES = join(__dirname, '..', 'fixtures', 'sleep-import')

/** An Apple Health export.zip around the fixture's export.xml, written to a temporary folder. */
async function appleZip(dir: string): Promise<string> {
  const zip = new yazl.ZipFile()
  zip.addBuffer(readFileSync(join(FIXTURES, 'apple-export.xml')), 'apple_health_export/export.xml')
  zip.end()
  const parts: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on('data', (part: Buffer) => parts.push(part))
    zip.outputStream.on('end', () => resolve())
    zip.outputStream.on('error', reject)
  })
  const path = join(dir, 'export.zip')
  writeFileSync(path, Buffer.concat(parts))
  return path
}

async function go(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click()
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible()
}

async function readFile(page: Page, format: string, zone: string, path: string): Promise<void> {
  await page.getByRole('radio', { name: format }).check()
  await page.getByLabel('Time zone where you slept').selectOption(zone)
  await page.getByLabel('File', { exact: true }).setInputFiles(path)
  await expect(page.getByTestId('import-file-name')).toBeVisible()
  await page.getByRole('button', { name: 'Read the file' }).click()
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 })
}

test('import a Takeout sleep file and an Apple export, review the preview, accept, and compare diary with device', async ({
  page,
  harness,
  foreignRequests
}) => {
  const temp = mkdtempSync(join(tmpdir(), 'stillwell-e2e-sleep-'))
  try {
    await page.goto(harness.url)
    await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })

    // One night typed by hand that the watch will disagree with (dates are fixed in 2024, never "today").
    await go(page, 'Journal')
    const form = page.locator('form.entry-form')
    await form.getByLabel('Night of').fill('2024-03-30')
    await form.getByRole('radio', { name: /^3, / }).check()
    await form.getByLabel('Into bed').fill('21:30')
    await form.getByLabel('Final wake-up').fill('05:30')
    await form.getByRole('button', { name: /^Save/ }).click()
    await expect(page.getByTestId('journal-status')).toContainText('Saved')

    // From the journal to the import page.
    await page.getByRole('link', { name: 'Import its sleep' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Import sleep' })).toBeVisible()

    // A Fitbit sleep file from a Google Takeout folder, worn in Sydney.
    await readFile(page, 'Fitbit (Google Takeout)', 'Australia/Sydney', join(FIXTURES, 'fitbit', 'sleep-2024-04-01.json'))
    const preview = page.getByTestId('import-preview')
    await expect(preview.getByTestId('import-night')).toHaveCount(2)
    await expect(preview.getByTestId('import-counts')).toContainText('2 new nights')
    const dstNight = preview.locator('[data-evening="2024-04-06"]')
    await expect(dstNight).toContainText('From Fitbit (Australia/Sydney)')
    await expect(dstNight).toContainText('1 nap')
    await page.getByTestId('import-apply').click()
    await expect(page.getByTestId('import-status')).toContainText('Imported 2 nights from sleep-2024-04-01.json')
    await expect(page.getByTestId('import-history')).toHaveCount(1)

    // An Apple Health export.zip: one night differs from the diary, the rest are new.
    await readFile(page, 'Apple Health', 'Europe/Berlin', await appleZip(temp))
    await expect(preview.getByTestId('import-counts')).toContainText('1 that differ')
    await expect(preview.getByTestId('import-skipped')).toContainText('1 record: dated in the future')
    const conflict = preview.locator('[data-evening="2024-03-30"]')
    await expect(conflict).toHaveAttribute('data-status', 'conflict')
    const inBedRow = conflict.getByRole('row', { name: /In bed/ })
    await expect(inBedRow).toContainText('21:30')
    await expect(inBedRow).toContainText('23:00')
    await expect(conflict).toContainText('Apple Health · Apple Watch')

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expectAccessible(page, `sleep import preview ${scheme}`)
      await screenshot(page, `sleep-import-preview-${scheme}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })

    // Keep the typed night by default; choose the device's times for it here, with the keyboard.
    const choice = conflict.getByRole('checkbox', { name: 'Use the device’s times for this night instead of mine' })
    await choice.focus()
    await page.keyboard.press('Space')
    await expect(choice).toBeChecked()
    await page.getByTestId('import-apply').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('import-status')).toContainText('your times were replaced on 1 night you chose')
    await expect(page.getByTestId('import-history')).toHaveCount(2)

    // Importing the same file again changes nothing.
    await readFile(page, 'Apple Health', 'Europe/Berlin', join(temp, 'export.zip'))
    await expect(preview.getByTestId('import-counts')).toContainText('4 imported before')
    await page.getByTestId('import-apply').click()
    await expect(page.getByTestId('import-status')).toContainText('Nothing new in this file')
    await expect(page.getByTestId('import-history')).toHaveCount(2)

    // A night not logged yet: opening it in the journal shows what the device recorded, source named.
    await page.goto(`${harness.url.replace(/\/$/, '')}/#/journal?night=2024-04-05`)
    await expect(page.getByTestId('device-night')).toContainText('Apple Health · Connect')
    await expect(page.getByTestId('device-night')).toContainText('in bed 23:00')
    // Fill the night from the device, answer the rest, save: the night is filled.
    await page.getByRole('button', { name: 'Start from the device’s times' }).click()
    const newNight = page.locator('form.entry-form')
    await expect(newNight.getByLabel('Into bed')).toHaveValue('23:00')
    await expect(newNight.getByLabel('Final wake-up')).toHaveValue('06:00')
    await newNight.getByRole('radio', { name: /^2, / }).check()
    await newNight.getByRole('button', { name: /^Save/ }).click()
    await expect(page.getByTestId('journal-status')).toContainText('Saved')
    // The night whose times were replaced now has the device's times in the diary.
    await page.goto(`${harness.url.replace(/\/$/, '')}/#/journal?night=2024-03-30`)
    await expect(page.locator('form.entry-form').getByLabel('Into bed')).toHaveValue('23:00')
    // Insights: the diary and the device side by side for the same nights.
    await go(page, 'Insights')
    await page.getByRole('radio', { name: 'Custom' }).check()
    await page.getByLabel('First night').fill('2024-03-25')
    await page.getByLabel('Last night').fill('2024-04-10')
    await page.getByRole('button', { name: 'Show range' }).click()
    const chart = page.getByTestId('chart-diary-device')
    await expect(chart).toBeVisible()
    await expect(chart).toContainText('nights have device sleep in this range')
    await expect(chart).toContainText('Apple Health · Apple Watch')
    await expect(chart).toContainText('On the 2 nights with both, your diary')
    await chart.getByRole('button', { name: 'Show data table' }).click()
    await expect(chart.getByRole('row', { name: /Mar 30, 2024|30 Mar 2024/ })).toContainText('Apple Health · Apple Watch')
    await chart.scrollIntoViewIfNeeded()
    await screenshot(page, 'sleep-import-insights-light')

    // The doctor report keeps the device's figures apart from the diary's and says which is which.
    await page.goto(`${harness.url.replace(/\/$/, '')}/#/report?from=2024-03-25&to=2024-04-10`)
    const deviceNote = page.getByTestId('report-device-sleep')
    await expect(deviceNote).toContainText('Device-measured sleep (not from the diary)')
    await expect(deviceNote).toContainText('Apple Health · Apple Watch')
    await expect(page.locator('[data-section="sleep"]')).toContainText('Diary: means over logged nights')

    // Undo the Apple import as a whole: the typed night comes back, the chart loses those nights.
    await page.goto(`${harness.url.replace(/\/$/, '')}/#/sleep-import`)
    await page.getByRole('button', { name: /^Undo the import of export\.zip/ }).click()
    await expect(page.getByTestId('import-status')).toContainText('1 of your nights are back as you typed them')
    await expect(page.getByTestId('import-history').filter({ hasText: '(undone)' })).toHaveCount(1)
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  expect(foreignRequests).toEqual([])
})

test('a file that is not an export is refused in words and nothing is imported', async ({ page, harness, foreignRequests }) => {
  const temp = mkdtempSync(join(tmpdir(), 'stillwell-e2e-sleep-'))
  try {
    await page.goto(harness.url)
    await completeFirstRun(page, { name: 'Ari', bedtime: '23:00' })
    await go(page, 'Settings')
    await page.getByRole('link', { name: 'Import sleep' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Import sleep' })).toBeVisible()
    const cut = join(temp, 'export.xml')
    const whole = readFileSync(join(FIXTURES, 'apple-export.xml'))
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)))
    await page.getByRole('radio', { name: 'Apple Health' }).check()
    await page.getByLabel('File', { exact: true }).setInputFiles(cut)
    await expect(page.getByTestId('import-file-name')).toBeVisible()
    await page.getByRole('button', { name: 'Read the file' }).click()
    await expect(page.getByTestId('import-problem')).toContainText('not complete, well-formed XML')
    await expect(page.getByTestId('import-preview')).toHaveCount(0)
    await expect(page.getByText('Nothing imported yet.')).toBeVisible()
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  expect(foreignRequests).toEqual([])
})

test('keyboard only: choose the format, zone and file, read it and import it', async ({ page, harness, foreignRequests }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Kim', bedtime: '23:00' })
  await page.goto(`${harness.url.replace(/\/$/, '')}/#/sleep-import`)
  await expect(page.getByRole('heading', { level: 1, name: 'Import sleep' })).toBeVisible()

  await page.getByRole('radio', { name: 'Apple Health' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: 'Fitbit (Google Takeout)' })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Time zone where you slept')).toBeFocused()
  await page.getByLabel('Time zone where you slept').selectOption('Australia/Sydney')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('File', { exact: true })).toBeFocused()
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Space')
  await (await chooser).setFiles(join(FIXTURES, 'fitbit', 'sleep-2024-03-08.json'))
  await expect(page.getByTestId('import-file-name')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Read the file' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('import-night')).toHaveCount(1)

  // Tab through the preview to the Import button.
  for (let i = 0; i < 30; i++) {
    if (await page.getByTestId('import-apply').evaluate((el) => el === document.activeElement)) break
    await page.keyboard.press('Tab')
  }
  await expect(page.getByTestId('import-apply')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('import-status')).toContainText('Imported 1 night')
  await expect(page.getByRole('button', { name: /^Undo the import of sleep-2024-03-08\.json/ })).toBeVisible()
  await screenshot(page, 'sleep-import-done-light')
  expect(foreignRequests).toEqual([])
})

test('a CSV from another app: map its columns, read it, import it; the mapping is remembered', async ({ page, harness, foreignRequests }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Lee', bedtime: '23:00' })
  await page.goto(`${harness.url.replace(/\/$/, '')}/#/sleep-import`)
  await expect(page.getByRole('heading', { level: 1, name: 'Import sleep' })).toBeVisible()

  await page.getByRole('radio', { name: 'Another app (CSV)' }).check()
  await page.getByLabel('Time zone where you slept').selectOption('America/Chicago')
  await page.getByLabel('File', { exact: true }).setInputFiles(join(FIXTURES, 'sleep-app.csv'))
  await expect(page.getByRole('group', { name: 'Which columns hold what' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Read the file' })).toBeDisabled()
  await page.getByLabel('Sleep started').selectOption('Start')
  await page.getByLabel('Sleep ended').selectOption('End')
  await page.getByLabel('Time zone of each row').selectOption('Time Zone')
  await page.getByLabel('Minutes asleep').selectOption('Minutes Asleep')
  await page.getByLabel('Awakenings').selectOption('Awakenings')
  await page.getByLabel('Nap (yes/no)').selectOption('Nap')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `sleep import csv mapping ${scheme}`)
    await screenshot(page, `sleep-import-csv-mapping-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('button', { name: 'Read the file' }).click()
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('import-night')).toHaveCount(4)
  await expect(page.locator('[data-evening="2024-03-13"]')).toContainText('America/Los_Angeles')
  await expect(page.getByTestId('import-skipped')).toContainText('ended before it started')
  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-status')).toContainText('Imported 4 nights')

  // The same kind of file again: the columns come back as chosen.
  await page.getByLabel('File', { exact: true }).setInputFiles(join(FIXTURES, 'sleep-app.csv'))
  await expect(page.getByLabel('Sleep started')).toHaveValue('Start')
  await expect(page.getByLabel('Nap (yes/no)')).toHaveValue('Nap')

  // The journal shows a device night beside the form.
  await page.goto(`${harness.url.replace(/\/$/, '')}/#/journal?night=2024-03-11`)
  await expect(page.getByTestId('device-night')).toContainText('CSV · sleep-app.csv')
  await page.getByTestId('device-night').scrollIntoViewIfNeeded()
  await expect(page.getByRole('button', { name: 'Start from the device’s times' })).toHaveCount(0) // the CSV has no moment of falling asleep
  await expectAccessible(page, 'journal with a device night')
  await screenshot(page, 'sleep-import-journal-hint-light')
  expect(foreignRequests).toEqual([])
})
