// cold_load_ms, bare_load_ms, cold_load_ratio: navigation start to the
// "stillwell:interactive" mark in a cold Chromium, Stillwell (harness on the
// seeded data) against a one-component Vue page built and served the same way.
// A third target serves that bare page with the security headers the harness
// sends, to show what they cost on their own: Cross-Origin-Opener-Policy makes
// Chromium commit the page in a new renderer process, and the desktop app's
// app:// responses do not carry it.
import { buildBarePage } from '../lib/bare-page.mjs'
import { coldLoad, traceColdLoad } from '../lib/browser.mjs'
import { serveStatic } from '../lib/static-server.mjs'
import { median, round } from '../lib/stats.mjs'

export const loadTime = {
  name: 'load-time',
  async run(ctx) {
    const bareDir = await buildBarePage()
    const bare = await serveStatic(bareDir)
    const { url } = await ctx.harness()
    const bareWithHeaders = await serveStatic(bareDir, await harnessSecurityHeaders(url))
    const targets = [
      // The seeded folder has finished first run, so the app must land on its everyday screen.
      { name: 'stillwell', url: `${url}/`, expectHash: /^#\/today$/, times: [] },
      { name: 'bare', url: `${bare.url}/`, times: [] },
      { name: 'bare with the harness headers', url: `${bareWithHeaders.url}/`, times: [] }
    ]
    try {
      // One discarded load each warms the OS file cache and both servers; then
      // the two alternate so any drift in the machine hits both alike.
      for (const target of targets) await coldLoad(target.url, target)
      for (let run = 0; run < ctx.runs; run++) {
        for (const target of targets) target.times.push(await coldLoad(target.url, target))
      }
    } finally {
      await bare.close()
      await bareWithHeaders.close()
    }
    for (const target of targets) ctx.log(`${target.name} loads (ms): ${target.times.map((t) => t.toFixed(1)).join(', ')}`)
    // Where a cold load's time goes: one more load, recorded and not counted.
    ctx.log(`trace of one cold load of Stillwell (ms from navigation start):\n  ${(await traceColdLoad(targets[0].url)).join('\n  ')}`)

    const cold = median(targets[0].times)
    const bareMs = median(targets[1].times)
    const bareHeadersMs = median(targets[2].times)
    return [
      { name: 'cold_load_ms', value: round(cold, 1), unit: 'ms', note: `median of ${ctx.runs} cold loads` },
      { name: 'bare_load_ms', value: round(bareMs, 1), unit: 'ms', note: `median of ${ctx.runs} cold loads` },
      { name: 'cold_load_ratio', value: round(cold / bareMs, 2), unit: '×', target: 1.5, note: 'cold_load_ms / bare_load_ms' },
      {
        name: 'bare_load_harness_headers_ms',
        value: round(bareHeadersMs, 1),
        unit: 'ms',
        note: `the bare page with the harness's response headers: ${round(bareHeadersMs - bareMs, 1)} ms more than without (the desktop app's app:// sends no COOP)`
      },
      {
        name: 'cold_load_ratio_same_headers',
        value: round(cold / bareHeadersMs, 2),
        unit: '×',
        note: 'cold_load_ms / bare_load_harness_headers_ms: Stillwell against a bare page served exactly as it is'
      }
    ]
  }
}

/** The security headers the harness sends with its page (content type and caching left out). */
async function harnessSecurityHeaders(url) {
  const response = await fetch(`${url}/`)
  await response.body?.cancel()
  const names = [
    'content-security-policy',
    'x-content-type-options',
    'referrer-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy'
  ]
  return Object.fromEntries(names.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)]] : [])))
}
