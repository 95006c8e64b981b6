// Ten years of nightly journal entries: realistic, deterministic (ctx.random),
// with missed nights and a few longer gaps (holidays, a busy spell), two
// custom factors added in the last years, and a magnesium supplement started
// part-way through. Rows go in through one prepared statement in a single
// transaction (thousands of bridge calls would take minutes); a few nights
// are then re-saved through the bridge to check that the stored sleep figures
// match what the journal service derives from the same entry.
import { DateTime } from 'luxon'

const ZONE = 'Europe/Berlin'
const MISSED_NIGHT = 0.08
const GAP_START = 0.004 // a run of 3–12 nights without entries begins on about 1 night in 250

export const journal = {
  name: 'journal',
  async seed(ctx) {
    const { random, days } = ctx
    const lateDinner = await ctx.invoke('journal.factors.create', { label: 'Late dinner', kind: 'yesno' })
    const legPain = await ctx.invoke('journal.factors.create', { label: 'Leg pain', kind: 'scale' })
    const customFrom = days[Math.floor(days.length * 0.7)]
    const magnesiumFrom = days[Math.floor(days.length * 0.4)]
    const ironFrom = days[Math.floor(days.length * 0.55)]
    const ironTo = days[Math.floor(days.length * 0.65)]
    const lastNight = days[days.length - 2]

    const db = await ctx.database()
    const insert = db.prepare(`INSERT INTO journal_entries (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`)
    const insertMed = db.prepare('INSERT INTO journal_medications (entry_id, position, name) VALUES (?, ?, ?)')
    const insertValue = db.prepare('INSERT INTO journal_factor_values (entry_id, factor_id, value) VALUES (?, ?, ?)')

    let gapLeft = 0
    let flare = 0
    const rows = []
    // The last day of the span is "today": its evening has not finished, so it gets no entry.
    for (let i = 0; i < days.length - 1; i++) {
      const date = days[i]
      if (gapLeft > 0) {
        gapLeft--
        continue
      }
      if (date !== lastNight && random.chance(GAP_START)) {
        gapLeft = random.int(2, 11)
        continue
      }
      if (date !== lastNight && random.chance(MISSED_NIGHT)) continue

      // Symptoms: a slow seasonal swing, occasional flares lasting a week or two, plus what went with the night.
      if (flare > 0) flare--
      else if (random.chance(0.01)) flare = random.int(5, 14)
      const caffeineDrinks = random.chance(0.75) ? random.int(1, 4) : 0
      const caffeineLate = caffeineDrinks > 0 && random.chance(0.35)
      const alcoholDrinks = random.chance(0.15) ? random.int(1, 3) : 0
      const exerciseMinutes = random.chance(0.4) ? random.pick([20, 30, 45, 60]) : 0
      const exerciseEvening = exerciseMinutes > 0 && random.chance(0.3)
      const onMagnesium = date >= magnesiumFrom && random.chance(0.85)
      const season = Math.sin((i / 365) * 2 * Math.PI) * 1.2
      let severity = 3.2 + season + (flare > 0 ? 3 : 0) + (caffeineLate ? 1 : 0) + (alcoholDrinks > 0 ? 1.3 : 0) - (onMagnesium ? 0.4 : 0)
      severity = Math.round(random.around(severity, 2, 0, 10))

      // Sleep: bedtime 21:45–00:15, wake 05:45–07:45 (never inside a clock-change hour), worse nights sleep less.
      const bed = random.int(21 * 60 + 45, 24 * 60 + 15)
      const tried = bed + random.int(0, 30)
      const wake = random.int(5 * 60 + 45, 7 * 60 + 45) + 24 * 60
      const up = wake + random.int(0, 30)
      const latencyMinutes = Math.round(random.around(10 + severity * 4, 10, 0, 120))
      const wasoMinutes = Math.round(random.around(10 + severity * 6, 15, 0, 180))
      const awakenings = Math.max(wasoMinutes > 0 ? 1 : 0, Math.round(random.around(1 + severity / 3, 1.5, 0, 8)))

      const entry = {
        evening_date: date,
        zone: ZONE,
        severity,
        symptom_start: severity > 0 ? clock(random.int(18 * 60, 23 * 60)) : null,
        area_legs: 1,
        area_arms: severity >= 7 && random.chance(0.3) ? 1 : 0,
        area_other: 0,
        relieved_by_moving: severity > 0 ? random.pick(['yes', 'yes', 'partly', 'no']) : null,
        sleep_disturbance: Math.min(4, Math.round(severity / 2.5)),
        in_bed: clock(bed),
        tried_to_sleep: clock(tried),
        latency_minutes: latencyMinutes,
        awakenings,
        waso_minutes: wasoMinutes,
        final_wake: clock(wake),
        out_of_bed: clock(up),
        quality: Math.max(1, Math.min(5, 5 - Math.round(severity / 2.5))),
        rested: random.chance(0.8) ? Math.max(1, Math.min(5, 5 - Math.round(severity / 2.5) + random.int(-1, 1))) : null,
        nap_count: random.chance(0.1) ? 1 : 0,
        nap_minutes: 0,
        caffeine_drinks: caffeineDrinks,
        caffeine_last: caffeineDrinks > 0 ? clock(caffeineLate ? random.int(14 * 60, 19 * 60) : random.int(7 * 60, 13 * 60 + 59)) : null,
        alcohol_drinks: alcoholDrinks,
        alcohol_last: alcoholDrinks > 0 ? clock(random.int(19 * 60, 23 * 60)) : null,
        exercise_minutes: exerciseMinutes,
        exercise_evening: exerciseEvening ? 1 : 0,
        stress: random.chance(0.7) ? random.int(1, 5) : null,
        magnesium_mg: onMagnesium ? random.pick([200, 250, 300]) : 0,
        magnesium_form: onMagnesium ? 'glycinate' : null,
        iron_mg: date >= ironFrom && date <= ironTo ? 65 : 0,
        notes: random.chance(0.05)
          ? random.pick(['Long drive today.', 'Stretched before bed, helped a bit.', 'Warm bath.', 'Late film.'])
          : '',
        created_at: `${date}T07:30:00.000Z`,
        updated_at: `${date}T07:30:00.000Z`
      }
      entry.nap_minutes = entry.nap_count > 0 ? random.pick([15, 20, 30, 45]) : 0
      Object.assign(entry, derive(entry))
      const custom = []
      if (date >= customFrom) {
        custom.push([lateDinner.id, random.chance(0.2) ? 1 : 0])
        custom.push([legPain.id, Math.min(4, Math.max(0, Math.round(random.around(severity / 2.5, 1, 0, 4))))])
      }
      const meds = entry.iron_mg > 0 ? ['Iron bisglycinate'] : []
      rows.push({ entry, custom, meds })
    }

    db.transaction(() => {
      for (const { entry, custom, meds } of rows) {
        const id = Number(insert.run(entry).lastInsertRowid)
        meds.forEach((name, position) => insertMed.run(id, position, name))
        for (const [factorId, value] of custom) insertValue.run(id, factorId, value)
      }
    })()

    await checkAgainstService(ctx, rows)
  }
}

const COLUMNS = [
  'evening_date',
  'zone',
  'severity',
  'symptom_start',
  'area_legs',
  'area_arms',
  'area_other',
  'relieved_by_moving',
  'sleep_disturbance',
  'in_bed',
  'tried_to_sleep',
  'latency_minutes',
  'awakenings',
  'waso_minutes',
  'final_wake',
  'out_of_bed',
  'quality',
  'rested',
  'nap_count',
  'nap_minutes',
  'time_in_bed_minutes',
  'total_sleep_minutes',
  'sleep_efficiency',
  'caffeine_drinks',
  'caffeine_last',
  'alcohol_drinks',
  'alcohol_last',
  'exercise_minutes',
  'exercise_evening',
  'stress',
  'magnesium_mg',
  'magnesium_form',
  'iron_mg',
  'notes',
  'created_at',
  'updated_at'
]

/** Minutes since the evening's midnight (may pass 24:00) → 'HH:MM'. */
function clock(minutes) {
  const m = ((minutes % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/**
 * Time in bed, total sleep and efficiency by the journal's rules (times
 * before 12:00 are the next morning; real elapsed time, so DST nights are an
 * hour shorter or longer). The generated times never fall in a clock-change
 * hour, so a plain zone conversion gives the same instants as the app.
 */
function derive(entry) {
  const at = (time) => {
    const [h, m] = time.split(':').map(Number)
    const day = DateTime.fromISO(entry.evening_date, { zone: ZONE }).plus({ days: h < 12 ? 1 : 0 })
    return day.set({ hour: h, minute: m }).toMillis()
  }
  const minutes = (a, b) => Math.round((at(b) - at(a)) / 60_000)
  const timeInBed = minutes(entry.in_bed, entry.out_of_bed)
  const window = minutes(entry.tried_to_sleep, entry.final_wake)
  // Very bad nights can draw more awake time than the night had: cap it, as the form would insist.
  if (entry.latency_minutes + entry.waso_minutes > window) entry.waso_minutes = Math.max(0, window - entry.latency_minutes)
  const totalSleep = window - entry.latency_minutes - entry.waso_minutes
  return {
    time_in_bed_minutes: timeInBed,
    total_sleep_minutes: totalSleep,
    sleep_efficiency: Math.round((totalSleep / timeInBed) * 1000) / 10
  }
}

/** Re-saves a few nights (two across clock changes) through the bridge: the service must derive the same figures. */
async function checkAgainstService(ctx, rows) {
  const dst = rows.filter(({ entry }) => /-(03|10)-(2[5-9]|3[01])$/.test(entry.evening_date)).slice(0, 2)
  for (const { entry } of [...dst, rows[0], rows[rows.length - 1]]) {
    const saved = await ctx.invoke('journal.get', { eveningDate: entry.evening_date })
    const { id, metrics } = saved
    const input = Object.fromEntries(Object.entries(saved).filter(([key]) => !['id', 'metrics', 'createdAt', 'updatedAt'].includes(key)))
    const again = await ctx.invoke('journal.update', { id, entry: input })
    if (JSON.stringify(again.metrics) !== JSON.stringify(metrics)) {
      throw new Error(
        `seeded sleep figures for ${entry.evening_date} differ from the service's: ${JSON.stringify(metrics)} vs ${JSON.stringify(again.metrics)}`
      )
    }
  }
}
