import { addDays, dayNumber, isoWeekday } from './calendar'
/**
 * The meal plan's vocabulary and pure helpers: meals, calendar days
 * ('YYYY-MM-DD', the user's local dates), amount limits, number formatting,
 * and the shopping list's CSV and Markdown forms. No I/O.
 */

export const MEALS = ['breakfast', 'lunch', 'dinner', 'snacks'] as const
export type Meal = (typeof MEALS)[number]

export const MEAL_LABELS: Record<Meal, string> = {
  breakfast: 'Breakfast',
  lunch: 'Lunch',
  dinner: 'Dinner',
  snacks: 'Snacks'
}

/** One planned item can weigh at most this much: more is almost certainly a typo. */
export const MAX_ITEM_GRAMS = 2000
/** The most of one unit an item can hold (1000 g, 1000 almonds…). */
export const MAX_AMOUNT = 1000
/** The most supplemental magnesium one day can record; far beyond any safe dose, so only typos hit it. */
export const MAX_SUPPLEMENT_MG = 5000
/** How many days one request may cover (ten years and a bit). */
export const MAX_RANGE_DAYS = 3700

/** How a planned amount is measured: grams, one of the food's household measures, or its serving. */
export type UnitKind = 'g' | 'measure' | 'serving'

// ---------------------------------------------------------------------------
// Calendar days

/** True for a real calendar date written 'YYYY-MM-DD' (2025-02-30 is not one) between 1900 and 2200. */
export function isIsoDay(value: string): boolean {
  if (dayNumber(value) === null) return false
  const year = Number(value.slice(0, 4))
  return year >= 1900 && year <= 2200
}

export { addDays, daysBetween, isoWeekday } from './calendar'

/** The first day of the week holding `day`, for weeks starting on `firstDay` (1 = Monday … 7 = Sunday). */
export function weekStart(day: string, firstDay = 1): string {
  const back = (isoWeekday(day) - firstDay + 7) % 7
  return addDays(day, -back)
}

/** `count` consecutive days from `start`. */
export function dayRange(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i))
}

/** The user's local date as 'YYYY-MM-DD'. */
export { localDate as localDay } from './calendar'

// ---------------------------------------------------------------------------
// Numbers for people

/** Amounts as people write them: 1, 1.5, 0.25, 28.35 — at most two decimals, no trailing zeros. */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return '—'
  return String(Math.round(value * 100) / 100)
}

/** Grams for a label: whole grams from 10 g up, one decimal below ("28.4 g" would be false precision, "3.5 g" is not). */
export function formatGrams(grams: number): string {
  if (!Number.isFinite(grams)) return '—'
  return grams >= 10 ? String(Math.round(grams)) : String(Math.round(grams * 10) / 10)
}

/** Share of a target reached, 0–100+ (not capped: 130 % is worth knowing). 0 when there is no target. */
export function percentOf(value: number, target: number): number {
  if (!(target > 0) || !Number.isFinite(value)) return 0
  return Math.round((value / target) * 100)
}

// ---------------------------------------------------------------------------
// Shopping list

export interface ShoppingItem {
  foodId: string
  name: string
  grams: number
}

export interface ShoppingGroup {
  group: string
  items: ShoppingItem[]
}

export interface ShoppingList {
  days: string[]
  groups: ShoppingGroup[]
}

function csvCell(value: string): string {
  // Quote every text cell; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** The list as CSV: one row per food, with its group; grams rounded as shown. */
export function shoppingListCsv(list: ShoppingList): string {
  const rows = ['"food_group","food","grams","usda_id"']
  for (const group of list.groups) {
    for (const item of group.items) {
      const usdaId = /^\d{5}$/.test(item.foodId) ? item.foodId : ''
      rows.push([csvCell(group.group), csvCell(item.name), formatGrams(item.grams), csvCell(usdaId)].join(','))
    }
  }
  return `${rows.join('\r\n')}\r\n`
}

function markdownText(value: string): string {
  return value.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

/** The list as Markdown: a heading per food group, a checkbox line per food. */
export function shoppingListMarkdown(list: ShoppingList, title: string): string {
  const lines = [`# ${markdownText(title)}`, '']
  if (list.groups.length === 0) lines.push('Nothing planned for these days.', '')
  for (const group of list.groups) {
    lines.push(`## ${markdownText(group.group)}`, '')
    for (const item of group.items) lines.push(`- [ ] ${markdownText(item.name)} — ${formatGrams(item.grams)} g`)
    lines.push('')
  }
  return lines.join('\n')
}
