import { completeFirstRun, expect, expectAccessible, test } from './fixtures'

/**
 * Settings → Evening reminders' test reminder and its help, and Settings →
 * About's diagnostic info, in the browser through the harness (the same
 * handler table as the desktop app; the shell tests cover the Electron side).
 */
test('a test reminder arrives, "Didn’t see it?" helps per system, and diagnostic info is copied without health data', async ({
  page,
  context,
  harness
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url })
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Wren Halloway', bedtime: '22:30' })
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()

  // Keyboard only: focus the button, press Enter.
  const send = page.getByRole('button', { name: 'Send a test reminder' })
  await send.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText('Test reminder sent. It should appear in a moment.')
  await expect.poll(() => harness.lines.some((l) => l.includes('"title":"Stillwell test reminder"'))).toBe(true)
  await expect(page.getByText('This is how your evening reminders will appear.')).toBeVisible()

  const help = page.getByText('Didn’t see it?')
  await help.focus()
  await page.keyboard.press('Enter')
  for (const system of ['Windows', 'macOS', 'Linux']) await expect(page.getByRole('term').filter({ hasText: system })).toBeVisible()
  await expect(page.getByText(/Focus Assist/)).toBeVisible()

  await page.getByRole('button', { name: 'Copy diagnostic info' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Diagnostic info copied: versions, the data folder and recent log lines, none of your health data.'
  )
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(/^Stillwell \S+.*, web harness$/m)
  expect(copied).toContain(`Data folder: ${harness.dataDir}`)
  expect(copied).not.toContain('Wren')
  expect(copied).not.toContain('22:30')
  await expect(page.getByTestId('about-version')).toContainText('Version')

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `settings with the test reminder and diagnostics (${scheme})`)
    await page.locator('#settings-wind-down').screenshot({ path: `test-results/screenshots/settings-test-reminder-${scheme}.png` })
    await page.locator('#settings-about').screenshot({ path: `test-results/screenshots/settings-about-${scheme}.png` })
  }
})
