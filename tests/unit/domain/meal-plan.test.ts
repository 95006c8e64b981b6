import { describe, expect, it } from 'vitest'
import {
  addDays,
  dayRange,
  daysBetween,
  formatAmount,
  formatGrams,
  isIsoDay,
  isoWeekday,
  percentOf,
  shoppingListCsv,
  shoppingListMarkdown,
  weekStart,
  type ShoppingList
} from '../../../src/shared/domain/meal-plan'

describe('calendar days', () => {
  it('accepts real dates only', () => {
    expect(isIsoDay('2024-02-29')).toBe(true)
    expect(isIsoDay('2025-02-29')).toBe(false)
    expect(isIsoDay('2025-13-01')).toBe(false)
    expect(isIsoDay('2025-3-1')).toBe(false)
    expect(isIsoDay('')).toBe(false)
  })

  it('does date arithmetic across month, year and daylight-saving changes', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31)
    expect(dayRange('2025-10-25', 3)).toEqual(['2025-10-25', '2025-10-26', '2025-10-27'])
  })

  it('finds the start of the week for Monday- and Sunday-first locales', () => {
    // 2025-03-05 is a Wednesday.
    expect(isoWeekday('2025-03-05')).toBe(3)
    expect(weekStart('2025-03-05')).toBe('2025-03-03')
    expect(weekStart('2025-03-05', 7)).toBe('2025-03-02')
    expect(weekStart('2025-03-09')).toBe('2025-03-03') // Sunday ends a Monday week
    expect(weekStart('2025-03-09', 7)).toBe('2025-03-09')
    expect(weekStart('2025-03-08', 6)).toBe('2025-03-08')
  })
})

describe('numbers for people', () => {
  it('formats amounts, grams and shares', () => {
    expect(formatAmount(0.5)).toBe('0.5')
    expect(formatAmount(0.333)).toBe('0.33')
    expect(formatAmount(2)).toBe('2')
    expect(formatGrams(28.35)).toBe('28')
    expect(formatGrams(2.54)).toBe('2.5')
    expect(percentOf(160, 320)).toBe(50)
    expect(percentOf(400, 320)).toBe(125)
    expect(percentOf(10, 0)).toBe(0)
  })
})

describe('shopping list exports', () => {
  const list: ShoppingList = {
    days: ['2025-03-03'],
    groups: [
      { group: 'Nut and Seed Products', items: [{ foodId: '12014', name: 'Pumpkin seeds', grams: 58.35 }] },
      { group: 'My foods', items: [{ foodId: 'u3', name: '=HYPERLINK("x"), "quoted"', grams: 120 }] }
    ]
  }

  it('CSV: one row per food, quoted, formulas defused', () => {
    expect(shoppingListCsv(list)).toBe(
      '"food_group","food","grams","usda_id"\r\n' +
        '"Nut and Seed Products","Pumpkin seeds",58,"12014"\r\n' +
        '"My foods","\'=HYPERLINK(""x""), ""quoted""",120,""\r\n'
    )
  })

  it('Markdown: a heading per group and a checkbox per food', () => {
    expect(shoppingListMarkdown(list, 'Shopping list: 3 March')).toBe(
      '# Shopping list: 3 March\n\n## Nut and Seed Products\n\n- [ ] Pumpkin seeds — 58 g\n\n## My foods\n\n- [ ] =HYPERLINK("x"), "quoted" — 120 g\n'
    )
    expect(shoppingListMarkdown({ days: [], groups: [] }, 'Empty')).toContain('Nothing planned')
  })
})
