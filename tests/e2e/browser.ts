import { chromium } from '@playwright/test'
import { existsSync } from 'node:fs'

/**
 * Playwright's own Chromium when it is installed; otherwise the system one
 * (Debian's /usr/bin/chromium), with the flags that keep it from reaching
 * for the network on its own.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const quiet = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  let bundled = ''
  try {
    bundled = chromium.executablePath()
  } catch {
    bundled = ''
  }
  if (bundled && existsSync(bundled)) return { args: quiet }
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
  if (!system) throw new Error('No Chromium found: install Playwright browsers (npx playwright install chromium) or Debian "chromium".')
  return { executablePath: system, args: ['--no-sandbox', '--disable-gpu', ...quiet] }
}
