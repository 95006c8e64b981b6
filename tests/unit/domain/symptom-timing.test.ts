import { describe, expect, it } from 'vitest'
import { areasSummary, medicationEvents, onsetSummary, weeklyTiming, type TimingNight } from '../../../src/shared/domain/symptom-timing'

const night = (date: string, symptomStart: string | null, arms = false): TimingNight => ({
  date,
  symptomStart,
  bodyAreas: arms ? ['legs', 'arms'] : ['legs']
})

describe('weeklyTiming', () => {
  it('puts onsets after midnight on the evening timeline: 23:30 and 00:30 have their median at midnight', () => {
    const [week] = weeklyTiming([night('2026-03-01', '23:30'), night('2026-03-02', '00:30')], '2026-03-01', '2026-03-07')
    expect(week).toMatchObject({ nightsLogged: 2, onsetNights: 2, medianOnset: '00:00', earlyOnset: '23:45', lateOnset: '00:15' })
  })

  it('makes 7-night blocks over the range, across the end of March (DST in Europe), with missing nights left out', () => {
    const weeks = weeklyTiming([night('2026-03-27', '22:00'), night('2026-04-02', '19:00', true)], '2026-03-25', '2026-04-04')
    expect(weeks.map((w) => [w.start, w.nightsLogged, w.medianOnset, w.spreadNights])).toEqual([
      ['2026-03-25', 1, '22:00', 0],
      ['2026-04-01', 1, '19:00', 1]
    ])
  })

  it('summarises the move of the usual onset, and the share of nights with arms', () => {
    const nights = [
      ...['01', '02', '03'].map((d) => night(`2026-03-${d}`, '23:00')),
      ...['22', '23', '24'].map((d) => night(`2026-03-${d}`, '18:30', true))
    ]
    const weeks = weeklyTiming(nights, '2026-03-01', '2026-03-28')
    expect(onsetSummary(weeks)).toBe(
      'Symptoms started 4.5 h earlier by the end: from around 23:00 in the week of 2026-03-01 to around 18:30 in the week of 2026-03-22.'
    )
    expect(areasSummary(weeks)).toBe(
      'Arms or other parts of the body were involved on 3 of 6 logged nights (50 %), first in the week of 2026-03-22.'
    )
  })

  it('says what it needs when start times are missing', () => {
    expect(onsetSummary(weeklyTiming([night('2026-03-01', null)], '2026-03-01', '2026-03-07'))).toMatch(/at least 3 nights a week/)
  })
})

describe('medicationEvents', () => {
  it('lists starts, dose changes and stops within the range, oldest first', () => {
    const events = medicationEvents(
      [
        {
          name: 'Ropinirole',
          unit: 'mg',
          usualDose: 0.25,
          startDate: '2026-02-01',
          stopDate: '2026-04-10',
          changes: [{ changedOn: '2026-03-10', dose: 0.5 }]
        },
        { name: 'Iron', unit: 'mg', usualDose: null, startDate: '2025-01-01', stopDate: null, changes: [] }
      ],
      '2026-01-15',
      '2026-03-31'
    )
    expect(events).toEqual([
      { date: '2026-02-01', kind: 'start', name: 'Ropinirole', text: 'Started Ropinirole 0.25 mg' },
      { date: '2026-03-10', kind: 'dose', name: 'Ropinirole', text: 'Ropinirole to 0.5 mg' }
    ])
  })
})
