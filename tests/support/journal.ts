import type { Clock } from '../../src/main/services/ports'
import type { NightEntry } from '../../src/shared/contract'

/** A typical night as the form would send it; each test overrides what it cares about. */
export function night(
  eveningDate: string,
  overrides: Partial<Omit<NightEntry, 'sleep' | 'factors'>> & {
    sleep?: Partial<NightEntry['sleep']>
    factors?: Partial<NightEntry['factors']>
  } = {}
): NightEntry {
  const { sleep, factors, ...rest } = overrides
  return {
    eveningDate,
    severity: 4,
    symptomStart: '21:00',
    bodyAreas: ['legs'],
    relievedByMoving: 'partly',
    sleepDisturbance: 2,
    notes: '',
    custom: [],
    ...rest,
    sleep: {
      inBed: '22:30',
      triedToSleep: '23:00',
      latencyMinutes: 20,
      awakenings: 2,
      wasoMinutes: 35,
      finalWake: '06:45',
      outOfBed: '07:00',
      quality: 3,
      rested: 3,
      napCount: 0,
      napMinutes: 0,
      ...sleep
    },
    factors: {
      caffeineDrinks: 0,
      caffeineLast: null,
      alcoholDrinks: 0,
      alcoholLast: null,
      exerciseMinutes: 0,
      exerciseEvening: false,
      stress: null,
      magnesiumMg: 0,
      magnesiumForm: null,
      ironMg: 0,
      medications: [],
      doses: [],
      ...factors
    }
  }
}

/** A clock that stands still at `iso` in `zone` until moved. */
export function fixedClock(iso: string, zone = 'Europe/Berlin'): Clock & { set(iso: string): void } {
  let now = new Date(iso)
  return {
    now: () => new Date(now),
    zone: () => zone,
    set(next) {
      now = new Date(next)
    }
  }
}
