import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  AUGMENTATION_ADVICE,
  onsetMinutes,
  watchAugmentation,
  type SignKey,
  type WatchInput,
  type WatchMedication,
  type WatchNight
} from '../../../src/shared/domain/augmentation'
import { classifyMedication } from '../../../src/shared/domain/drug-classes'

/** A fixed "today" so the tests never depend on the real date. Last night is 2026-03-30 (the DST weekend in Europe). */
const TODAY = '2026-03-31'
const day = (offset: number): string => DateTime.fromISO(TODAY, { zone: 'utc' }).plus({ days: offset }).toISODate()!

const ropinirole: WatchMedication = { name: 'Ropinirole', unit: 'mg', usualDose: 0.25, startDate: day(-120), stopDate: null, changes: [] }

/** Nights from `days` ago to last night; `pick` gives each night's values by how many days ago it was. */
function nights(days: number, pick: (ago: number) => Partial<WatchNight> | null): WatchNight[] {
  const out: WatchNight[] = []
  for (let ago = days; ago >= 1; ago--) {
    const custom = pick(ago)
    if (custom === null) continue
    out.push({ date: day(-ago), severity: 4, symptomStart: '23:00', bodyAreas: ['legs'], ...custom })
  }
  return out
}

const steady = nights(42, () => ({}))
/** Onset 23:00 until two weeks ago, then `recent`. */
const onsetMoves = (recent: string) => nights(42, (ago) => (ago <= 14 ? { symptomStart: recent } : {}))

interface Case {
  name: string
  input: Partial<WatchInput>
  status: ReturnType<typeof watchAugmentation>['status']
  signs?: SignKey[]
}

const cases: Case[] = [
  { name: 'no dopaminergic medicine: silent', input: { nights: onsetMoves('18:00'), medications: [] }, status: 'not-applicable' },
  {
    name: 'only gabapentin: silent',
    input: { nights: onsetMoves('18:00'), medications: [{ ...ropinirole, name: 'Gabapentin 300 mg' }] },
    status: 'not-applicable'
  },
  {
    name: 'a dopamine agonist that was stopped: silent',
    input: { nights: onsetMoves('18:00'), medications: [{ ...ropinirole, stopDate: day(-20) }] },
    status: 'not-applicable'
  },
  { name: 'steady nights: no signs', input: { nights: steady }, status: 'no-signs' },
  { name: 'onset 4 h 30 min earlier', input: { nights: onsetMoves('18:30') }, status: 'signs', signs: ['onset-4h'] },
  { name: 'onset 2 h 30 min earlier', input: { nights: onsetMoves('20:30') }, status: 'signs', signs: ['onset-2h'] },
  { name: 'onset 1 h 30 min earlier is below the threshold', input: { nights: onsetMoves('21:30') }, status: 'no-signs' },
  {
    name: 'across midnight: 00:30 is later than 22:00, not earlier',
    input: { nights: nights(42, (ago) => ({ symptomStart: ago <= 14 ? '00:30' : '22:00' })) },
    status: 'no-signs'
  },
  {
    name: 'across midnight: from 01:00 to 22:30 is 2 h 30 min earlier',
    input: { nights: nights(42, (ago) => ({ symptomStart: ago <= 14 ? '22:30' : '01:00' })) },
    status: 'signs',
    signs: ['onset-2h']
  },
  {
    name: 'arms appear on most recent nights',
    input: { nights: nights(42, (ago) => (ago <= 14 && ago % 3 !== 0 ? { bodyAreas: ['legs', 'arms'] } : {})) },
    status: 'signs',
    signs: ['spread']
  },
  {
    name: 'arms on two nights only: not enough to call it spread',
    input: { nights: nights(42, (ago) => (ago === 3 || ago === 5 ? { bodyAreas: ['legs', 'arms'] } : {})) },
    status: 'no-signs'
  },
  {
    name: 'daytime episodes on three recent days',
    input: { nights: steady, episodeDates: [day(-2), day(-2), day(-5), day(-9)] },
    status: 'signs',
    signs: ['daytime']
  },
  {
    name: 'severity up by 3 on every recent night',
    input: { nights: nights(42, (ago) => (ago <= 14 ? { severity: 7 } : {})) },
    status: 'signs',
    signs: ['severity']
  },
  {
    name: 'severity up on only half the recent nights',
    input: { nights: nights(42, (ago) => (ago <= 14 && ago % 2 === 0 ? { severity: 7 } : {})) },
    status: 'no-signs'
  },
  {
    name: 'missing nights: 9 of the last 14 logged is too thin',
    input: { nights: nights(42, (ago) => (ago <= 14 && ago > 9 ? null : { symptomStart: ago <= 14 ? '18:00' : '23:00' })) },
    status: 'too-thin'
  },
  {
    name: 'missing nights: gaps but enough left still compare',
    input: { nights: nights(42, (ago) => (ago % 4 === 0 ? null : { symptomStart: ago <= 14 ? '18:00' : '23:00' })) },
    status: 'signs',
    signs: ['onset-4h']
  },
  {
    name: 'no baseline at all (just started logging) is too thin',
    input: { nights: nights(14, () => ({ symptomStart: '18:00' })) },
    status: 'too-thin'
  },
  {
    name: 'onset times missing on most nights: onset not compared, other signs still are',
    input: { nights: nights(42, (ago) => ({ symptomStart: ago % 3 === 0 ? '23:00' : null, severity: ago <= 14 ? 8 : 4 })) },
    status: 'signs',
    signs: ['severity']
  },
  {
    name: 'everything at once, in the order of the criteria',
    input: {
      nights: nights(42, (ago) => (ago <= 14 ? { symptomStart: '17:45', bodyAreas: ['legs', 'arms', 'other'], severity: 8 } : {})),
      episodeDates: [day(-1), day(-3), day(-4)]
    },
    status: 'signs',
    signs: ['onset-4h', 'spread', 'daytime', 'severity']
  }
]

describe('watchAugmentation', () => {
  it.each(cases)('$name', ({ input, status, signs }) => {
    const result = watchAugmentation({ today: TODAY, nights: [], episodeDates: [], medications: [ropinirole], ...input })
    expect(result.status).toBe(status)
    if (signs) expect(result.status === 'signs' ? result.signs.map((s) => s.key) : []).toEqual(signs)
  })

  it('gives the numbers and the date the sign was first seen', () => {
    const result = watchAugmentation({ today: TODAY, nights: onsetMoves('18:30'), episodeDates: [], medications: [ropinirole] })
    if (result.status !== 'signs') throw new Error(result.status)
    const [sign] = result.signs
    expect(sign!.detail).toContain('18:30')
    expect(sign!.detail).toContain('23:00')
    expect(sign!.detail).toContain('4 h 30 min earlier')
    expect(sign!.since).toBe(day(-14))
    expect(result.recent).toMatchObject({ from: day(-14), to: day(-1), nightsLogged: 14, medianOnset: '18:30' })
    expect(result.baseline).toMatchObject({ from: day(-42), to: day(-15), nightsLogged: 28, medianOnset: '23:00' })
    expect(AUGMENTATION_ADVICE).toMatch(/discuss them with the doctor who prescribed it — do not stop or change the medicine on your own/i)
  })

  it('says how many nights it needs when the data are thin', () => {
    const result = watchAugmentation({ today: TODAY, nights: nights(5, () => ({})), episodeDates: [], medications: [ropinirole] })
    if (result.status !== 'too-thin') throw new Error(result.status)
    expect(result.message).toContain('at least 10 logged nights in the last 14 (you have 5)')
  })

  it('lists a dose change in the window with the dose before and after', () => {
    const withChange = { ...ropinirole, changes: [{ changedOn: day(-20), dose: 0.5 }] }
    const result = watchAugmentation({ today: TODAY, nights: onsetMoves('18:30'), episodeDates: [], medications: [withChange] })
    if (result.status !== 'signs') throw new Error(result.status)
    expect(result.doseEvents).toEqual([{ medication: 'Ropinirole', date: day(-20), from: '0.25 mg', to: '0.5 mg' }])
  })

  it('ignores dose changes long before the window', () => {
    const withChange = { ...ropinirole, changes: [{ changedOn: day(-100), dose: 0.5 }] }
    const result = watchAugmentation({ today: TODAY, nights: steady, episodeDates: [], medications: [withChange] })
    expect(result.status === 'no-signs' && result.doseEvents).toEqual([])
  })

  it('keeps the same key while the same signs persist, and a new key when another appears', () => {
    const a = watchAugmentation({ today: TODAY, nights: onsetMoves('18:30'), episodeDates: [], medications: [ropinirole] })
    const b = watchAugmentation({ today: day(1), nights: onsetMoves('18:30'), episodeDates: [], medications: [ropinirole] })
    const c = watchAugmentation({ today: TODAY, nights: onsetMoves('18:30'), episodeDates: [day(-1), day(-3)], medications: [ropinirole] })
    expect(a.status === 'signs' && b.status === 'signs' && a.key === b.key).toBe(true)
    expect(a.status === 'signs' && c.status === 'signs' && a.key !== c.key).toBe(true)
  })
})

describe('onset on the evening timeline', () => {
  it.each([
    ['22:00', 1320],
    ['00:30', 1470],
    ['04:59', 1739],
    ['05:00', 300],
    ['18:30', 1110]
  ])('%s is minute %i', (time, minutes) => expect(onsetMinutes(time)).toBe(minutes))
})

describe('classifyMedication', () => {
  it.each([
    ['Ropinirole XL 2 mg', 'dopaminergic'],
    ['Sinemet 25/100', 'dopaminergic'],
    ['pramipexole', 'dopaminergic'],
    ['NEUPRO patch', 'dopaminergic'],
    ['Lyrica', 'gabapentinoid'],
    ['gabapentin enacarbil', 'gabapentinoid'],
    ['Targin', 'opioid'],
    ['Benadryl', 'sedating-antihistamine'],
    ['doxylamine succinate', 'sedating-antihistamine'],
    ['metoclopramide', 'dopamine-blocker'],
    ['Seroquel', 'dopamine-blocker'],
    ['sertraline', 'antidepressant'],
    ['Mirtazapine 15mg', 'antidepressant'],
    ['amitriptyline', 'antidepressant'],
    ['Ferrous sulfate', 'iron'],
    ['ferric carboxymaltose', 'iron'],
    ['Magnesium glycinate', 'magnesium'],
    ['Ironman multivitamin', null],
    ['Grandma’s tea', null]
  ])('%s → %s', (name, drugClass) => expect(classifyMedication(name)).toBe(drugClass))
})
