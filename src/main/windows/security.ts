import { app, session, shell, type WebContents } from 'electron'

export interface GuardOptions {
  /** Origins the window may show: the app protocol, plus the dev server during `npm run dev`. */
  allowedOrigins: readonly string[]
  /** Asked before an https link leaves the app for the system browser. */
  confirmExternal?: (url: string) => Promise<boolean>
}

export function isAllowedUrl(url: string, allowedOrigins: readonly string[]): boolean {
  try {
    return allowedOrigins.includes(new URL(url).origin)
  } catch {
    return false
  }
}

/** Only https links go out, and only to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * App-wide guards, installed once before any window exists: every
 * WebContents the app ever creates refuses navigation away from the app,
 * redirects, new windows and <webview>; every permission request is denied.
 */
export function installSecurityGuards(options: GuardOptions): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.setDevicePermissionHandler(() => false)
  // No request may leave the machine: only the app's own scheme and dev server are served.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // blob: URLs are files the page built itself (exports); they never leave the machine.
    const local = details.url.startsWith('devtools://') || details.url.startsWith('blob:')
    const allowed = local || isAllowedUrl(details.url, options.allowedOrigins)
    callback({ cancel: !allowed })
  })

  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, options)
  })
}

function guardContents(contents: WebContents, options: GuardOptions): void {
  const openOutside = (url: string): void => {
    if (!isExternalLink(url)) return
    const ask = options.confirmExternal ?? (() => Promise.resolve(true))
    void ask(url).then((yes) => (yes ? shell.openExternal(url) : undefined))
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
