// Ten years of evening reminders and wind-down routines: a schedule with
// lights-out and a morning log, the routine's suggested steps plus one of the
// user's own, most evenings' reminders in the log (a few missed), and the
// routine done on about three evenings in five with a handful of steps ticked.
// Bulk rows go straight into SQLite; the schedule and the steps go through the
// bridge, so they are validated like the app's own.
const DAY_MS = 86_400_000

export const reminders = {
  name: 'reminders',
  async seed(ctx) {
    await ctx.invoke('reminders.update', { lightsOut: true, morningLog: { enabled: true, time: '07:30' } })
    await ctx.invoke('routine.get') // creates the suggested steps
    const routine = await ctx.invoke('routine.addItem', { label: 'Read a few pages of a paper book' })
    const itemIds = routine.items.map((item) => item.id)

    const db = await ctx.database()
    const logRow = db.prepare(
      'INSERT INTO reminder_log (kind, evening_date, outcome, due_ms, handled_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'
    )
    const tick = db.prepare('INSERT INTO routine_ticks (evening_date, item_id, ticked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    const { random } = ctx
    // Today's evening stays untouched, so the bench harness plans it like a real one.
    const evenings = ctx.days.slice(0, -1)
    db.transaction(() => {
      for (const date of evenings) {
        const midnight = Date.parse(`${date}T00:00:00Z`)
        const windDown = midnight + (21 * 60 + 45) * 60_000
        const lightsOut = windDown + 45 * 60_000
        const morning = midnight + DAY_MS + (7 * 60 + 30) * 60_000
        for (const [kind, due] of [
          ['wind-down', windDown],
          ['lights-out', lightsOut],
          ['morning-log', morning]
        ]) {
          const missed = random.chance(0.08)
          const late = missed ? random.int(31, 600) : random.chance(0.1) ? random.int(1, 30) : 0
          logRow.run(kind, date, missed ? 'missed' : 'fired', due, due + late * 60_000)
        }
        if (!random.chance(0.6)) continue
        const chosen = shuffled(itemIds, random).slice(0, random.int(2, itemIds.length))
        for (const id of chosen) tick.run(date, id, new Date(windDown + random.int(0, 60) * 60_000).toISOString())
      }
    })()
    const ticks = db.prepare('SELECT count(*) FROM routine_ticks').pluck().get()
    if (ticks < evenings.length) throw new Error(`only ${ticks} routine ticks were written`)
  }
}

/** Fisher–Yates with the seeded generator, so the same seed ticks the same steps. */
function shuffled(items, random) {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}
