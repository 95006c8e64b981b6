import { describe, expect, it } from 'vitest'
import { NightEntryInputSchema } from '../../../src/shared/contract'
import { cleanMedications, customPresent, isAtOrAfter, nightFlags, severityWord } from '../../../src/shared/domain/journal'
import { nightEntrySchema, nightSleepMetrics, type NightContext } from '../../../src/shared/schemas/journal'
import { check } from '../../../src/shared/schemas/messages'
import { night } from '../../support/journal'

const options = { today: '2026-11-24', zone: 'Europe/Berlin' }

/** The whole-night check as the service and the form run it. */
function validateNightEntry(input: unknown, context: NightContext) {
  return check(nightEntrySchema(context), input)
}

function fieldsOf(result: ReturnType<typeof validateNightEntry>): Record<string, string> {
  if (result.ok) throw new Error('expected problems')
  return result.fields
}

describe('nightEntrySchema', () => {
  it('accepts an ordinary night, whose sleep metrics sleep.ts derives', () => {
    expect(validateNightEntry(night('2026-11-23'), options).ok).toBe(true)
    const result = nightSleepMetrics(night('2026-11-23'), options.zone)
    expect(result.ok && result.metrics).toMatchObject({ timeInBedMinutes: 510, totalSleepMinutes: 410, sleepEfficiency: 80.4 })
  })

  it('maps sleep.ts problems onto the form fields they belong to', () => {
    const fields = fieldsOf(
      validateNightEntry(night('2026-11-23', { sleep: { finalWake: '06:00', latencyMinutes: 200, wasoMinutes: 221 } }), options)
    )
    expect(Object.keys(fields)).toEqual(['sleep.wasoMinutes'])
    expect(fields['sleep.wasoMinutes']).toContain('(421)')
  })

  it('reports every independent problem at once', () => {
    const fields = fieldsOf(
      validateNightEntry(
        night('2026-11-25', {
          severity: 12,
          sleep: { napCount: 0, napMinutes: 30, quality: 0 },
          factors: { caffeineDrinks: 1, magnesiumMg: -5 },
          notes: 'x'.repeat(4001)
        }),
        options
      )
    )
    expect(fields).toEqual({
      severity: 'Severity must be between 0 and 10.',
      'sleep.quality': 'Sleep quality must be between 1 and 5.',
      'sleep.napCount': 'You entered minutes napping: how many naps was that?',
      'factors.caffeineLast': 'When was your last caffeinated drink? It tells Insights whether it was after 14:00.',
      'factors.magnesiumMg': 'Magnesium from supplements (mg) must be between 0 and 2000.',
      notes: 'Keep notes under 4000 characters (now 4001).',
      eveningDate: 'That night has not happened yet. Choose last night or an earlier one.'
    })
  })

  it('still checks the rest of the night when a number was left empty or no severity chosen', () => {
    const input = { ...night('2026-11-25', { sleep: { latencyMinutes: Number.NaN } }), severity: null }
    expect(fieldsOf(validateNightEntry(input, options))).toEqual({
      severity: 'Choose how bad your symptoms were, from 0 (none) to 10.',
      'sleep.latencyMinutes': 'Enter minutes to fall asleep as a whole number from 0 to 720.',
      eveningDate: 'That night has not happened yet. Choose last night or an earlier one.'
    })
  })

  it('puts time-order problems on the later time and medication limits on the list', () => {
    const fields = fieldsOf(
      validateNightEntry(night('2026-11-23', { sleep: { triedToSleep: '22:00' }, factors: { medications: ['x'.repeat(81)] } }), options)
    )
    expect(fields).toEqual({
      'sleep.triedToSleep': 'The time you tried to sleep is before the time you got into bed.',
      'factors.medications': 'Keep each medication name under 80 characters.'
    })
  })

  it('asks for a severity when none was chosen', () => {
    const input = { ...night('2026-11-23'), severity: null as unknown as number }
    expect(fieldsOf(validateNightEntry(input, options))).toEqual({ severity: 'Choose how bad your symptoms were, from 0 (none) to 10.' })
  })

  it('accepts tonight (the clock may be near midnight) but not tomorrow, and nothing before 2000', () => {
    expect(validateNightEntry(night('2026-11-24'), options).ok).toBe(true)
    expect(fieldsOf(validateNightEntry(night('1999-12-31'), options))).toEqual({ eveningDate: 'Choose a night from 2000-01-01 on.' })
  })

  it('checks custom factor values against the factors that exist', () => {
    const kinds = new Map([
      [1, 'yesno' as const],
      [2, 'scale' as const]
    ])
    const ok = validateNightEntry(
      night('2026-11-23', {
        custom: [
          { factorId: 1, value: 1 },
          { factorId: 2, value: 4 }
        ]
      }),
      { ...options, customKinds: kinds }
    )
    expect(ok.ok).toBe(true)
    expect(
      fieldsOf(
        validateNightEntry(
          night('2026-11-23', {
            custom: [
              { factorId: 2, value: 5 },
              { factorId: 2, value: 1 }
            ]
          }),
          { ...options, customKinds: kinds }
        )
      )
    ).toEqual({ 'custom.0.value': 'The value must be between 0 and 4.', 'custom.1.value': 'This factor is listed twice.' })
  })

  it('checks against the context of each call although schemas are reused: a new day, zone or factor counts at once', () => {
    const withFactor = night('2026-11-24', { custom: [{ factorId: 3, value: 1 }] })
    const before = { today: '2026-11-23', zone: 'Europe/Berlin', customKinds: new Map([[1, 'yesno' as const]]) }
    expect(fieldsOf(validateNightEntry(withFactor, before))).toEqual({
      'custom.0.value': 'This factor no longer exists. Reload the journal and try again.',
      eveningDate: 'That night has not happened yet. Choose last night or an earlier one.'
    })
    // The factor was added and midnight passed: the same night now saves.
    const after = { ...before, today: '2026-11-24', customKinds: new Map([...before.customKinds, [3, 'yesno' as const]]) }
    expect(validateNightEntry(withFactor, after).ok).toBe(true)
    // A factor's kind changing is a different context too (a yes/no answer is 0 or 1; a scale goes to 4).
    const scaled = night('2026-11-23', { custom: [{ factorId: 1, value: 3 }] })
    expect(fieldsOf(validateNightEntry(scaled, before))).toEqual({ 'custom.0.value': 'Answer yes (1) or no (0).' })
    expect(validateNightEntry(scaled, { ...before, customKinds: new Map([[1, 'scale' as const]]) }).ok).toBe(true)
    // And the zone the times are read in.
    expect(validateNightEntry(night('2026-11-23'), { ...options, zone: 'Not/AZone' }).ok).toBe(false)
    expect(validateNightEntry(night('2026-11-23'), options).ok).toBe(true)
  })

  it('gives the same message as the contract schema for the same bad number, time or date', () => {
    const cases = [
      night('2026-11-23', { severity: 11 }),
      night('2026-11-23', { sleep: { latencyMinutes: 721 } }),
      night('2026-11-23', { sleep: { awakenings: 1.5 } }),
      night('2026-11-23', { sleep: { rested: 6 } }),
      night('2026-11-23', { sleep: { inBed: '25:00' } }),
      night('2026-11-23', { factors: { ironMg: 301 } }),
      night('2026-11-23', { factors: { caffeineDrinks: 1, caffeineLast: '7 pm' } }),
      night('2026/11/23')
    ]
    for (const input of cases) {
      const parsed = NightEntryInputSchema.safeParse(input)
      expect(parsed.success).toBe(false)
      const schemaFields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]))
      const domainFields = fieldsOf(validateNightEntry(input, options))
      for (const [key, message] of Object.entries(schemaFields)) expect(domainFields[key], key).toBe(message)
    }
  })
})

describe('nightFlags', () => {
  const none = { caffeineDrinks: 0, caffeineLast: null, alcoholDrinks: 0, exerciseMinutes: 0, exerciseEvening: false, magnesiumMg: 0 }

  it('counts caffeine from 14:00, including after midnight, but not a morning coffee', () => {
    expect(nightFlags({ ...none, caffeineDrinks: 1, caffeineLast: '13:59' }).caffeineAfter14).toBe(false)
    expect(nightFlags({ ...none, caffeineDrinks: 1, caffeineLast: '14:00' }).caffeineAfter14).toBe(true)
    expect(nightFlags({ ...none, caffeineDrinks: 1, caffeineLast: '00:30' }).caffeineAfter14).toBe(true)
    expect(nightFlags({ ...none, caffeineDrinks: 1, caffeineLast: '07:30' }).caffeineAfter14).toBe(false)
    expect(nightFlags(none).caffeineAfter14).toBe(false)
    // A drink with no time cannot be placed: on neither side of the comparison.
    expect(nightFlags({ ...none, caffeineDrinks: 1 }).caffeineAfter14).toBeNull()
  })

  it('evening exercise needs both minutes and the evening box; alcohol and magnesium need any amount', () => {
    expect(nightFlags({ ...none, exerciseMinutes: 30 }).eveningExercise).toBe(false)
    expect(nightFlags({ ...none, exerciseMinutes: 30, exerciseEvening: true }).eveningExercise).toBe(true)
    expect(nightFlags({ ...none, exerciseEvening: true }).eveningExercise).toBe(false)
    expect(nightFlags({ ...none, alcoholDrinks: 1 }).alcohol).toBe(true)
    expect(nightFlags({ ...none, magnesiumMg: 200 }).magnesium).toBe(true)
  })

  it('helpers: time order on the evening timeline, custom presence, severity words, medication clean-up', () => {
    expect(isAtOrAfter('04:59', '23:00')).toBe(true)
    expect(isAtOrAfter('05:00', '23:00')).toBe(false)
    expect(isAtOrAfter('nope', '14:00')).toBeNull()
    expect([0, 1, 4].map(customPresent)).toEqual([false, true, true])
    expect(severityWord(0)).toBe('None')
    expect(severityWord(10)).toBe('Worst imaginable')
    expect(cleanMedications([' Pregabalin ', 'pregabalin', '', 'Iron  bisglycinate'])).toEqual(['Pregabalin', 'Iron bisglycinate'])
  })
})
