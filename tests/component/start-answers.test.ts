import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../src/shared/contract'
import { startAnswersElement } from '../../src/main/start-answers'
import { START_ANSWERS_ID } from '../../src/shared/start-answers'
import { startTestApp, type TestApp } from '../support/app'
import type * as RendererApiModule from '../../src/renderer/src/api'

type RendererApi = typeof RendererApiModule

// The settings the first screen needs come inside index.html (main side: startAnswersElement) and the
// renderer's first settings call takes them from there (api/start-answers.ts): both ends, real handler table.

const HOSTILE_NAME = '</script><script>window.__pwned=1</script>'

let app: TestApp
let asked: string[]

beforeEach(() => {
  // The renderer reads the block once per page: each test is a fresh page.
  vi.resetModules()
  app = startTestApp()
  asked = []
})
afterEach(() => {
  document.getElementById(START_ANSWERS_ID)?.remove()
  app.close()
})

/** The renderer's api module as a new page gets it, over the real handler table, noting what reaches the main side. */
async function freshPageApi(): Promise<RendererApi> {
  const api = await import('../../src/renderer/src/api')
  const counting: Api = {
    ...app.transport,
    invoke: ((channel, ...input) => {
      asked.push(channel)
      return app.transport.invoke(channel, ...input)
    }) as Api['invoke']
  }
  api.useTransport(counting)
  return api
}

function serveInHead(element: string): void {
  document.head.insertAdjacentHTML('beforeend', element)
}

describe('start answers', () => {
  it("answers the page's first settings call from its HTML, and asks the main side for every later one", async () => {
    await app.invoke('settings.update', { profile: { name: HOSTILE_NAME }, theme: 'dark' })
    const element = await startAnswersElement(app.handlers)
    // A name that closes a script element stays inside the JSON block: no "<" is left in it.
    expect(element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'))).not.toContain('<')
    serveInHead(element)
    const api = await freshPageApi()

    const first = await api.call('settings.get')
    expect(first.profile.name).toBe(HOSTILE_NAME)
    expect(first.theme).toBe('dark')
    expect(asked).toEqual([])
    expect(document.getElementById(START_ANSWERS_ID)).toBeNull()

    await app.invoke('settings.update', { theme: 'light' })
    const later = await api.call('settings.get')
    expect(later.theme).toBe('light')
    expect(asked).toEqual(['settings.get'])
  })

  it('asks the main side when the page carries no block, or one it cannot read', async () => {
    serveInHead(`<script type="application/json" id="${START_ANSWERS_ID}">{"settings.get": </script>`)
    const api = await freshPageApi()
    expect((await api.call('settings.get')).onboarded).toBe(false)
    expect(asked).toEqual(['settings.get'])

    vi.resetModules()
    const bare = await freshPageApi()
    await bare.call('settings.get')
    expect(asked).toEqual(['settings.get', 'settings.get'])
  })

  it('takes only the start channels from the page, whatever else the block holds', async () => {
    serveInHead(`<script type="application/json" id="${START_ANSWERS_ID}">{"app.info": {"name": "Not from main"}}</script>`)
    const api = await freshPageApi()
    expect((await api.call('app.info')).name).toBe('Stillwell')
    expect(asked).toEqual(['app.info'])
  })

  it('leaves a failing answer out of the page, so its call fails the usual way once the page asks', async () => {
    const logged: string[] = []
    const failing = {
      ...app.handlers,
      'settings.get': () => {
        throw new Error('disk went away')
      }
    }
    expect(await startAnswersElement(failing, { log: (message) => logged.push(message) })).toBe('')
    expect(logged).toEqual(['Channel settings.get failed'])
  })
})
