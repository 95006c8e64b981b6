import type { Page } from '@playwright/test'
import { extractText, getDocumentProxy } from 'unpdf'
import { night } from '../support/journal'
import { completeFirstRun, expect, expectAccessible, invoke, screenshot, test } from './fixtures'

/** The app's own today (its clock and zone), so the test holds on any date. */
async function appToday(page: Page): Promise<string> {
  return ((await invoke(page, 'journal.defaults')) as { today: string }).today
}

function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/**
 * Six weeks of nights ending last night: onset at 23:00 for three weeks, 21:00
 * the week after the dose increase, then 18:30 with the arms involved for the
 * last two weeks.
 */
async function logSixWeeks(page: Page, today: string, medication: string, dose: (ago: number) => number): Promise<void> {
  for (let ago = 42; ago >= 1; ago--) {
    const recent = ago <= 14
    await invoke(
      page,
      'journal.create',
      night(shift(today, -ago), {
        severity: 5,
        symptomStart: recent ? '18:30' : ago <= 20 ? '21:00' : '23:00',
        bodyAreas: recent ? ['legs', 'arms'] : ['legs'],
        sleep: { awakenings: 1, wasoMinutes: 30 },
        factors: { medications: [medication], doses: [{ name: medication, amount: dose(ago) }] }
      })
    )
  }
}

/** The text of each page of a PDF, whitespace folded (Chromium splits lines into many runs). */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)))
  return text.map((page) => page.replace(/\s+/g, ' '))
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name })

test('a dopamine agonist with a dose increase, then earlier onset and arms: the note on Today and Insights with the numbers', async ({
  page,
  harness,
  foreignRequests
}) => {
  // Long by design (six weeks of nights, four views, light and dark): a generous limit for a busy machine.
  test.setTimeout(240_000)
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ana', bedtime: '23:00' })
  const today = await appToday(page)

  // Add the medicine in the journal's medicine list, with the keyboard.
  await nav(page, 'Journal').click()
  await page.getByRole('button', { name: 'Add a medicine' }).press('Enter')
  await page.locator('#med-name').fill('Ropinirole')
  await page.locator('#med-strength').fill('0.25')
  await page.locator('#med-dose').fill('0.25')
  await page.locator('#med-time').fill('20:00')
  await page.locator('#med-start').fill(shift(today, -50))
  // A stop date before the start: a message beside the field, nothing saved.
  await page.locator('#med-stop').fill(shift(today, -60))
  await page.getByRole('button', { name: 'Add medicine' }).press('Enter')
  await expect(page.locator('#med-stopDate-error')).toHaveText('The stop date must be on or after the start date.')
  await expect(page.locator('#med-stop')).toBeFocused()
  expect(((await invoke(page, 'medications.list')) as { medications: unknown[] }).medications).toEqual([])
  await page.locator('#med-stop').fill('')
  await page.getByRole('button', { name: 'Add medicine' }).press('Enter')
  const item = page.getByRole('list', { name: 'Medicines' }).getByRole('listitem').first()
  await expect(item).toContainText('Ropinirole')
  await expect(item).toContainText('usual 0.25 mg at 20:00')
  await expect(item).toContainText('Dopamine agonist or levodopa')

  // The dose goes up three weeks ago; a dose of 0 is refused beside the field.
  await page.getByRole('button', { name: 'Change dose of Ropinirole' }).click()
  await page.getByLabel('Changed on').fill(shift(today, -21))
  await page.getByLabel('New usual dose (mg)').fill('0')
  await page.getByRole('button', { name: 'Save dose change' }).click()
  await expect(page.getByText('Enter a dose above 0, for example 0.25.')).toBeVisible()
  await page.getByLabel('New usual dose (mg)').fill('0.5')
  await page.getByRole('button', { name: 'Save dose change' }).click()
  await expect(page.getByRole('list', { name: 'Dose changes of Ropinirole' })).toContainText(`${shift(today, -21)}: 0.5 mg`)

  await logSixWeeks(page, today, 'Ropinirole', (ago) => (ago <= 21 ? 0.5 : 0.25))

  await nav(page, 'Today').click()
  const note = page.getByTestId('augmentation-note')
  await expect(note).toBeVisible()
  await expect(note).toContainText('Changes worth discussing while you take Ropinirole')
  await expect(note).toContainText('Usual onset 18:30 in the last 14 nights against 23:00 before (4 h 30 min earlier')
  await expect(note).toContainText('Arms or elsewhere on 14 of 14 logged nights recently, against 0 of 28 before.')
  await expect(note).toContainText('Ropinirole from 0.25 mg to 0.5 mg')
  await expect(note).toContainText('do not stop or change the medicine on your own')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `today with augmentation note (${scheme})`)
    await screenshot(page, `today-augmentation-${scheme}`)
  }

  await nav(page, 'Insights').click()
  await expect(page.getByTestId('augmentation-note')).toContainText('4 h 30 min earlier')
  await expect(page.getByTestId('chart-onset')).toContainText('Symptoms started 4.5 h earlier by the end')
  await expect(page.getByTestId('chart-areas')).toContainText('Arms or other parts of the body were involved on 14 of 42 logged nights')
  // A clinician-scored IRLS total: 41 is refused beside the field, 22 is kept as "severe".
  const irls = page.getByTestId('irls')
  await irls.getByLabel('Date scored').fill(shift(today, -2))
  await irls.getByLabel('Total (0–40)').fill('41')
  await irls.getByRole('button', { name: 'Save total' }).press('Enter')
  await expect(page.locator('#irls-total-error')).toHaveText('Enter the total your clinician scored: a whole number from 0 to 40.')
  await irls.getByLabel('Total (0–40)').fill('22')
  await irls.getByRole('button', { name: 'Save total' }).press('Enter')
  await expect(irls.getByRole('list', { name: 'IRLS totals' })).toContainText(`22 of 40 · severe · ${shift(today, -2)}`)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `insights with timing (${scheme})`)
    await screenshot(page, `insights-timing-${scheme}`)
  }

  // An iron test with its draw conditions and a daytime episode, for the report's sections.
  await invoke(page, 'labs.create', {
    takenOn: shift(today, -5),
    analyte: 'ferritin',
    value: 82,
    unit: 'ng/mL',
    note: 'no infection',
    morningDraw: true,
    ironPaused: true
  })
  await invoke(page, 'episodes.create', { date: shift(today, -3), time: '15:40', severity: 6, helped: 'a walk' })

  // The doctor report: the one-page summary first, then medication history, onset trend and the watch's signs.
  await page.getByRole('link', { name: 'Make a printable report for your doctor' }).click()
  await page.getByRole('button', { name: 'Last 3 months' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'ready' })).toBeVisible()
  const summary = page.locator('[data-section="summary"]')
  await expect(summary).toContainText('Ropinirole 0.5 mg at 20:00')
  await expect(summary).toContainText('Symptoms start 4 hours or more earlier')
  await expect(summary).toContainText('Symptoms started 4.5 h earlier by the end')
  await expect(summary).toContainText(`22 of 40, severe (${shift(today, -2)})`)
  await expect(page.locator('[data-section="medication-history"]')).toContainText(`${shift(today, -21)}: 0.5 mg`)
  await expect(page.locator('[data-section="onset"]')).toContainText('18:30')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `report with medication history (${scheme})`)
    await screenshot(page, `report-clinical-${scheme}`)
  }
  // Printed: the summary fits on one A4 sheet by itself, and the sections are all there.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' })
  for (const section of ['summary', 'medication-history', 'onset', 'episodes', 'irls', 'symptoms', 'labs']) {
    await expect(page.locator(`[data-section="${section}"]`)).toBeVisible()
  }
  await expect(page.getByTestId('report-augmentation')).toContainText('4 h 30 min earlier')
  const a4PrintableHeight = ((297 - 28) / 25.4) * 96
  expect((await summary.boundingBox())!.height).toBeLessThan(a4PrintableHeight)
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  // The PDF itself, read back as text: the summary's sheet first, then every section with its key figures.
  const pages = await pdfPages(pdf)
  expect(pages.length).toBeGreaterThanOrEqual(2)
  const first = pages[0]!
  for (const text of [
    'Doctor report',
    'Summary',
    'Current medications',
    'Ropinirole 0.5 mg at 20:00',
    'Iron tests',
    `Ferritin 82 ng/mL on ${shift(today, -5)} (morning draw, iron paused 24 h before)`,
    'Augmentation watch',
    'Symptoms start 4 hours or more earlier',
    'Usual onset 18:30 in the last 14 nights against 23:00 before (4 h 30 min earlier',
    'Arms or elsewhere on 14 of 14 logged nights recently, against 0 of 28 before.',
    'Ropinirole 0.25 mg → 0.5 mg',
    'These can be signs of augmentation',
    'Discuss them with the doctor who prescribed it',
    'do not stop or change the medicine on your own'
  ]) {
    expect(first, `page 1 of the PDF should show "${text}"`).toContain(text)
  }
  expect(first).not.toContain('Medication history')
  const all = pages.join(' ')
  for (const text of [
    'Medication history',
    `${shift(today, -21)}: 0.5 mg`,
    'When symptoms start and where',
    'Symptoms started 4.5 h earlier by the end',
    '18:30',
    '23:00',
    'Daytime episodes',
    `${shift(today, -3)} at 15:40: severity 6/10; helped: a walk`,
    'IRLS totals (scored by a clinician)',
    'Lab values',
    'morning draw, iron paused 24 h before',
    'no infection'
  ]) {
    expect(all, `the PDF should show "${text}"`).toContain(text)
  }
  await screenshot(page, 'report-clinical-print')
  await page.emulateMedia({ media: 'screen' })

  await nav(page, 'Journal').click()
  await expect(page.getByRole('heading', { name: 'Your medicines' })).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `journal with medicines (${scheme})`)
    await screenshot(page, `journal-medicines-${scheme}`)
  }

  // Set aside, the note stays away on Today.
  await nav(page, 'Today').click()
  await page.getByRole('button', { name: 'Hide this note' }).click()
  await expect(page.getByTestId('augmentation-note')).toHaveCount(0)
  expect(foreignRequests).toEqual([])
})

test('someone taking no dopaminergic medicine never sees the note', async ({ page, harness, foreignRequests }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ben', bedtime: '23:00' })
  const today = await appToday(page)
  await invoke(page, 'medications.create', {
    name: 'Pregabalin',
    strength: 75,
    unit: 'mg',
    usualDose: 75,
    usualTime: '20:00',
    startDate: shift(today, -50),
    stopDate: null,
    purpose: '',
    prescriberNote: ''
  })
  await logSixWeeks(page, today, 'Pregabalin', () => 75)
  await nav(page, 'Insights').click()
  await expect(page.getByTestId('chart-onset')).toBeVisible()
  await expect(page.getByTestId('augmentation-note')).toHaveCount(0)
  await nav(page, 'Today').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ben')
  await expect(page.getByTestId('augmentation-note')).toHaveCount(0)
  expect(foreignRequests).toEqual([])
})
