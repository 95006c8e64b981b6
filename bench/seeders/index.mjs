// The seeders that fill the bench data folder, run in this order by
// bench/seed.mjs. A feature that stores data adds one file here and one
// entry below, writing its share of the 10 years. A seeder is
//
//   { name: 'journal', async seed(ctx) { ... } }
//
// and ctx holds:
//   ctx.days         every date of the span, 'YYYY-MM-DD', oldest first
//   ctx.startDate, ctx.endDate, ctx.years, ctx.seed
//   ctx.random       a PRNG seeded from (seed, seeder name): next(), int(min, max),
//                    chance(p), pick(items), around(mean, spread, min, max);
//                    adding or changing one seeder never changes another's data
//   ctx.invoke(channel, input)   a bridge call to the running harness (real services,
//                    validated input) — resolves to the value, throws on an error result
//   await ctx.database()         a better-sqlite3 connection to the same stillwell.db,
//                    for bulk rows where thousands of bridge calls would be slow;
//                    closed for you when the seeder returns
//
// Changing any file in bench/seeders (or bench/seed.mjs, or a migration)
// rebuilds the data folder on the next `npm run bench`.
import { experiments } from './experiments.mjs'
import { journal } from './journal.mjs'
import { mealPlans } from './meal-plans.mjs'
import { onboarding } from './onboarding.mjs'
import { reader } from './reader.mjs'
import { reminders } from './reminders.mjs'

export const seeders = [onboarding, journal, mealPlans, reader, reminders, experiments]
