import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

const SECTIONS = [
  { link: 'Today', heading: /Good (morning|afternoon|evening), Sam/ },
  { link: 'Journal', heading: 'Journal' },
  { link: 'Insights', heading: 'Insights' },
  { link: 'Planner', heading: 'Planner' },
  { link: 'Reader', heading: 'Reader' },
  { link: 'Settings', heading: 'Settings' }
] as const

test('a new user completes the first-run screen, visits every section, and finds their settings after a restart', async ({
  page,
  harness,
  foreignRequests
}) => {
  // Every section, each scanned and photographed in two themes: generous on a busy machine.
  test.setTimeout(180_000)
  await page.goto(harness.url)
  await expect(page).toHaveURL(/#\/welcome$/)
  await expectAccessible(page, 'welcome')
  await screenshot(page, 'welcome-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'welcome (dark)')
  await screenshot(page, 'welcome-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  await completeFirstRun(page, { name: 'Sam', bedtime: '23:10' })
  await expect(page.getByTestId('today-bedtime')).toHaveText('23:10')

  const nav = page.getByRole('navigation', { name: 'Sections' })
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section.link }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading)
    await expect(nav.getByRole('link', { name: section.link })).toHaveAttribute('aria-current', 'page')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expectAccessible(page, `${section.link} (${scheme})`)
      await screenshot(page, `${section.link.toLowerCase()}-${scheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // Settings are changed and saved, then the harness restarts on the same data folder.
  await nav.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  await page.getByLabel('Usual bedtime').fill('22:05')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status')).toHaveText('Profile saved.')

  await harness.restart()
  await page.goto(harness.url)
  await expect(page).toHaveURL(/#\/today$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sam')
  await expect(page.getByTestId('today-bedtime')).toHaveText('22:05')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expectAccessible(page, 'today after restart (dark setting)')

  expect(foreignRequests).toEqual([])
})

test('every section can be reached with the keyboard alone, with focus moved to the new heading', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })

  // On a freshly loaded page the first Tab stop is the skip link, which jumps to the content.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sam')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  await expect(page).toHaveURL(/#\/today$/)
  await page.keyboard.press('Shift+Tab')
  for (const section of SECTIONS) {
    const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section.link })
    for (let i = 0; i < 10 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await expect(link).toBeFocused()
    await page.keyboard.press('Enter')
    const heading = page.getByRole('heading', { level: 1 })
    await expect(heading).toHaveText(section.heading)
    if (section.link !== 'Today') await expect(heading).toBeFocused()
    // Back to the navigation for the next section.
    await link.focus()
  }

  // A visible focus ring: the focused link has an outline.
  const outline = await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Settings' })
    .evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
})

test('the first-run screen explains a missing bedtime next to the field and saves nothing', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.getByLabel('Usual bedtime').fill('')
  await page.getByLabel('I understand that Stillwell does not give medical advice.').check()
  await page.getByRole('button', { name: 'Start using Stillwell' }).click()
  await expect(page.getByText('Use a 24-hour time such as 22:30.')).toBeVisible()
  await page.reload()
  await expect(page).toHaveURL(/#\/welcome$/)
})

test('a link drawn as a button looks like the other buttons, not underlined like a link in text', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ada', bedtime: '22:30' })
  const decoration = (locator: ReturnType<typeof page.locator>) => locator.evaluate((el) => getComputedStyle(el).textDecorationLine)
  // Today: "Start wind-down" leads to the routine; the reading tile's title is an ordinary link.
  await expect(page.getByRole('link', { name: 'Start wind-down' })).toBeVisible()
  expect(await decoration(page.getByRole('link', { name: 'Start wind-down' }))).toBe('none')
  expect(await decoration(page.getByTestId('reading-tile').getByRole('link').first())).toBe('underline')
  // A new user's Insights: "Log last night" leads to the Journal.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Insights' }).click()
  const log = page.getByRole('link', { name: 'Log last night' })
  await expect(log).toBeVisible()
  expect(await decoration(log)).toBe('none')
  expect(await decoration(page.getByRole('link', { name: 'Make a printable report for your doctor' }))).toBe('underline')
})
