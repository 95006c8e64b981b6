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
    await new Promise((resolve) => setTimeout(resolve, 200))
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
