import { describe, expect, it } from 'vitest'
import { medicationMarkers } from '../../src/renderer/src/features/medications/markers'

const event = (date: string) => ({ date, kind: 'dose' as const, name: 'Ropinirole', text: 'Ropinirole to 0.5 mg' })

describe('medication markers on a chart', () => {
  it('marks the night, week or month that holds an event, reaching the top of the axis', () => {
    expect(medicationMarkers(['2026-03-01', '2026-03-02', '2026-03-03'], [event('2026-03-02')], 10)[0]!.data).toEqual([null, 10, null])
    expect(medicationMarkers(['2026-03-01', '2026-03-08', '2026-03-15'], [event('2026-03-10')], 10)[0]!.data).toEqual([null, 10, null])
    expect(medicationMarkers(['2026-01', '2026-02', '2026-03'], [event('2026-03-30')], 10)[0]!.data).toEqual([null, null, 10])
  })

  it('draws nothing without events, or when they fall outside the labels', () => {
    expect(medicationMarkers(['2026-03-01'], [], 10)).toEqual([])
    expect(medicationMarkers(['2026-03-01', '2026-03-02'], [event('2026-02-01')], 10)).toEqual([])
  })
})
