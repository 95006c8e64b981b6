import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarnessServer, MAX_BODY_BYTES, type HarnessServer } from '../../../src/main/web/server'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'
import { MAX_CALLS_PER_REQUEST } from '../../../src/shared/harness-bridge'
import { START_ANSWERS_ID } from '../../../src/shared/start-answers'
import { startTestApp, type TestApp } from '../../support/app'

const TOKEN = 'test-token-0123456789'
let app: TestApp
let harness: HarnessServer
let origin: string

beforeEach(async () => {
  app = startTestApp()
  const rendererDir = join(app.dataDir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(app.dataDir, 'secret.txt'), 'outside the renderer folder')
  harness = createHarnessServer({ handlers: app.handlers, rendererDir, token: TOKEN, log: () => undefined })
  const port = await harness.listen(0)
  origin = `http://127.0.0.1:${port}`
})
afterEach(async () => {
  await harness.close()
  app.close()
})

function call(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-stillwell-token': TOKEN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

/** The JSON block the page's script reads its start answers from (null when the page has none). */
function startAnswers(html: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${START_ANSWERS_ID}">([^<]*)</script>`).exec(html)
  return match ? JSON.parse(match[1]!) : null
}

describe('web harness server', () => {
  it('listens on the loopback address only', () => {
    expect(harness.server.address()).toMatchObject({ address: '127.0.0.1' })
  })

  it('serves index.html with the bridge token and a strict CSP header', async () => {
    const response = await fetch(`${origin}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(await response.text()).toContain(`<meta name="stillwell-bridge" content="${TOKEN}" />`)
  })

  it("carries the first screen's settings inside index.html, read afresh on each load", async () => {
    await app.invoke('settings.update', { theme: 'dark' })
    const first = await fetch(`${origin}/`).then((r) => r.text())
    expect(startAnswers(first)).toEqual({ 'settings.get': expect.objectContaining({ theme: 'dark', onboarded: false }) })
    await app.invoke('settings.update', { theme: 'light' })
    expect(startAnswers(await fetch(`${origin}/`).then((r) => r.text()))).toEqual({
      'settings.get': expect.objectContaining({ theme: 'light' })
    })
  })

  it('serves assets but nothing outside the renderer folder', async () => {
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(200)
    expect((await fetch(`${origin}/..%2Fsecret.txt`)).status).toBe(404)
    expect((await fetch(`${origin}/assets/..%2F..%2Fsecret.txt`)).status).toBe(404)
  })

  it('answers a bridge call through the real handler table', async () => {
    const response = await call({ channel: 'settings.update', input: { theme: 'dark' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, value: { theme: 'dark' } })
    expect(app.services.settings.get().theme).toBe('dark')
  })

  it('refuses calls without the token, with a wrong token, or from another origin, and writes nothing', async () => {
    const attempts = [
      await call({ channel: 'settings.update', input: { theme: 'dark' } }, { 'x-stillwell-token': '' }),
      await call({ channel: 'settings.update', input: { theme: 'dark' } }, { 'x-stillwell-token': 'x'.repeat(TOKEN.length) }),
      await call({ channel: 'settings.update', input: { theme: 'dark' } }, { origin: 'http://evil.example' })
    ]
    for (const response of attempts) {
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(app.services.settings.get().theme).toBe('system')
  })

  it('answers calls sent together one by one, in order, each with its own result', async () => {
    const response = await call([
      { channel: 'settings.update', input: { theme: 'dark' } },
      { channel: 'settings.get' },
      { channel: 'journal.dropAll', input: {} },
      { channel: 'settings.update', input: { theme: 42 } },
      { channel: 'journal.glance' }
    ])
    expect(response.status).toBe(200)
    const results = (await response.json()) as unknown[]
    expect(results).toHaveLength(5)
    // The read after the write sees it: the calls ran in the order sent.
    expect(results[1]).toMatchObject({ ok: true, value: { theme: 'dark' } })
    // A failing call fails alone; the calls after it still run.
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { theme: expect.any(String) } } })
    expect(results[4]).toMatchObject({ ok: true })
    expect(app.services.settings.get().theme).toBe('dark')
  })

  it('refuses an empty list of calls, or more than a request may hold, and runs none of them', async () => {
    const empty = await call([])
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const tooMany = await call(
      Array.from({ length: MAX_CALLS_PER_REQUEST + 1 }, () => ({ channel: 'settings.update', input: { theme: 'dark' } }))
    )
    expect(tooMany.status).toBe(400)
    expect(app.services.settings.get().theme).toBe('system')
  })

  it('answers malformed bodies with typed errors', async () => {
    expect(await (await call('{not json')).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await (await call([1, 2])).json()).toMatchObject([
      { ok: false, error: { code: 'invalid-input' } },
      { ok: false, error: { code: 'invalid-input' } }
    ])
    expect(await (await call({ channel: 'nope' })).json()).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    const huge = await call({ channel: 'settings.update', input: { profile: { name: 'x'.repeat(MAX_BODY_BYTES + 1) } } })
    expect(huge.status).toBe(413)
  })

  it('answers a channel that is no string, even one whose toString cannot be called, with a typed error', async () => {
    // Over HTTP a channel arrives as parsed JSON: an object whose "toString" is data, not a function.
    for (const channel of ['{"toString":1}', '{"toString":{"x":1},"valueOf":2}', '[1]', 'null', '42']) {
      const response = await call(`{"channel":${channel},"input":{}}`)
      expect(response.status, channel).toBe(200)
      expect(await response.json(), channel).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it('answers a path with a malformed escape with 400, never 500', async () => {
    for (const path of ['/%ff', '/assets/%E0%A4%A', '/%']) {
      const response = await fetch(`${origin}${path}`)
      expect(response.status, path).toBe(400)
    }
  })

  it('carries an import as large as ten years of entries (about 14 MB) to the handler', async () => {
    // Not an export (the handler says so), but big: what matters is that the bridge passes it on.
    const content = `{"big":"${'x'.repeat(14 * 1024 * 1024)}"}`
    const response = await call({ channel: 'data.importJson', input: { content } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/not a Stillwell export/) }
    })
  })

  it('pushes events to subscribed pages only with the token', async () => {
    expect((await fetch(`${origin}/bridge/events?token=wrong`)).status).toBe(403)
    const controller = new AbortController()
    const response = await fetch(`${origin}/bridge/events?token=${TOKEN}`, { signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read() // the ": connected" comment
    harness.broadcast('notification', { id: 'n1', kind: 'wind-down', title: 'Time to wind down', body: 'b', at: 'now' })
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toContain('event: notification\ndata: {"id":"n1"')
    controller.abort()
  })
})

describe('stopping the harness', () => {
  it('does not wait for pages that keep connections open', async () => {
    const controller = new AbortController()
    const stream = await fetch(`${origin}/bridge/events?token=${TOKEN}`, { signal: controller.signal })
    expect(stream.status).toBe(200)
    // Resolves (instead of hanging until the test times out) although the stream is still open.
    await harness.close()
    expect(harness.server.listening).toBe(false)
    controller.abort()
  })
})
