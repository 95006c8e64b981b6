// Prints one closing line for the whole run from the JSON reports that vitest
// and Playwright write into test-results/: "ci: N passed, N failed, N skipped".
// .ci/run passes npm test's exit status: when npm test failed without a failed
// test to show for it (typecheck, lint, the audit or the build stopped it), a
// line before the totals says so, and the totals line is still the last one.
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0
let skipped = 0
const reports = []

for (const [file, name] of [
  ['test-results/vitest.json', 'unit and component tests'],
  ['test-results/vitest-shell.json', 'shell and package tests']
]) {
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
  reports.push(name)
}
if (existsSync('test-results/playwright.json')) {
  const { stats } = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'))
  passed += stats.expected + stats.flaky
  failed += stats.unexpected
  skipped += stats.skipped
  reports.push('end-to-end tests')
}
if (status !== 0 && failed === 0) {
  const ran = reports.length > 0 ? `after ${reports.join(' and ')}` : 'before any test ran'
  console.log(`ci: npm test failed (exit ${status}) ${ran}; see the output above`)
}
console.log(`ci: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(status !== 0 || failed > 0 || passed === 0 ? 1 : 0)
