// `npm run test:security`: Electronegativity's static checks over src/, for
// the Electron version this project uses. Every HIGH or MEDIUM finding must be
// one that SECURITY.md explains (matched by check and file, listed below);
// anything else fails the run, and so does any finding that cannot be read.
// Electronegativity runs through its programmatic entry point, which hands its
// findings over as data (JSON), not as the CSV its command line writes. It
// first tries to fetch Electron's release list and gives up after about ten
// seconds without a network.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseFindings } from './audit-findings.mjs'

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

const here = dirname(fileURLToPath(import.meta.url))
const run = spawnSync(process.execPath, [join(here, 'electronegativity-json.mjs'), join(root, 'src'), electronVersion], {
  encoding: 'utf8',
  timeout: 120_000,
  maxBuffer: 64 * 1024 * 1024
})
const marker = run.stdout?.lastIndexOf('@@findings@@') ?? -1
if (run.status !== 0 || marker < 0) {
  console.error(`security audit: Electronegativity did not finish (exit ${run.status ?? run.signal}).\n${run.stdout ?? ''}\n${run.stderr ?? ''}`)
  process.exit(1)
}
let findings
try {
  findings = parseFindings(run.stdout.slice(marker + '@@findings@@'.length).trim())
} catch (error) {
  console.error(`security audit: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
let unexplained = 0
for (const finding of findings) {
  const file = relative(root, finding.file).split('\\').join('/')
  const severe = finding.severity === 'HIGH' || finding.severity === 'MEDIUM'
  const known = EXPLAINED.find((e) => e.check === finding.id && e.file === file)
  const verdict = known ? `explained: ${known.why}` : severe ? 'UNEXPLAINED' : 'low, noted'
  if (severe && !known) unexplained++
  console.log(`${finding.severity.padEnd(6)} ${finding.id.padEnd(24)} ${`${file}:${finding.line}:${finding.column}`.padEnd(44)} ${verdict}`)
}
console.log(`security audit: ${findings.length} findings for Electron ${electronVersion}, ${unexplained} high or medium left unexplained`)
process.exit(unexplained > 0 ? 1 : 0)
