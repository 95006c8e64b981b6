import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * The web harness is for development and tests only. The packaged app is
 * made of out/ minus the harness entry (electron-builder.yml); this checks
 * that the exclusion is there and that none of the harness's own code leaked
 * into what is packaged (the main entry or its shared chunks).
 */
const root = join(__dirname, '..', '..')
const HARNESS_MARKERS = ['Stillwell web harness', 'stillwell-bridge', '/bridge/invoke']

test('the packaged app leaves the web harness out', () => {
  const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
  const files = builder.slice(builder.indexOf('files:'), builder.indexOf('extraResources:'))
  expect(files).toMatch(/^\s*- '!out\/main\/harness\.js'\s*$/m)
  expect(files).not.toMatch(/^\s*- '?(src|tests|bench)\//m)

  const mainDir = join(root, 'out', 'main')
  const harness = readFileSync(join(mainDir, 'harness.js'), 'utf8')
  for (const marker of HARNESS_MARKERS) expect(harness).toContain(marker)

  const packaged = ['index.js', ...readdirSync(join(mainDir, 'chunks')).map((f) => join('chunks', f))]
  for (const file of packaged) {
    const code = readFileSync(join(mainDir, file), 'utf8')
    for (const marker of HARNESS_MARKERS) expect(code, `${file} contains "${marker}"`).not.toContain(marker)
  }
})
