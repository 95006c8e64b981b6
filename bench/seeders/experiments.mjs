// Ten years of lab results and personal experiments. Blood tests every three
// to five months (ferritin and transferrin saturation each time, magnesium and
// haemoglobin now and then, in either unit), and one 14 + 14-night experiment
// a year with a morning answer on most nights. Labs and experiments go through
// the bridge (validated like the app's own); the many check-ins go straight
// into SQLite.
const CHANGES = [
  'Magnesium glycinate 200 mg with dinner',
  'No caffeine after noon',
  'Evening stretching, 10 minutes',
  'No alcohol on weeknights',
  'Warm bath before bed'
]
const OUTCOMES = ['severity', 'efficiency', 'quality']

export const experiments = {
  name: 'experiments',
  async seed(ctx) {
    const { random, days } = ctx
    for (let i = random.int(0, 60); i < days.length - 1; i += random.int(90, 150)) {
      const takenOn = days[i]
      const ferritin = Math.round(random.around(70, 35, 8, 300))
      await ctx.invoke('labs.create', { takenOn, analyte: 'ferritin', value: ferritin, unit: random.chance(0.5) ? 'ng/mL' : 'µg/L' })
      await ctx.invoke('labs.create', { takenOn, analyte: 'tsat', value: Math.round(random.around(24, 8, 5, 60)), unit: '%' })
      if (random.chance(0.4)) {
        const mmol = random.chance(0.5)
        const value = mmol
          ? Math.round(random.around(0.85, 0.08, 0.5, 1.2) * 100) / 100
          : Math.round(random.around(2.1, 0.2, 1.2, 3) * 10) / 10
        await ctx.invoke('labs.create', { takenOn, analyte: 'magnesium', value, unit: mmol ? 'mmol/L' : 'mg/dL' })
      }
      if (random.chance(0.3))
        await ctx.invoke('labs.create', {
          takenOn,
          analyte: 'haemoglobin',
          value: Math.round(random.around(135, 10, 90, 180)),
          unit: 'g/L'
        })
    }

    const made = []
    // One experiment a year, ending at least a month before the last day.
    for (let start = random.int(30, 200); start + 28 < days.length - 30; start += 365) {
      const created = await ctx.invoke('experiments.create', {
        change: random.pick(CHANGES),
        outcome: random.pick(OUTCOMES),
        startDate: days[start],
        baselineNights: 14,
        trialNights: 14,
        blockNights: random.chance(0.3) ? 7 : null
      })
      made.push({ id: created.id, start })
    }
    const db = await ctx.database()
    const insert = db.prepare('INSERT INTO experiment_checkins (experiment_id, evening_date, answer, answered_at) VALUES (?, ?, ?, ?)')
    db.transaction(() => {
      for (const { id, start } of made) {
        for (let n = 0; n < 28; n++) {
          if (random.chance(0.15)) continue
          const answer = random.chance(0.85) ? 'yes' : random.pick(['partly', 'no'])
          insert.run(id, days[start + n], answer, `${days[start + n + 1]}T07:30:00.000Z`)
        }
      }
    })()
  }
}
