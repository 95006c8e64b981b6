import { completeFirstRun, expect, test } from './fixtures'

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

test('the first screen asks for its data in one request, its settings come with the page, and every tile gets its own answer', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { name: 'Ada', bedtime: '22:30' })
  const requests: unknown[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/bridge/invoke')) requests.push(JSON.parse(request.postData() ?? 'null'))
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada')
  // Each tile shows what its own call answered: a mix-up between answers would put one tile's data in another.
  await expect(page.getByTestId('today-bedtime')).toHaveText('22:30')
  await expect(page.getByTestId('last-night-tile')).toContainText('Not logged yet')
  await expect(page.getByTestId('today-magnesium')).toContainText('No meals planned')
  await expect(page.getByTestId('reading-tile')).toContainText('Start here')
  await expect(page.getByTestId('next-reminder-time')).not.toBeEmpty()
  const together = requests.filter((body): body is { channel: string }[] => Array.isArray(body))
  const channels = together.flatMap((calls) => calls.map((call) => call.channel))
  expect(channels).toEqual(expect.arrayContaining(['journal.glance', 'planner.daySummary', 'reminders.get', 'articles.nextRead']))
  // The settings that choose the first screen (and fill in the name and bedtime) came inside the page.
  const every = requests.flatMap((body) => (Array.isArray(body) ? body : [body])) as { channel: string }[]
  expect(every.map((call) => call.channel)).not.toContain('settings.get')
})
