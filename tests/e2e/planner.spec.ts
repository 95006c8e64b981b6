import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

// British English: weeks start on Monday and dates read "Tuesday 24 November".
test.use({ locale: 'en-GB' })

async function openPlanner(page: Page, harnessUrl: string, query = ''): Promise<void> {
  await page.goto(harnessUrl)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })
  if (query) await page.goto(`${harnessUrl}/#/planner${query}`)
  else await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Planner' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planner')
  await expect(page.getByRole('heading', { name: /^Add food to / })).toBeVisible()
}

const results = (page: Page): Locator => page.getByRole('listbox')
const meal = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true })

async function addFood(
  page: Page,
  query: string,
  optionText: string,
  amount: string,
  unit: string | null,
  mealName: string
): Promise<void> {
  await page.getByLabel('Search foods').fill(query)
  await results(page)
    .getByRole('option', { name: new RegExp(`^${optionText}`) })
    .first()
    .click()
  await page.getByLabel('Amount', { exact: true }).fill(amount)
  if (unit) await page.getByLabel('Unit', { exact: true }).selectOption({ label: unit })
  await page.getByLabel('Meal', { exact: true }).selectOption({ label: mealName })
  await page.getByRole('button', { name: `Add to ${mealName.toLowerCase()}` }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Added / })).toHaveText(new RegExp(`to ${mealName.toLowerCase()}\\.$`))
}

test('plans a day up to the magnesium target, with totals, progress and a shopping list', async ({ page, harness, foreignRequests }) => {
  await openPlanner(page, harness.url)
  const magnesium = page.getByRole('progressbar', { name: 'Magnesium from food' })
  await expect(magnesium).toHaveAttribute('aria-valuetext', /^0 of 320 mg, 0%/)

  // 1 oz pumpkin seeds (28.35 g × 592 mg/100 g = 167.8 mg) and 1 cup black beans (172 g × 70 = 120.4 mg).
  await addFood(page, 'pumpkin seed', 'Pumpkin seeds', '1', 'oz (28 g)', 'Breakfast')
  await addFood(page, 'black bean', 'Black beans, cooked', '1', 'cup (172 g)', 'Dinner')

  await expect(meal(page, 'Breakfast')).toContainText('Pumpkin seeds')
  await expect(meal(page, 'Breakfast')).toContainText('168 mg Mg')
  await expect(meal(page, 'Dinner')).toContainText('120 mg Mg')
  await expect(magnesium).toHaveAttribute('aria-valuetext', '288 of 320 mg, 90% of the target')
  await expect(page.getByRole('progressbar', { name: 'Iron' })).toHaveAttribute('aria-valuetext', /^6.1 of 18 mg, 34%/)

  // Close the gap: the first suggestion covers the missing 32 mg in one click.
  const gap = page.getByRole('region', { name: 'Close the gap' })
  await expect(gap).toContainText('32 mg short')
  await gap.getByRole('button', { name: /^Add / }).first().click()
  await expect(magnesium).toHaveAttribute('aria-valuetext', /target reached$/)
  await expect(gap).toContainText('reaches its magnesium target')
  await expect(page.getByText(/Week: 1 of 7 days reach the magnesium target of 320 mg/)).toBeVisible()
  await expectAccessible(page, 'planner week')
  await screenshot(page, 'planner-week-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'planner week (dark)')
  await screenshot(page, 'planner-week-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Today shows the same day's magnesium against the target.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click()
  const tile = page.getByTestId('today-magnesium')
  await expect(tile.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /^3\d\d of 320 mg/)
  await expectAccessible(page, 'today with plan')
  await screenshot(page, 'today-magnesium-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'today-magnesium-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // The shopping list sums grams per food, grouped by food group.
  await tile.getByRole('link', { name: 'Open today’s plan' }).click()
  await page.getByRole('navigation', { name: 'Planner' }).getByRole('link', { name: 'Shopping list' }).click()
  const list = page.getByRole('region', { name: /^Shopping list for / })
  await expect(list.getByRole('region', { name: 'Nut and Seed Products' })).toContainText(/Pumpkin seeds\s*28 g/)
  await expect(list.getByRole('region', { name: 'Legumes and Legume Products' })).toContainText(/Black beans, cooked\s*172 g/)
  await expectAccessible(page, 'shopping list')
  await screenshot(page, 'planner-shopping-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'shopping list (dark)')
  await screenshot(page, 'planner-shopping-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Printing shows the list alone: no navigation, no day pickers, no buttons.
  await page.emulateMedia({ media: 'print' })
  // (Hidden things leave the accessibility tree, so these two are found by their markup.)
  await expect(page.locator('nav[aria-label="Sections"]')).toHaveCSS('visibility', 'hidden')
  await expect(page.locator('fieldset', { hasText: 'Days to shop for' })).toHaveCSS('visibility', 'hidden')
  await expect(list.getByRole('heading', { level: 2 })).toHaveCSS('visibility', 'visible')
  await expect(list.getByRole('button', { name: 'Print' })).toBeHidden()
  await page.emulateMedia({ media: 'screen' })

  const [csv] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download CSV' }).click()])
  const csvText = readFileSync((await csv.path())!, 'utf8')
  expect(csvText.split('\r\n')[0]).toBe('"food_group","food","grams","usda_id"')
  expect(csvText).toContain('"Legumes and Legume Products","Black beans, cooked",172,"16015"')
  expect(csvText).toContain('"Nut and Seed Products","Pumpkin seeds",28,"12014"')
  const [markdown] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download Markdown' }).click()])
  expect(markdown.suggestedFilename()).toMatch(/^stillwell-shopping-.*\.md$/)
  const markdownText = readFileSync((await markdown.path())!, 'utf8')
  expect(markdownText).toMatch(/^# Shopping list for /)
  // The suggestion added to close the gap (5 g of hemp seeds) is on the list too.
  expect(markdownText).toContain('## Nut and Seed Products\n\n- [ ] Hemp seeds — 5 g\n- [ ] Pumpkin seeds — 28 g\n')
  expect(markdownText).toContain('## Legumes and Legume Products\n\n- [ ] Black beans, cooked — 172 g\n')

  // With no day ticked there is nothing to list, and nothing to print or download.
  await page.getByRole('button', { name: 'No days' }).click()
  const emptyList = page.getByRole('region', { name: 'Shopping list', exact: true })
  await expect(emptyList).toContainText('Tick the days you want to shop for.')
  await expect(emptyList.getByRole('button', { name: 'Download CSV' })).toBeDisabled()

  // The plan survives a restart.
  await harness.restart()
  await page.goto(`${harness.url}/#/planner`)
  await expect(meal(page, 'Dinner')).toContainText('Black beans, cooked')
  expect(foreignRequests).toEqual([])
})

test('a food can be found, portioned and added with the keyboard alone, then moved to another meal', async ({ page, harness }) => {
  await openPlanner(page, harness.url)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planner')
  const search = page.getByLabel('Search foods')
  for (let i = 0; i < 40 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(search).toBeFocused()

  await page.keyboard.type('almonds')
  await expect(results(page).getByRole('option').first()).toContainText('Almonds')
  await page.keyboard.press('ArrowDown')
  await expect(search).toHaveAttribute('aria-activedescendant', /option-0$/)
  await page.keyboard.press('Enter')
  const amount = page.getByLabel('Amount', { exact: true })
  await expect(amount).toBeFocused()
  // Choose the "oz" measure from the unit list, then type the amount and press Enter.
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Unit', { exact: true })).toBeFocused()
  await page.keyboard.press('o')
  await expect(page.getByLabel('Unit', { exact: true })).toHaveValue(/^m\d+$/)
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.type('2')
  await page.keyboard.press('Enter')
  await expect(meal(page, 'Breakfast')).toContainText('Almonds')
  await expect(page.getByRole('status').filter({ hasText: 'Added Almonds to breakfast.' })).toBeAttached()
  await expect(search).toBeFocused()

  // Move it to lunch: Change → meal → Move, all from the keyboard.
  const change = meal(page, 'Breakfast').getByRole('button', { name: 'Change Almonds' })
  await change.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Amount', { exact: true })).toBeFocused()
  const mealSelect = meal(page, 'Breakfast').getByLabel('Meal', { exact: true })
  for (let i = 0; i < 12 && !(await mealSelect.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await page.keyboard.press('l')
  await expect(mealSelect).toHaveValue('lunch')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(meal(page, 'Lunch')).toContainText('Almonds')
  await expect(meal(page, 'Breakfast')).toContainText('Nothing planned.')
  // The moved row is gone from breakfast; focus waits on that meal's button rather than getting lost.
  await expect(page.getByRole('button', { name: 'Find a food for breakfast' })).toBeFocused()
})

test('an article’s link opens the planner with its foods offered first', async ({ page, harness }) => {
  await openPlanner(page, harness.url, '?foods=12014,12061,11457,16015')
  const list = page.getByRole('listbox', { name: 'Foods from the article you followed' })
  await expect(list.getByRole('option')).toHaveCount(4)
  await expect(list.getByRole('option').nth(0)).toContainText('Pumpkin seeds')
  await expect(list.getByRole('option').nth(1)).toContainText('Almonds')
  await expect(list.getByRole('option').nth(2)).toContainText('Spinach, raw')
  await expect(list.getByRole('option').nth(3)).toContainText('Black beans, cooked')
  await list.getByRole('option').nth(2).click()
  await page.getByRole('button', { name: 'Add to breakfast' }).click()
  await expect(meal(page, 'Breakfast')).toContainText('Spinach, raw')
  await page.getByRole('button', { name: 'Show all foods' }).click()
  await expect(page.getByRole('listbox', { name: 'Everyday foods richest in magnesium' })).toBeVisible()
  await expect(page).not.toHaveURL(/foods=/)
})

test('impossible amounts are explained next to the field and nothing is added; big supplements warn', async ({ page, harness }) => {
  await openPlanner(page, harness.url)
  await page.getByLabel('Search foods').fill('pumpkin seed')
  await results(page).getByRole('option').first().click()
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'grams' })
  const amount = page.getByLabel('Amount', { exact: true })
  for (const [value, message] of [
    ['-5', 'Enter an amount above 0.'],
    ['lots', 'Enter an amount, such as 1 or 0.5.'],
    ['5000', 'Keep the amount at or under 1000.']
  ]) {
    await amount.fill(value!)
    await page.getByRole('button', { name: 'Add to breakfast' }).click()
    await expect(amount).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText(message!)).toBeVisible()
  }
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'cup (129 g)' })
  await amount.fill('20')
  await page.getByRole('button', { name: 'Add to breakfast' }).click()
  await expect(page.getByText('That is 2580 g; one item can be at most 2000 g.')).toBeVisible()
  await expect(meal(page, 'Breakfast')).toContainText('Nothing planned.')

  const supplement = page.getByLabel('Magnesium from supplements (mg)')
  await supplement.fill('400')
  await page.getByRole('button', { name: 'Save supplement' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'upper limit of 350 mg' })).toBeVisible()
  await expect(page.getByText(/If you have kidney disease, do not take magnesium supplements/)).toBeVisible()
})

test('my foods: add one, find it in search, and import a CSV all or nothing', async ({ page, harness }) => {
  await openPlanner(page, harness.url)
  await page.getByRole('navigation', { name: 'Planner' }).getByRole('link', { name: 'My foods' }).click()
  await expect(page.getByText('You have not added any foods yet.')).toBeVisible()
  await expectAccessible(page, 'my foods (empty)')

  await page.getByRole('button', { name: 'Add a food' }).click()
  await page.getByRole('button', { name: 'Add food' }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused()
  await page.getByLabel('Name', { exact: true }).fill('Seed bar')
  await page.getByRole('radio', { name: 'per serving' }).check()
  await page.getByLabel('Serving name').fill('bar')
  await page.getByLabel('Serving weight (g)').fill('50')
  await page.getByLabel('Magnesium (mg per serving)').fill('120')
  await page.getByLabel('Iron (mg per serving, optional)').fill('3')
  await page.getByRole('button', { name: 'Add food' }).click()
  const table = page.getByRole('table', { name: /Your foods/ })
  await expect(table.getByRole('row', { name: /Seed bar/ })).toContainText('240 mg')
  await expectAccessible(page, 'my foods')
  await screenshot(page, 'planner-my-foods-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'my foods (dark)')
  await screenshot(page, 'planner-my-foods-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  const fileInput = page.getByLabel('CSV file', { exact: true })
  const bad = 'name,magnesium_mg,iron_mg\nOat cookies,40,1.2\nMystery,lots,\nSeed bar,10,\n'
  await fileInput.setInputFiles({ name: 'foods.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
  await expect(page.getByText(/^Nothing was imported: fix row 3, row 4/)).toBeVisible()
  await expect(page.getByText(/Row 3:.*“lots” is not a number/)).toBeVisible()
  await expect(page.getByText(/Row 4:.*already have a food called “Seed bar”/)).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(2) // the header and Seed bar: nothing was imported

  const good = 'name,magnesium_mg,iron_mg\nOat cookies,40,1.2\nFig bar,30,\n'
  await fileInput.setInputFiles({ name: 'foods.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
  await expect(page.getByText('Imported 2 foods: Oat cookies, Fig bar.')).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(4)

  await page.getByRole('navigation', { name: 'Planner' }).getByRole('link', { name: 'Week plan' }).click()
  await page.getByLabel('Search foods').fill('seed bar')
  await expect(results(page).getByRole('option').first()).toContainText('Seed bar')
})

test('targets come from the profile, can be changed and reset', async ({ page, harness }) => {
  await openPlanner(page, harness.url)
  await page.getByRole('navigation', { name: 'Planner' }).getByRole('link', { name: 'Targets' }).click()
  const magnesium = page.getByRole('region', { name: 'Magnesium' })
  await expect(magnesium).toContainText('320 mg a day')
  await expect(magnesium).toContainText('Females 31–50 years')
  await expect(magnesium).toContainText('NIH Office of Dietary Supplements')
  await magnesium.getByLabel('Set my own magnesium target (mg a day)').fill('380')
  await magnesium.getByRole('button', { name: 'Save target' }).click()
  await expect(magnesium).toContainText('380 mg a day')
  await expect(magnesium).toContainText('your own target')
  await expectAccessible(page, 'targets')
  await screenshot(page, 'planner-targets-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'targets (dark)')
  await screenshot(page, 'planner-targets-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await magnesium.getByRole('button', { name: 'Reset to recommended' }).click()
  await expect(magnesium).toContainText('320 mg a day')
  await expect(magnesium).not.toContainText('your own target')
})
