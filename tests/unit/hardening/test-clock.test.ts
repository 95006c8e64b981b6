import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '..', '..', '..', 'src')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|vue|mjs|cjs)$/.test(entry.name) ? [join(dir, entry.name)] : []
  )
}

describe('the test clock', () => {
  it('is read by the web harness alone: the desktop app always runs on the system clock', () => {
    const readers = files(SRC)
      .filter((file) => /STILLWELL_TEST_NOW|['"]now['"]\s*:\s*\{\s*type/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file).split('\\').join('/'))
    expect(readers).toEqual(['main/web/harness.ts'])
    // And the harness is never packaged.
    expect(readFileSync(join(SRC, '..', 'electron-builder.yml'), 'utf8')).toContain("'!out/main/harness.js'")
  })
})
