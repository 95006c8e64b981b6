import type { Page } from '@playwright/test'
import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

/** The instant a local time of day falls at on the clock's current day. */
function todayAt(now: Date, hours: number, minutes: number): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes).getTime()
}

async function openSettingsSection(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Evening reminders' })).toBeVisible()
}

// The harness and the page start at 21:44:20 on the chosen day: a 22:30 bedtime's wind-down (21:45) is due
// 40 seconds in, on the test's clock, without waiting for the real evening.
test.describe('in the evening', () => {
  test.use({ clockTimeOfDay: '21:44:20' })

  test('a wind-down reminder due within a minute arrives on stdout and in the page, opens the routine, and its ticks survive a reload', async ({
    page,
    harness,
    clock,
    foreignRequests
  }) => {
    test.setTimeout(150_000)
    await page.goto(harness.url)
    // A first-run bedtime in the morning, so no other reminder can come first.
    await completeFirstRun(page, { name: 'Robin', bedtime: '09:30' })
    await openSettingsSection(page)

    const soon = { bedtime: '22:30', windDown: '21:45', dueMs: todayAt(clock.now(), 21, 45) }
    const bedtime = page.getByLabel('Bedtime, every evening')
    await bedtime.fill(soon.bedtime)
    await bedtime.press('Tab')
    await expect(page.getByRole('status')).toHaveText('Saved.')
    await expect(page.getByTestId('schedule-sentence')).toHaveText(`Wind-down reminder at ${soon.windDown} every evening.`)
    await expect(page.getByTestId('settings-next-reminder')).toContainText(soon.windDown)
    // The profile form shows the same usual bedtime.
    await expect(page.getByLabel('Usual bedtime')).toHaveValue(soon.bedtime)

    // The harness prints the notification as one JSON line on stdout…
    await expect
      .poll(() => harness.lines.find((line) => line.startsWith('{"notification"')), { timeout: 100_000, intervals: [1_000] })
      .toBeTruthy()
    const line = harness.lines.find((l) => l.startsWith('{"notification"'))!
    const { notification } = JSON.parse(line) as { notification: Record<string, unknown> }
    expect(notification).toMatchObject({
      kind: 'wind-down',
      title: 'Time to wind down',
      body: `Bedtime is at ${soon.bedtime}. Your routine starts with: dim the lights and turn the screens down.`,
      route: '/wind-down',
      silent: false
    })
    // On time: at the wind-down, or (a slow machine taking more than 40 s to save the setting) as soon as it is saved,
    // well inside the two minutes after which the app calls a reminder late.
    expect(Date.parse(String(notification['at']))).toBeGreaterThanOrEqual(soon.dueMs)
    expect(Date.parse(String(notification['at'])) - soon.dueMs).toBeLessThan(120_000)

    // …and shows it in the page, from where it opens the routine.
    const toast = page.getByTestId('in-app-notification')
    await expect(toast).toHaveCount(1)
    await expect(toast).toContainText('Time to wind down')
    await toast.getByRole('button', { name: 'Open the routine' }).click()
    await expect(page).toHaveURL(/#\/wind-down$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Wind-down' })).toBeVisible()
    await expect(page.getByTestId('bedtime-countdown')).toHaveText(/^4[0-5] min$/)

    await page.getByRole('checkbox', { name: 'Dim the lights and turn the screens down' }).check()
    await page.getByRole('checkbox', { name: 'Stretch or massage your legs for a few minutes' }).check()
    await expect(page.getByTestId('routine-progress')).toHaveText('2 of 7 done')

    await page.reload()
    await expect(page.getByRole('checkbox', { name: 'Dim the lights and turn the screens down' })).toBeChecked()
    await expect(page.getByRole('checkbox', { name: 'Stretch or massage your legs for a few minutes' })).toBeChecked()
    await expect(page.getByRole('checkbox', { name: 'A warm bath or shower' })).not.toBeChecked()
    await expect(page.getByTestId('routine-progress')).toHaveText('2 of 7 done')

    // Exactly one notification for the evening, however long the page stays open.
    expect(harness.lines.filter((l) => l.startsWith('{"notification"'))).toHaveLength(1)
    expect(foreignRequests).toEqual([])
  })
})

test('the routine, the Today tile and the reminder settings pass axe in light and dark, and look right', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Robin', bedtime: '22:30' })

  await expect(page.getByTestId('next-reminder-time')).toContainText('21:45')
  await expect(page.getByText('Wind-down reminder at 21:45 every evening.')).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `today with the reminder tile (${scheme})`)
    await screenshot(page, `reminders-today-${scheme}`)
  }

  await page.getByRole('link', { name: 'Start wind-down' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Wind-down' })).toBeVisible()
  await page.getByRole('checkbox', { name: 'A warm bath or shower' }).check()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `wind-down (${scheme})`)
    await screenshot(page, `reminders-wind-down-${scheme}`)
  }
  await page.getByRole('button', { name: 'Edit steps' }).click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `wind-down editing (${scheme})`)
    await screenshot(page, `reminders-wind-down-editing-${scheme}`)
  }

  await page.getByRole('link', { name: 'Change reminder times' }).click()
  await expect(page).toHaveURL(/#\/settings\/wind-down$/)
  await page.getByRole('radio', { name: 'Different on some evenings' }).check()
  await expect(page.getByLabel('Saturday bedtime')).toHaveValue('22:30')
  await page.getByLabel('Saturday bedtime').fill('23:30')
  await page.getByLabel('Saturday bedtime').press('Tab')
  await expect(page.getByTestId('schedule-sentence')).toHaveText('Wind-down reminder at 21:45 on Sun–Fri and at 22:45 on Sat.')
  await page.getByLabel('A lights-out reminder at bedtime').check()
  await expect(page.getByTestId('schedule-sentence')).toContainText('and a lights-out reminder at bedtime')

  // Nothing typed in the pause date: the message sits next to the field.
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  const pause = page.getByLabel('Pause reminders until')
  await expect(pause).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Choose the date reminders should start again.')).toBeVisible()

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `settings with reminders (${scheme})`)
    await page.locator('#settings-wind-down').screenshot({ path: `test-results/screenshots/reminders-settings-${scheme}.png` })
  }
  // Launch at login belongs to the desktop app only.
  await expect(page.getByText('Start Stillwell when I log in')).toHaveCount(0)
})

test('skip tonight and a pause are reflected at once in Settings and on Today', async ({ page, harness, clock }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Robin', bedtime: '22:30' })
  await openSettingsSection(page)

  const skip = page.getByRole('button', { name: /^Skip (tonight|tomorrow evening)$/ })
  const label = (await skip.textContent())!.replace('Skip ', '').trim()
  await skip.click()
  await expect(page.getByRole('status')).toHaveText(`Reminders skipped for ${label}.`)
  await expect(page.getByRole('button', { name: `Don’t skip ${label}` })).toBeVisible()

  const resumeIso = clock.daysAgo(-5)
  await page.getByLabel('Pause reminders until').fill(resumeIso)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByTestId('paused-note')).toContainText(`Reminders are paused until`)
  await expect(page.getByTestId('schedule-sentence')).toContainText('Reminders are paused until')

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click()
  await expect(page.getByText(/^Reminders are paused until .*; then wind-down reminder at 21:45 every evening\.$/)).toBeVisible()

  await openSettingsSection(page)
  await page.getByRole('button', { name: 'Resume reminders now' }).click()
  await expect(page.getByTestId('schedule-sentence')).toHaveText('Wind-down reminder at 21:45 every evening.')
})

test('the routine can be edited with the keyboard alone', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Robin', bedtime: '22:30' })
  await page.goto(`${harness.url}/#/wind-down`)
  await expect(page.getByRole('heading', { level: 1, name: 'Wind-down' })).toBeVisible()

  const tabTo = async (locator: ReturnType<Page['locator']>, limit = 40, key = 'Tab'): Promise<void> => {
    for (let i = 0; i < limit && !(await locator.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(key)
    await expect(locator).toBeFocused()
  }

  // Tick with the space bar.
  const bath = page.getByRole('checkbox', { name: 'A warm bath or shower' })
  await tabTo(bath)
  await page.keyboard.press('Space')
  await expect(bath).toBeChecked()

  // Edit: move a step up twice, keeping focus on its button.
  await tabTo(page.getByRole('button', { name: 'Edit steps' }))
  await page.keyboard.press('Enter')
  const up = page.getByRole('button', { name: 'Move “Put the screens away” up' })
  await tabTo(up, 60)
  await page.keyboard.press('Enter')
  await expect(up).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText('Moved “Put the screens away” to position 5 of 7.')
  await expect(page.getByLabel('Step 5')).toHaveValue('Put the screens away')

  // Add a step by typing and pressing Enter.
  await tabTo(page.getByLabel('New step'), 60)
  await page.keyboard.type('Read a few pages of a paper book')
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Step 8')).toHaveValue('Read a few pages of a paper book')

  // Remove one; focus moves to the next step's Remove button.
  await tabTo(page.getByRole('button', { name: 'Remove “A warm bath or shower”' }), 60, 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Remove “A warm bath or shower”' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove “Something that holds your attention: a book, a puzzle, a craft or a conversation”' })).toBeFocused()

  await tabTo(page.getByRole('button', { name: 'Done editing' }), 60)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('checkbox')).toHaveCount(7)
  // Focus stays on the toggle, with a visible ring.
  const toggle = page.getByRole('button', { name: 'Edit steps' })
  await expect(toggle).toBeFocused()
  expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none')
})
