// `npm run bench` (after `npm run build`): seeds the bench data folder, runs
// every measure in bench/measures, prints a table of figures and, as the last
// line of stdout, one JSON object { figure: value }. Figures are never
// pass/fail; the exit code is non-zero only when something broke.
//
// Options (after `npm run bench --`): --runs N (default 7), --seed N (default 1), --fresh (rebuild the data folder),
// --only a,b (run only the measures with these names, e.g. `--only load-time,journal`).
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { cleanupAll, installExitHandlers, isStopping, removeOnCleanup } from './lib/cleanup.mjs'
import { startHarness } from './lib/harness.mjs'
import { RESULTS_DIR } from './lib/paths.mjs'
import { measures } from './measures/index.mjs'
import { seedDataFolder } from './seed.mjs'

const YEARS = 10

const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, seed: { type: 'string', default: '1' }, fresh: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true
})
const runs = Number(options.runs)
const seed = Number(options.seed)
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, not "${options.runs}"`)
if (!Number.isInteger(seed)) fail(`--seed must be an integer, not "${options.seed}"`)
const only = options.only?.split(',').map((name) => name.trim()).filter(Boolean)
const unknown = only?.filter((name) => !measures.some((m) => m.name === name)) ?? []
if (unknown.length > 0) fail(`--only names no measure "${unknown.join('", "')}"; measures: ${measures.map((m) => m.name).join(', ')}`)
const selected = only ? measures.filter((m) => only.includes(m.name)) : measures

const log = (message) => console.error(`bench: ${message}`)
installExitHandlers()
const started = performance.now()
const figures = []
const failures = []

try {
  await measureAll()
} catch (error) {
  if (!isStopping()) {
    failures.push({ measure: 'setup', error })
    console.error('bench: setup failed:', error)
  }
} finally {
  await cleanupAll()
}
// Interrupted: the signal handler finishes cleaning up and exits; print nothing half-measured.
if (!isStopping()) {
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  printTable(figures, failures)
  process.stdout.write(`${JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, f.value])))}\n`, () => {
    process.exit(failures.length > 0 ? 1 : 0)
  })
}

async function measureAll() {
  const seeded = await seedDataFolder(join(RESULTS_DIR, 'data'), { years: YEARS, seed, force: options.fresh, log })
  // Measures work on a throwaway copy, so every run starts from the same seeded state.
  const dataDir = mkdtempSync(join(tmpdir(), 'stillwell-bench-data-'))
  removeOnCleanup(dataDir)
  cpSync(seeded.dir, dataDir, { recursive: true })

  let harness
  const ctx = {
    runs,
    seeded,
    dataDir,
    log,
    figures,
    harness: () => (harness ??= startHarness({ dataDir }))
  }
  for (const measure of selected) {
    if (isStopping()) return
    const t0 = performance.now()
    log(`measuring ${measure.name}`)
    try {
      const produced = await measure.run(ctx)
      for (const figure of produced) checkFigure(figure, measure.name)
      figures.push(...produced)
    } catch (error) {
      if (isStopping()) return
      failures.push({ measure: measure.name, error })
      console.error(`bench: measure ${measure.name} failed:`, error)
    }
    log(`${measure.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
}

function checkFigure(figure, measure) {
  if (!figure || typeof figure.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(figure.name)) {
    throw new Error(`measure ${measure} returned a figure without a snake_case name: ${JSON.stringify(figure)}`)
  }
  if (typeof figure.value !== 'number' || !Number.isFinite(figure.value))
    throw new Error(`${figure.name} is not a finite number: ${figure.value}`)
  if (figures.some((f) => f.name === figure.name)) throw new Error(`figure ${figure.name} is reported twice`)
}

function printTable(rows, broken) {
  const header = ['figure', 'value', 'unit', 'target', 'note']
  const body = rows.map((f) => [f.name, String(f.value), f.unit ?? '', f.target === undefined ? '—' : String(f.target), f.note ?? ''])
  for (const { measure } of broken) body.push([measure, 'FAILED', '', '', 'see stderr'])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  console.log('')
  console.log(line(header))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of body) console.log(line(row))
  console.log('')
}

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}
