import { expect, test } from './fixtures'

test('a malformed bridge call gets a typed error and changes nothing', async ({ page, harness }) => {
  await page.goto(harness.url)
  const result = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="stillwell-bridge"]')!.content
    const send = async (body: unknown, withToken = true) => {
      const response = await fetch('/bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(withToken ? { 'x-stillwell-token': token } : {}) },
        body: JSON.stringify(body)
      })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    return {
      wrongType: await send({ channel: 'settings.update', input: { theme: 42, onboarded: 'yes' } }),
      unknown: await send({ channel: 'journal.dropAll', input: {} }),
      noToken: await send({ channel: 'settings.update', input: { theme: 'dark' } }, false),
      after: await send({ channel: 'settings.get' })
    }
  })
  expect(result.wrongType).toMatchObject({
    status: 200,
    body: { ok: false, error: { code: 'invalid-input', fields: { theme: expect.any(String), onboarded: expect.any(String) } } }
  })
  expect(result.unknown.body).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  expect(result.noToken).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } })
  expect(result.after.body).toMatchObject({ ok: true, value: { theme: 'system', onboarded: false } })
})

test('a call from another origin is refused even with a valid token', async ({ page, harness, request }) => {
  await page.goto(harness.url)
  const token = await page.locator('meta[name="stillwell-bridge"]').getAttribute('content')
  const response = await request.post(`${harness.url}/bridge/invoke`, {
    headers: { origin: 'http://localhost:9999', 'x-stillwell-token': token! },
    data: { channel: 'settings.update', input: { theme: 'dark' } }
  })
  expect(response.status()).toBe(403)
})
