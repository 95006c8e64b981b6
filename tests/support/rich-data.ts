import type { TestApp } from './app'
import { night } from './journal'
import { readImport, uploadBytes } from './sleep-import'

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`)
  return result.value
}

/**
 * Seeds a little of everything a user makes: nights with a custom factor,
 * settings, a user food, plans with USDA and own foods, a supplement, a target,
 * a template, an imported document, reading progress and bookmarks on bundled
 * and imported articles, reminder settings and routine ticks, and a sleep
 * import from a Fitbit file whose times replaced one typed night.
 */
export async function seedEverything(app: TestApp): Promise<void> {
  must(
    await app.invoke('settings.completeOnboarding', {
      profile: { ...app.services.settings.get().profile, name: 'Ada', bedtime: '22:45' },
      disclaimerAccepted: true
    }),
    'onboarding'
  )
  const factor = must(await app.invoke('journal.factors.create', { label: 'Late dinner', kind: 'yesno' }), 'factor')
  must(await app.invoke('journal.create', night('2026-11-20', { severity: 6, notes: '=cmd|calc — legs "buzzing"' })), 'night 1')
  must(
    await app.invoke(
      'journal.create',
      night('2026-11-21', {
        severity: 2,
        custom: [{ factorId: factor.id, value: 1 }],
        factors: { medications: ['Pramipexole'], doses: [{ name: 'Pramipexole', amount: 0.125 }] }
      })
    ),
    'night 2'
  )
  const medicine = must(
    await app.invoke('medications.create', {
      name: 'Pramipexole',
      strength: 0.125,
      unit: 'mg',
      usualDose: 0.125,
      usualTime: '20:00',
      startDate: '2026-11-01',
      stopDate: null,
      purpose: 'RLS',
      prescriberNote: ''
    }),
    'medicine'
  )
  must(
    await app.invoke('medications.changeDose', { medicationId: medicine.id, changedOn: '2026-11-15', dose: 0.25, note: '' }),
    'dose change'
  )
  must(await app.invoke('episodes.create', { date: '2026-11-21', time: '16:00', severity: 4, helped: 'Walking' }), 'daytime episode')
  must(await app.invoke('irls.create', { scoredOn: '2026-11-10', total: 18, note: '' }), 'IRLS total')
  const mine = must(
    await app.invoke('foods.create', {
      name: 'Grandma’s granola',
      basis: 'serving',
      magnesiumMg: 80,
      ironMg: 2.5,
      kcal: 240,
      serving: { label: 'bowl', grams: 60 },
      portions: [{ label: 'handful', grams: 25 }]
    }),
    'user food'
  )
  must(
    await app.invoke('planner.addItem', { day: '2026-11-21', meal: 'snacks', foodId: '12014', amount: 28, unit: { kind: 'g' } }),
    'usda item'
  )
  must(
    await app.invoke('planner.addItem', { day: '2026-11-21', meal: 'breakfast', foodId: mine.id, amount: 1, unit: { kind: 'serving' } }),
    'own item'
  )
  must(await app.invoke('planner.setSupplement', { day: '2026-11-21', mg: 200 }), 'supplement')
  must(await app.invoke('planner.setTarget', { nutrient: 'magnesium', valueMg: 380 }), 'target')
  must(await app.invoke('planner.saveTemplate', { name: 'My usual breakfast', day: '2026-11-21', meal: 'breakfast' }), 'template')
  const doc = must(
    await app.invoke('articles.import', {
      fileName: 'my-notes.md',
      contentBase64: Buffer.from('# Notes from my neurologist\n\nFerritin was 48. Try iron every other day.\n').toString('base64')
    }),
    'import article'
  )
  const bundled = app.services.articles.list().articles.find((a) => a.origin === 'bundled')!
  must(await app.invoke('articles.savePosition', { slug: bundled.slug, fraction: 0.4, anchor: null }), 'progress')
  must(await app.invoke('articles.savePosition', { slug: doc.slug, fraction: 0.8, anchor: null }), 'progress 2')
  must(await app.invoke('articles.addBookmark', { slug: doc.slug, anchor: null, label: 'Iron advice', fraction: 0.5 }), 'bookmark')
  must(await app.invoke('articles.addBookmark', { slug: bundled.slug, anchor: null, label: 'Start', fraction: 0 }), 'bookmark 2')
  must(await app.invoke('reminders.update', { leadMinutes: 30 }), 'reminders')
  const routine = must(await app.invoke('routine.get'), 'routine')
  must(await app.invoke('routine.tick', { eveningDate: routine.eveningDate, itemId: routine.items[0]!.id, done: true }), 'tick')
  const fitbit = [
    {
      logId: 7001,
      startTime: '2026-11-20T23:50:00.000',
      endTime: '2026-11-21T07:10:00.000',
      mainSleep: true,
      levels: { data: [{ dateTime: '2026-11-21T03:00:00.000', level: 'wake', seconds: 900 }] }
    }
  ]
  const fileId = await uploadBytes(app, 'sleep-2026-11-01.json', Buffer.from(JSON.stringify(fitbit)))
  const { jobId } = await readImport(app, fileId, 'fitbit', 'Europe/Berlin')
  const imported = must(await app.invoke('sleepImport.apply', { jobId, useDevice: ['2026-11-20'] }), 'sleep import')
  if (imported.nightsAdded !== 1 || imported.diaryNightsChanged !== 1) throw new Error('the sleep import did not fill its three tables')
}
