// Runs Electronegativity through its own programmatic entry point and prints
// its findings on stdout as one JSON list (see audit-findings.mjs). Its
// command line writes CSV from racing file writes, which came out garbled.
// Usage: node electronegativity-json.mjs <input folder> <electron version>
import { writeSync } from 'node:fs'
import { findingsOf } from './audit-findings.mjs'

// Without a network its translation and release-list requests fail; it falls back on its bundled data, but the
// HTTP library's retries of those requests can still throw from a timer, outside any promise. Such a failure of
// the HTTP library (and only that) is not the audit's: anything else stops the run.
process.on('uncaughtException', (error) => {
  const stack = error && error.stack ? String(error.stack) : String(error)
  if (/[\\/]node_modules[\\/](got|p-cancelable)[\\/]/.test(stack)) return
  console.error(stack)
  process.exit(1)
})

async function main() {
  const [input, electronVersion] = process.argv.slice(2)
  // A CommonJS module whose export is the run function (its programmatic entry point).
  const { default: run } = await import('@doyensec/electronegativity')
  const result = await run({ input, electronVersionOverride: electronVersion, isRelative: false }, false)
  // Leaves at once: the release-list request it gave up on can still throw later, after the findings are out.
  writeSync(1, `\n@@findings@@${JSON.stringify(findingsOf(result.issues))}\n`)
  process.exit(0)
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error))
  process.exit(1)
})
