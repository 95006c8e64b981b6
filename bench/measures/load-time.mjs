// cold_load_ms, bare_load_ms, cold_load_ratio: navigation start to the
// "stillwell:interactive" mark in a cold Chromium, Stillwell (harness on the
// seeded data) against a one-component Vue page built the same way and served
// with the same response headers as the harness's page.
// Those headers matter: Cross-Origin-Opener-Policy makes Chromium commit the
// page in a new renderer process (a cost the desktop app's app:// responses do
// not carry), so the bare page is also loaded without them, for continuity with
// earlier figures (cold_load_ratio_no_coop).
// cold_load_main_thread_ms, bare_main_thread_ms: CPU time of the page's main
// thread until the mark, from traced loads: steady on a busy machine.
// cold_load_complete_ms: the same timed loads, until the first screen has its data on screen.
// cold_first_paint_ms, first_paint_ratio: the same loads (both pages), until Chromium's first contentful
// paint: the frame in which the screen first shows, which the mark (a frame callback, before that
// frame's layout and paint) can precede or not depending on when the load event forces a layout.
import { buildBarePage } from '../lib/bare-page.mjs'
import { coldLoad, mainThreadWork, traceColdLoad } from '../lib/browser.mjs'
import { serveStatic } from '../lib/static-server.mjs'
import { median, round } from '../lib/stats.mjs'

export const loadTime = {
  name: 'load-time',
  async run(ctx) {
    const bareDir = await buildBarePage()
    const { url } = await ctx.harness()
    const bare = await serveStatic(bareDir, await harnessSecurityHeaders(url))
    const bareNoCoop = await serveStatic(bareDir)
    const targets = [
      // The seeded folder has finished first run, so the app must land on its everyday screen.
      { name: 'stillwell', url: `${url}/`, expectHash: /^#\/today$/, times: [], work: [], complete: [], paints: [] },
      { name: 'bare (the harness headers)', url: `${bare.url}/`, times: [], work: [], paints: [] },
      { name: 'bare (no headers)', url: `${bareNoCoop.url}/`, times: [], work: [] }
    ]
    try {
      // One discarded load each warms the OS file cache and the servers; then the
      // targets alternate so any drift in the machine hits them alike.
      for (const target of targets) await coldLoad(target.url, target)
      for (let run = 0; run < ctx.runs; run++) {
        for (const target of targets) {
          const settled = target.complete && ((ms) => target.complete.push(ms))
          const painted = target.paints && ((ms) => target.paints.push(ms))
          target.times.push(await coldLoad(target.url, { ...target, settled, painted }))
        }
      }
      for (let run = 0; run < ctx.runs; run++) {
        for (const target of targets.slice(0, 2)) target.work.push(await mainThreadWork(target.url))
      }
    } finally {
      await bare.close()
      await bareNoCoop.close()
    }
    for (const target of targets) ctx.log(`${target.name} loads (ms): ${target.times.map((t) => t.toFixed(1)).join(', ')}`)
    ctx.log(`stillwell, Today with every tile's data (ms): ${targets[0].complete.map((t) => t.toFixed(1)).join(', ')}`)
    for (const target of targets.slice(0, 2)) ctx.log(`${target.name}, first contentful paint (ms): ${target.paints.map((t) => t.toFixed(1)).join(', ')}`)
    for (const target of targets.slice(0, 2)) {
      ctx.log(`${target.name}, main-thread CPU until interactive (ms): ${target.work.map((t) => t.toFixed(1)).join(', ')}`)
    }
    // Where a cold load's time goes: one more load, recorded and not counted.
    ctx.log(`trace of one cold load of Stillwell (ms from navigation start):\n  ${(await traceColdLoad(targets[0].url)).join('\n  ')}`)

    const [cold, bareMs, bareNoCoopMs] = targets.map((target) => median(target.times))
    const [coldWork, bareWork] = targets.slice(0, 2).map((target) => median(target.work))
    return [
      { name: 'cold_load_ms', value: round(cold, 1), unit: 'ms', note: `median of ${ctx.runs} cold loads` },
      {
        name: 'cold_load_complete_ms',
        value: round(median(targets[0].complete), 1),
        unit: 'ms',
        note: "the same loads until Today's tiles had their data on screen (every bridge call answered, two quiet frames)"
      },
      {
        name: 'cold_first_paint_ms',
        value: round(median(targets[0].paints), 1),
        unit: 'ms',
        note: 'the same loads until the first frame with text (first contentful paint): when the screen first shows'
      },
      {
        name: 'first_paint_ratio',
        value: round(median(targets[0].paints) / median(targets[1].paints), 2),
        unit: '×',
        note: `cold_first_paint_ms / the bare page's (${round(median(targets[1].paints), 1)} ms), same loads`
      },
      {
        name: 'bare_load_ms',
        value: round(bareMs, 1),
        unit: 'ms',
        note: `median of ${ctx.runs} cold loads, served with the harness's response headers`
      },
      { name: 'cold_load_ratio', value: round(cold / bareMs, 2), unit: '×', target: 1.5, note: 'cold_load_ms / bare_load_ms' },
      {
        name: 'bare_load_no_coop_ms',
        value: round(bareNoCoopMs, 1),
        unit: 'ms',
        note: `the bare page without those headers: ${round(bareMs - bareNoCoopMs, 1)} ms less (COOP's process swap, absent from app://)`
      },
      {
        name: 'cold_load_ratio_no_coop',
        value: round(cold / bareNoCoopMs, 2),
        unit: '×',
        note: 'cold_load_ms / bare_load_no_coop_ms (how earlier benches defined cold_load_ratio)'
      },
      {
        name: 'cold_load_main_thread_ms',
        value: round(coldWork, 1),
        unit: 'ms',
        note: `median of ${ctx.runs} traced loads: the page's main-thread CPU time until interactive`
      },
      { name: 'bare_main_thread_ms', value: round(bareWork, 1), unit: 'ms', note: 'the same for the bare page' },
      {
        name: 'cold_load_cpu_ratio',
        value: round(coldWork / bareWork, 2),
        unit: '×',
        note: 'cold_load_main_thread_ms / bare_main_thread_ms'
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
