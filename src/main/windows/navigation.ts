/**
 * The navigation and request rules of every app window, with no Electron
 * import, so they are unit-tested in plain Node (tests/unit/hardening/navigation.test.ts).
 * security.ts applies them to Electron's sessions and WebContents.
 */

/**
 * scheme://host[:port] of a URL. Node's URL (which Electron's main process
 * uses) reports the origin of a custom scheme such as app:// as "null", so the
 * origin is put together from its parts instead.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null
  } catch {
    return null
  }
}

export function isAllowedUrl(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && allowedOrigins.includes(origin)
}

/** Only plain https links go out, and only to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** Whether a request from the window may be served: the app's own files, its own exports (blob:), devtools. */
export function mayRequest(url: string, allowedOrigins: readonly string[]): boolean {
  return url.startsWith('devtools://') || url.startsWith('blob:') || isAllowedUrl(url, allowedOrigins)
}

/** The parts of a WebContents the guards use; a test passes a fake. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface GuardOptions {
  /** Origins the window may show: the app protocol, plus the dev server during `npm run dev`. */
  allowedOrigins: readonly string[]
  /** Asked before an https link leaves the app for the system browser. */
  confirmExternal?: (url: string) => Promise<boolean>
}

/**
 * Refuses navigation away from the app, redirects elsewhere, <webview> and
 * new windows. An https link the user followed is offered to the system
 * browser (after confirmation); anything else goes nowhere.
 */
export function guardContents(contents: GuardableContents, options: GuardOptions, openExternal: (url: string) => unknown): void {
  const openOutside = (url: string): void => {
    if (!isExternalLink(url)) return
    const ask = options.confirmExternal ?? (() => Promise.resolve(true))
    void ask(url).then((yes) => (yes ? openExternal(url) : undefined))
  }
  contents.on('will-navigate', (event, url) => {
    if (isAllowedUrl(url, options.allowedOrigins)) return
    event.preventDefault()
    openOutside(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedUrl(url, options.allowedOrigins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
}
