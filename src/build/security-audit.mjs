// `npm run test:security`: Electronegativity's static checks over src/, for
// the Electron version this project uses. Every HIGH or MEDIUM finding must be
// one that SECURITY.md explains (matched by check and file, listed below);
// anything else fails the run. Electronegativity itself always exits 0, so its
// report is read instead of its exit code. It first tries to fetch Electron's
// release list and gives up after about ten seconds without a network.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version

/** Findings reviewed and explained in SECURITY.md ("Automated audit"). */
const EXPLAINED = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/windows/security.ts',
    why: 'only plain https URLs, after the user confirms (navigation.ts)'
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/index.ts',
    why: 'the external-links port: https only, validated by the contract, confirmed in the page'
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/ipc/handlers/app.ts',
    why: 'routes app.openExternal to the links service, which accepts plain https only'
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'src/main/windows/main-window.ts',
    why: 'the preload exposes only invoke/on for the contract’s channels and events'
  }
]

const work = mkdtempSync(join(tmpdir(), 'stillwell-audit-'))
const report = join(work, 'findings.csv')
try {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity')
  const run = spawnSync(bin, ['-i', join(root, 'src'), '-e', electronVersion, '-o', report], { encoding: 'utf8', timeout: 120_000 })
  if (!existsSync(report)) {
    console.error(`security audit: Electronegativity produced no report.\n${run.stdout}\n${run.stderr}`)
    process.exit(1)
  }
  const { data } = Papa.parse(readFileSync(report, 'utf8').trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() })
  let unexplained = 0
  for (const row of data) {
    const file = relative(root, row.filename).split('\\').join('/')
    const severe = row.severity === 'HIGH' || row.severity === 'MEDIUM'
    const known = EXPLAINED.find((e) => e.check === row.issue && e.file === file)
    const verdict = known ? `explained: ${known.why}` : severe ? 'UNEXPLAINED' : 'low, noted'
    if (severe && !known) unexplained++
    console.log(`${row.severity.padEnd(6)} ${row.issue.padEnd(24)} ${`${file}:${row.location}`.padEnd(44)} ${verdict}`)
  }
  console.log(`security audit: ${data.length} findings for Electron ${electronVersion}, ${unexplained} high or medium left unexplained`)
  process.exit(unexplained > 0 ? 1 : 0)
} finally {
  rmSync(work, { recursive: true, force: true })
}
