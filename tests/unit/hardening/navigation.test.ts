import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { guardContents, isExternalLink, mayRequest, type GuardableContents } from '../../../src/main/windows/navigation'

const APP = ['app://stillwell']

/** A stand-in for Electron's WebContents: emits the same events, records what the guards decided. */
function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    }
  } as unknown as GuardableContents
  const fire = (event: string, url?: string) => {
    let prevented = false
    emitter.emit(event, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  return { contents, fire, open: (url: string) => openHandler!({ url }) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('window navigation guards', () => {
  it('keep the window on the app and offer https links to the system browser only after the user agrees', async () => {
    const { contents, fire } = fakeContents()
    const opened: string[] = []
    const confirm = vi.fn(async (url: string) => url.includes('ok'))
    guardContents(contents, { allowedOrigins: APP, confirmExternal: confirm }, (url) => opened.push(url))

    expect(fire('will-navigate', 'app://stillwell/index.html#/journal')).toBe(false)
    expect(fire('will-navigate', 'https://example.org/ok')).toBe(true)
    expect(fire('will-navigate', 'https://example.org/declined')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true)
    await settle()
    expect(confirm).toHaveBeenCalledTimes(2)
    expect(opened).toEqual(['https://example.org/ok'])
  })

  it('refuse redirects elsewhere, every new window and every <webview>', async () => {
    const { contents, fire, open } = fakeContents()
    const opened: string[] = []
    guardContents(contents, { allowedOrigins: APP }, (url) => opened.push(url))
    expect(fire('will-redirect', 'http://evil.example/')).toBe(true)
    expect(fire('will-redirect', 'app://stillwell/other.html')).toBe(false)
    expect(fire('will-attach-webview')).toBe(true)
    expect(open('app://stillwell/index.html')).toEqual({ action: 'deny' })
    expect(open('http://plain.example/')).toEqual({ action: 'deny' })
    expect(open('https://nih.example/fact-sheet')).toEqual({ action: 'deny' })
    await settle()
    expect(opened).toEqual(['https://nih.example/fact-sheet'])
  })

  it('let only the app, its own exports and devtools be requested', () => {
    expect(mayRequest('app://stillwell/assets/index.js', APP)).toBe(true)
    expect(mayRequest('blob:app://stillwell/5d1c', APP)).toBe(true)
    expect(mayRequest('https://fonts.example/x.woff2', APP)).toBe(false)
    expect(mayRequest('http://127.0.0.1:5199/', APP)).toBe(false)
    expect(mayRequest('file:///home/me/.ssh/id_rsa', APP)).toBe(false)
  })

  it('recognise the app’s own origin although Node calls a custom scheme’s origin "null"', () => {
    expect(new URL('app://stillwell/index.html').origin).toBe('null')
    expect(mayRequest('app://stillwell/index.html', APP)).toBe(true)
    expect(mayRequest('app://elsewhere/index.html', APP)).toBe(false)
    expect(mayRequest('http://localhost:5173/src/main.ts', ['app://stillwell', 'http://localhost:5173'])).toBe(true)
  })

  it('treat only plain https addresses as external links', () => {
    expect(isExternalLink('https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/')).toBe(true)
    expect(isExternalLink('http://example.org')).toBe(false)
    expect(isExternalLink('https://user:pass@example.org')).toBe(false)
    expect(isExternalLink('stillwell:/journal')).toBe(false)
    expect(isExternalLink('not a url')).toBe(false)
  })
})
