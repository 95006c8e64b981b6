import type { Page } from '@playwright/test'
import { completeFirstRun, expect, expectAccessible, screenshot, test } from './fixtures'

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reader' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reader' })).toBeVisible()
  await expect(page.locator('[data-testid^="article-card-"]').first()).toBeVisible()
}

function positionSaved(page: Page): Promise<unknown> {
  return page.waitForResponse(
    (r) => r.url().endsWith('/bridge/invoke') && (r.request().postData() ?? '').includes('"articles.savePosition"')
  )
}

const scrollY = (page: Page): Promise<number> => page.evaluate(() => window.scrollY)

test('search "iron", open the best match, and find the same place again after a reload and a restart', async ({
  page,
  harness,
  foreignRequests
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })
  await openLibrary(page)

  await page.getByLabel('Search the library').fill('iron')
  const results = page.getByTestId('search-results').getByRole('listitem')
  await expect(results.first().getByRole('heading', { level: 3 })).toHaveText('Iron and RLS')
  await expect(results.first().locator('mark').first()).toHaveText(/iron/i)
  await results.first().getByRole('link').click()

  await expect(page).toHaveURL(/#\/reader\/iron-and-rls$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iron and RLS')
  await expect(page.getByTestId('article-body')).toContainText('Of all the nutritional factors')

  // Read about half way down, and wait until the app has kept the place.
  const saved = positionSaved(page)
  await page.mouse.move(500, 400)
  const target = await page.evaluate(() => Math.round(document.documentElement.scrollHeight * 0.45))
  await page.evaluate((y) => window.scrollTo(0, y), target)
  await saved
  const readingAt = await scrollY(page)
  expect(readingAt).toBeGreaterThan(1000)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iron and RLS')
  await expect.poll(() => scrollY(page)).toBeGreaterThan(readingAt - 30)
  expect(Math.abs((await scrollY(page)) - readingAt)).toBeLessThan(30)

  await harness.restart()
  await page.goto(`${harness.url}/#/reader/iron-and-rls`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iron and RLS')
  await expect.poll(() => scrollY(page)).toBeGreaterThan(readingAt - 30)
  expect(Math.abs((await scrollY(page)) - readingAt)).toBeLessThan(30)

  // The library card shows how far the reader got.
  await page.getByRole('link', { name: 'Library' }).click()
  await expect(page.getByTestId('article-status-iron-and-rls')).toHaveText(/^\d+% read$/)

  expect(foreignRequests).toEqual([])
})

test('a hostile document is imported as harmless text: nothing runs, nothing loads, links ask first', async ({
  page,
  harness,
  foreignRequests
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const hostile = [
    '---',
    'title: Notes from a stranger',
    'tags: [untrusted]',
    '---',
    '',
    'Before the trouble <script>window.__pwned = "script"</script> after it.',
    '',
    '<img src="https://tracker.example/pixel.png" onerror="window.__pwned = \'img\'">',
    '',
    '![tracking pixel](https://tracker.example/p2.png)',
    '',
    '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
    '',
    '<iframe src="https://evil.example/"></iframe>',
    '',
    '<style>body { background: url(https://tracker.example/bg.png) }</style>',
    '',
    "[Claim your prize](javascript:window.__pwned='link')",
    '',
    '[Or this one](data:text/html,<script>parent.__pwned=1</script>)',
    '',
    '## Section one',
    '',
    'Read more on [a safe page](https://example.org/info).',
    '',
    '## Section two',
    '',
    'More text.',
    '',
    '## Section three',
    '',
    'The end.'
  ].join('\n')

  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })
  await openLibrary(page)

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Add your own document…' }).click()
  await (await chooser).setFiles({ name: 'stranger.md', mimeType: 'text/markdown', buffer: Buffer.from(hostile) })

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes from a stranger')
  await expect(page).toHaveURL(/#\/reader\/your-notes-from-a-stranger$/)
  const body = page.getByTestId('article-body')
  // Shown as text (the typographer curls its quotes), never run.
  await expect(body).toContainText('Before the trouble <script>window.__pwned = ')
  await expect(body).toContainText('[Image not shown: tracking pixel]')
  await expect(body.locator('script, img, svg, iframe, style, object, embed, form, [style]')).toHaveCount(0)
  expect(await body.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
    'https://example.org/info'
  ])

  // The would-be links are plain text: clicking them does nothing.
  await body.getByText('Claim your prize').click()
  await body.getByText('Or this one').click()
  // Click handlers run during the click; two rendered frames later anything they started would show.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()

  // The real https link asks first, then goes to the system browser; the app window stays where it is.
  const url = page.url()
  await body.getByRole('link', { name: 'a safe page' }).click()
  const dialog = page.getByRole('dialog', { name: 'Open this link in your browser?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('external-url')).toHaveText('https://example.org/info')
  await expectAccessible(page, 'external link dialog')
  await screenshot(page, 'reader-external-link-light')
  await dialog.getByRole('button', { name: 'Open in browser' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(() => harness.lines).toContain(JSON.stringify({ openExternal: 'https://example.org/info' }))
  expect(page.url()).toBe(url)

  expect(dialogs).toEqual([])
  expect(foreignRequests).toEqual([])
})

test('the articles lead into the app: foods into the planner, the routine into its settings, the journal article into the journal', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })

  await page.goto(`${harness.url}/#/reader/magnesium-rich-foods`)
  await page.getByRole('link', { name: 'Open all the foods from this article in the planner' }).click()
  await expect(page).toHaveURL(/#\/planner\?foods=12014(,|%2C)12006(,|%2C)/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planner')

  await page.goto(`${harness.url}/#/reader/sleep-hygiene-and-wind-down`)
  await page.getByRole('link', { name: 'Open the wind-down routine settings' }).click()
  await expect(page).toHaveURL(/#\/settings\/wind-down$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')

  await page.goto(`${harness.url}/#/reader/using-the-journal`)
  await page.getByRole('link', { name: 'Open the journal' }).click()
  await expect(page).toHaveURL(/#\/journal$/)

  // A link to another article opens it at its beginning.
  await page.goto(`${harness.url}/#/reader/what-is-rls`)
  await page.getByTestId('article-body').getByRole('link', { name: 'Iron and RLS' }).click()
  await expect(page).toHaveURL(/#\/reader\/iron-and-rls$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iron and RLS')
})

test('the library, search results and an article pass axe in light and dark, also with larger text', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })
  await openLibrary(page)

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto(`${harness.url}/#/reader`)
    await expect(page.locator('[data-testid^="article-card-"]')).toHaveCount(12)
    await expectAccessible(page, `library (${scheme})`)
    await screenshot(page, `reader-library-${scheme}`)

    await page.getByLabel('Search the library').fill('magnesium')
    await expect(page.getByTestId('search-results').getByRole('listitem').first()).toBeVisible()
    await expectAccessible(page, `search results (${scheme})`)
    await screenshot(page, `reader-search-${scheme}`)
    await page.getByLabel('Search the library').fill('')

    await page.goto(`${harness.url}/#/reader/magnesium-rich-foods`)
    await expect(page.getByTestId('article-body').locator('table').first()).toBeVisible()
    await expectAccessible(page, `article (${scheme})`)
    await screenshot(page, `reader-article-${scheme}`)
    await page.evaluate(() => window.scrollTo(0, 2600))
    await page.screenshot({ path: `test-results/screenshots/reader-article-scrolled-${scheme}.png` })

    await page.goto(`${harness.url}/#/reader/treatments-a-doctor-may-discuss`)
    await page.getByRole('button', { name: 'Larger text' }).click()
    await expect(page.getByTestId('reading-size')).toHaveText('115%')
    await expectAccessible(page, `article at 115% (${scheme})`)
    await page.getByRole('button', { name: 'Smaller text' }).click()
  }
})

test('bad files are explained next to the import button and nothing is added', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })
  await openLibrary(page)
  const input = page.getByTestId('article-import-input')
  const error = page.getByTestId('article-import-error')

  await input.setInputFiles({ name: 'latin1.md', mimeType: 'text/markdown', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) })
  await expect(error).toHaveText(/not UTF-8 text/)
  await expectAccessible(page, 'import error')
  await screenshot(page, 'reader-import-error-light')

  await input.setInputFiles({ name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) })
  await expect(error).toHaveText(/This file is empty/)

  await input.setInputFiles({ name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.alloc(1024 * 1024 + 1, 'a') })
  await expect(error).toHaveText(/larger than 1 MB/)

  await input.setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: "unclosed\n---\nText') })
  await expect(error).toHaveText(/front matter .* could not be read/)

  await expect(page.locator('[data-testid^="article-card-"]')).toHaveCount(12)
  await page.reload()
  await expect(page.locator('[data-testid^="article-card-"]')).toHaveCount(12)
})

test('reading with the keyboard alone: search, open, jump through the contents, resize text, bookmark', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Sam', bedtime: '22:30' })

  const readerLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reader' })
  await readerLink.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Reader' })).toBeFocused()

  // The search box is the next stop; Enter opens the best match.
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Search the library')).toBeFocused()
  await page.keyboard.type('pregnancy')
  await expect(page.getByTestId('search-results').getByRole('listitem').first()).toContainText('RLS in pregnancy')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('RLS in pregnancy')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  const articleUrl = page.url()

  // Tab to the table of contents and follow an entry: focus moves to that section, the route stays.
  const tocEntry = page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Medicines' })
  for (let i = 0; i < 30 && !(await tocEntry.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(tocEntry).toBeFocused()
  await page.keyboard.press('Enter')
  const section = page.locator('#sec-medicines')
  await expect(section).toBeFocused()
  await expect(section).toBeInViewport()
  expect(page.url()).toBe(articleUrl)
  await expect(tocEntry).toHaveAttribute('aria-current', 'location')
  const outline = await section.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')

  // Larger text with the keyboard, kept after a reload.
  const larger = page.getByRole('button', { name: 'Larger text' })
  await larger.focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('reading-size')).toHaveText('130%')

  // Bookmark the section being read, by keyboard; it shows up in the library.
  // The toolbar stays in view while reading, so reaching it does not scroll away from the section.
  // The text-size change puts the reader back at their place once it is saved; scroll to the section
  // after that has happened (retried until the section stays in view), never after a fixed pause.
  await expect(async () => {
    await page.evaluate(() => document.getElementById('sec-medicines')!.scrollIntoView({ block: 'start' }))
    await expect(page.locator('#sec-medicines')).toBeInViewport({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  // The section being read is the one the contents mark: wait for that, not for a fixed time.
  await expect(tocEntry).toHaveAttribute('aria-current', 'location')
  const bookmark = page.getByRole('button', { name: /Bookmark this section|Bookmarked/ })
  await bookmark.focus()
  await page.keyboard.press('Enter')
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true')

  await page.reload()
  await expect(page.getByTestId('reading-size')).toHaveText('130%')
  await page.goto(`${harness.url}/#/reader`)
  const saved = page.getByRole('region', { name: 'Your bookmarks' }).getByRole('link', { name: /Medicines/ })
  await expect(saved).toContainText('RLS in pregnancy')
  await saved.focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#sec-medicines')).toBeInViewport()
  await expect(page).toHaveURL(/#\/reader\/rls-in-pregnancy$/)
  await expect(page).toHaveTitle('RLS in pregnancy · Stillwell')
})
