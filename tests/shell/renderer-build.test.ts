import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { outDir } from './load-main'

const HINT = '//# allFunctionsCalledOnLoad\n'
const rendererDir = join(outDir, 'renderer')

describe('the built renderer', () => {
  it('asks Chromium to compile the entry script while it downloads, and only that script', () => {
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
    const entries = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/([^"]+)"/g)].map((m) => m[1]!)
    expect(entries).toHaveLength(1)
    const entry = entries[0]!
    // The hint only works as the file's first line.
    expect(readFileSync(join(rendererDir, entry), 'utf8').startsWith(HINT)).toBe(true)

    // Route chunks load when a section opens; compiling all of theirs eagerly would be wasted work.
    const routeChunks = readdirSync(join(rendererDir, 'assets')).filter((name) => name.endsWith('.js') && `assets/${name}` !== entry)
    expect(routeChunks.length).toBeGreaterThan(5)
    for (const name of routeChunks)
      expect(readFileSync(join(rendererDir, 'assets', name), 'utf8')).not.toContain('allFunctionsCalledOnLoad')
  })
})
