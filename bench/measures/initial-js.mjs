// initial_js_gzip_kb: the JavaScript a first load must fetch — every file that
// out/renderer/index.html names in <script src> or <link rel="modulepreload">,
// not the lazily loaded route chunks — gzipped at level 9.
import { readFileSync } from 'node:fs'
import { join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { RENDERER_DIR } from '../lib/paths.mjs'
import { round } from '../lib/stats.mjs'

export const initialJs = {
  name: 'initial-js',
  async run(ctx) {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
    const files = initialScripts(html)
    if (files.length === 0) throw new Error('out/renderer/index.html names no script')
    let bytes = 0
    for (const file of files) {
      const path = normalize(join(RENDERER_DIR, file.split(/[?#]/)[0]))
      if (!path.startsWith(normalize(RENDERER_DIR + sep))) throw new Error(`script outside the renderer build: ${file}`)
      const size = gzipSync(readFileSync(path), { level: 9 }).length
      ctx.log(`initial js: ${file} ${(size / 1024).toFixed(1)} kB gzip`)
      bytes += size
    }
    return [{ name: 'initial_js_gzip_kb', value: round(bytes / 1024, 1), unit: 'kB', note: `${files.length} file(s), gzip -9` }]
  }
}

/** The src of every <script src> and the href of every <link rel="modulepreload">, once each, in order. */
export function initialScripts(html) {
  const found = []
  for (const [, name, attributes] of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = parseAttributes(attributes)
    const isScript = name.toLowerCase() === 'script'
    const ref = isScript ? attrs.src : attrs.rel?.toLowerCase().split(/\s+/).includes('modulepreload') ? attrs.href : undefined
    if (ref && !/^(https?:)?\/\//i.test(ref) && !found.includes(ref)) found.push(ref)
  }
  return found
}

function parseAttributes(text) {
  const attrs = {}
  for (const [, key, dq, sq, bare] of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[key.toLowerCase()] = dq ?? sq ?? bare ?? ''
  }
  return attrs
}
