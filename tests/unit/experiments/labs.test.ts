import { describe, expect, it } from 'vitest'
import { formatLab, fromCanonical, labNote, toCanonical } from '../../../src/shared/domain/labs'
import { LabCreateSchema, labInputSchema } from '../../../src/shared/schemas/labs'
import { check } from '../../../src/shared/schemas/messages'

describe('lab unit conversions', () => {
  it('treats ng/mL and µg/L of ferritin as the same number', () => {
    expect(toCanonical('ferritin', 48, 'µg/L')).toBe(48)
    expect(toCanonical('ferritin', 48, 'ng/mL')).toBe(48)
  })
  it('converts serum magnesium from mmol/L at 2.43 mg/dL each, and back', () => {
    expect(toCanonical('magnesium', 0.85, 'mmol/L')).toBeCloseTo(2.0655, 6)
    expect(toCanonical('magnesium', 2.1, 'mg/dL')).toBe(2.1)
    expect(fromCanonical('magnesium', 2.43, 'mmol/L')).toBeCloseTo(1, 10)
  })
  it('converts haemoglobin from g/L to g/dL', () => {
    expect(toCanonical('haemoglobin', 135, 'g/L')).toBe(13.5)
    expect(fromCanonical('haemoglobin', 13.5, 'g/L')).toBeCloseTo(135, 10)
  })
  it('refuses a unit the test is not reported in', () => {
    expect(() => toCanonical('tsat', 20, 'mg/dL')).toThrow(/not reported in mg\/dL/)
  })
})

describe('guideline notes', () => {
  it('notes ferritin at or below 75 and TSAT below 20 as worth discussing, never as a diagnosis', () => {
    expect(labNote('ferritin', 75)).toMatch(/Worth discussing with your doctor/)
    expect(labNote('ferritin', 76)).toMatch(/considers only intravenous iron/)
    expect(labNote('ferritin', 100)).toMatch(/considers only intravenous iron/)
    expect(labNote('ferritin', 101)).toBeNull()
    expect(labNote('tsat', 19.9)).toMatch(/Worth discussing/)
    expect(labNote('tsat', 20)).toBeNull()
    expect(labNote('magnesium', 1)).toBeNull()
    expect(labNote('ferritin', 30)).not.toMatch(/deficien|diagnos/i)
  })
  it('formats values in their canonical unit', () => {
    expect(formatLab('ferritin', 48.4)).toBe('48 ng/mL')
    expect(formatLab('magnesium', 2.066)).toBe('2.1 mg/dL')
    expect(formatLab('tsat', 18)).toBe('18 %')
  })
  it.each([
    ['tsat', 19.6, '19.6 %'],
    ['tsat', 19.96, '19.96 %'],
    ['tsat', 19.999, '19.99 %'],
    ['tsat', 20.4, '20 %'],
    ['ferritin', 75.4, '75.4 ng/mL'],
    ['ferritin', 74.6, '75 ng/mL'],
    ['ferritin', 100.3, '100.3 ng/mL'],
    ['ferritin', 48.4, '48 ng/mL']
  ] as const)('never shows %s %f on the other side of a threshold note: %s', (analyte, value, shown) => {
    expect(formatLab(analyte, value)).toBe(shown)
  })
})

describe('lab result schema', () => {
  const today = '2026-11-24'
  const fieldsOf = (input: Record<string, unknown>): Record<string, string> => {
    const result = check(labInputSchema({ today }), { takenOn: '2026-11-20', analyte: 'ferritin', value: 48, unit: 'ng/mL', ...input })
    return result.ok ? {} : result.fields
  }

  it('accepts an ordinary result and fills in the note and draw conditions', () => {
    const result = check(labInputSchema({ today }), { takenOn: '2026-11-24', analyte: 'tsat', value: 15, unit: '%' })
    expect(result.ok && result.value).toEqual({
      takenOn: '2026-11-24',
      analyte: 'tsat',
      value: 15,
      unit: '%',
      note: '',
      morningDraw: null,
      ironPaused: null
    })
  })

  it('refuses dates that do not exist, are before 1950 or have not come yet', () => {
    expect(fieldsOf({ takenOn: '2026-02-30' })).toEqual({ takenOn: 'That date does not exist.' })
    expect(fieldsOf({ takenOn: '1949-12-31' })).toEqual({ takenOn: 'Choose a date from 1950 on.' })
    expect(fieldsOf({ takenOn: '2026-11-25' })).toEqual({ takenOn: 'That date is in the future. Enter the day the blood was taken.' })
    // Without a today (IPC input), only the date itself is checked.
    expect(LabCreateSchema.safeParse({ takenOn: '2099-01-01', analyte: 'ferritin', value: 48, unit: 'ng/mL' }).success).toBe(true)
  })

  it('asks for a unit the test is reported in, and a number no real result exceeds in the canonical unit', () => {
    expect(fieldsOf({ unit: '%' })).toEqual({ unit: 'Ferritin is reported in ng/mL or µg/L.' })
    expect(fieldsOf({ analyte: 'magnesium', value: 9, unit: 'mmol/L' })).toEqual({
      value: 'That is far above any real serum magnesium result. Check the number and unit.'
    })
    expect(fieldsOf({ analyte: 'magnesium', value: 8, unit: 'mmol/L' })).toEqual({})
    expect(fieldsOf({ value: Number.NaN })).toEqual({ value: 'Enter the number from your lab report, for example 48.' })
  })
})
