// The bench's data folder: a Stillwell data folder holding `years` of
// deterministic, seeded data, built once and reused while nothing that shapes
// it has changed (see the marker file).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { startHarness } from './lib/harness.mjs'
import { BENCH_DIR, REPO_DIR } from './lib/paths.mjs'
import { createRandom, hash32 } from './lib/prng.mjs'
import { seeders } from './seeders/index.mjs'

/** Bump when the folder layout or the seeding mechanics change in a way the fingerprint cannot see. */
const SEED_FORMAT = 1
const MARKER = '.bench-seed.json'
/** Files whose content shapes the seeded data: any change rebuilds the folder. */
const FINGERPRINTED = [
  join(BENCH_DIR, 'seed.mjs'),
  join(BENCH_DIR, 'seeders'),
  join(BENCH_DIR, 'lib/prng.mjs'),
  join(REPO_DIR, 'src/main/db/migrations')
]

/**
 * Builds (or reuses) a seeded data folder at `dir`.
 * @param {string} dir
 * @param {{ years?: number, spanDays?: number, seed?: number, endDate?: string, force?: boolean, log?: (message: string) => void }} [options]
 *   spanDays, when given, replaces years: only the last spanDays days (a short history to compare costs against).
 *   endDate ('YYYY-MM-DD', default today) is the last day of data, so "last night" is always recent;
 *   the same seed, years and end date give the same rows.
 * @returns {Promise<{ dir: string, reused: boolean, days: number, startDate: string, endDate: string }>}
 */
export async function seedDataFolder(dir, options = {}) {
  const { years = 10, spanDays, seed = 1, endDate = localToday(), force = false, log = () => {} } = options
  if (!Number.isInteger(years) || years < 1) throw new Error(`years must be a positive integer, not ${years}`)
  if (spanDays !== undefined && (!Number.isInteger(spanDays) || spanDays < 2)) throw new Error(`spanDays must be an integer above 1, not ${spanDays}`)
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`)
  const days = spanDays ? dateSpan(endDate, 1).slice(-spanDays) : dateSpan(endDate, years)
  const wanted = {
    format: SEED_FORMAT,
    seed,
    years,
    ...(spanDays ? { spanDays } : {}),
    endDate,
    fingerprint: fingerprint(),
    seeders: seeders.map((s) => s.name)
  }
  const summary = { dir, days: days.length, startDate: days[0], endDate }

  const markerPath = join(dir, MARKER)
  const existing = readMarker(markerPath)
  if (!force && existing && JSON.stringify(existing) === JSON.stringify(wanted)) {
    log(`seeded data folder reused: ${dir}`)
    return { ...summary, reused: true }
  }
  if (existsSync(dir) && !existing && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty and is not a bench data folder (no ${MARKER}); refusing to overwrite it.`)
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(markerPath, '{ "building": true }\n') // claims the folder; an interrupted build is rebuilt next time

  const started = performance.now()
  log(`seeding ${dir}: ${spanDays ? `${spanDays} days` : `${years} years`} (${days[0]} to ${endDate}), seed ${seed}`)
  const harness = await startHarness({ dataDir: dir })
  try {
    for (const seeder of seeders) {
      const t0 = performance.now()
      let connection
      const ctx = {
        dir,
        seed,
        years,
        days,
        startDate: days[0],
        endDate,
        random: createRandom(hash32(`${seed}:${seeder.name}`)),
        invoke: harness.invoke,
        async database() {
          if (!connection) {
            const { default: Database } = await import('better-sqlite3')
            connection = new Database(join(dir, 'stillwell.db'))
            connection.pragma('busy_timeout = 5000')
          }
          return connection
        }
      }
      try {
        await seeder.seed(ctx)
      } finally {
        connection?.close()
      }
      log(`  seeder ${seeder.name}: ${Math.round(performance.now() - t0)} ms`)
    }
  } finally {
    await harness.stop() // a clean stop checkpoints the WAL into stillwell.db
  }
  writeFileSync(markerPath, `${JSON.stringify(wanted, null, 2)}\n`) // last: only a finished folder matches
  log(`seeded in ${Math.round(performance.now() - started)} ms`)
  return { ...summary, reused: false }
}

/** Every date from `years` before endDate (exclusive) to endDate, 'YYYY-MM-DD', oldest first. */
export function dateSpan(endDate, years) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(endDate)
  if (!match) throw new Error(`endDate must look like 2025-01-31, not ${endDate}`)
  const [y, m, d] = match.slice(1).map(Number)
  const end = Date.UTC(y, m - 1, d)
  const start = Date.UTC(y - years, m - 1, d) + 86_400_000
  const days = []
  for (let t = start; t <= end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

function localToday() {
  const now = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function readMarker(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function fingerprint() {
  const hash = createHash('sha256')
  for (const file of FINGERPRINTED.flatMap(listFiles).sort()) {
    hash.update(relative(REPO_DIR, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

function listFiles(path) {
  if (!existsSync(path)) return []
  try {
    return readdirSync(path, { withFileTypes: true }).flatMap((entry) => listFiles(join(path, entry.name)))
  } catch {
    return [path] // not a folder
  }
}
