import { expect, test } from './fixtures'

test('the page has no Node, runs no injected inline script, and loads nothing remote', async ({ page, harness, foreignRequests }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto(harness.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as Record<string, unknown>)['require'],
    process: typeof (window as unknown as Record<string, unknown>)['process'],
    module: typeof (window as unknown as Record<string, unknown>)['module'],
    Buffer: typeof (window as unknown as Record<string, unknown>)['Buffer']
  }))
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' })

  const injected = await page.evaluate(async () => {
    // Waits for the policy to refuse all three (an inline script, an inline handler, a remote image) instead of a fixed pause.
    const refused = new Set<string>()
    const allRefused = new Promise<void>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        refused.add(event.effectiveDirective)
        if (['script-src-elem', 'script-src-attr', 'img-src'].every((d) => refused.has(d))) resolve()
      })
    })
    const script = document.createElement('script')
    script.textContent = 'window.__stillwellPwned = true'
    document.body.appendChild(script)
    const img = document.createElement('img')
    img.src = 'https://example.com/tracker.png'
    document.body.appendChild(img)
    const button = document.createElement('button')
    button.setAttribute('onclick', 'window.__stillwellPwned = true')
    document.body.appendChild(button)
    button.click()
    await allRefused
    return (window as unknown as Record<string, unknown>)['__stillwellPwned'] ?? false
  })
  expect(injected).toBe(false)
  expect(violations.length).toBeGreaterThan(0)
  expect(foreignRequests).toEqual([])
})

test('the harness answers with a strict Content-Security-Policy header', async ({ request, harness }) => {
  const response = await request.get(harness.url)
  const csp = response.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
})

test('the page declares its icon, served from the app’s own files', async ({ page, harness }) => {
  const missing: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(harness.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1)
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  const icon = new URL(href!, page.url())
  expect(icon.origin).toBe(new URL(harness.url).origin)
  const response = await page.request.get(icon.href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/svg+xml')
  expect(missing).toEqual([])
})
