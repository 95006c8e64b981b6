import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { handle } from '../../../src/main/ipc/handle'
import { mergeDomains } from '../../../src/main/ipc/handlers'
import { contract } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'

let app: TestApp
beforeEach(() => {
  app = startTestApp()
})
afterEach(() => app.close())

function snapshot(): unknown[] {
  return app.opened.db.prepare('SELECT key, value FROM settings ORDER BY key').all()
}

describe('the contract', () => {
  it('has a handler for every channel it declares, and no other', () => {
    expect(Object.keys(app.handlers).sort()).toEqual(Object.keys(contract).sort())
  })

  it('refuses to start when two domains serve the same channel', () => {
    const one = { 'settings.get': () => 1 }
    const other = { 'settings.get': () => 2 }
    expect(() => mergeDomains(one, other)).toThrow('Channel "settings.get" has two handlers.')
  })
})

describe('handle()', () => {
  it('answers a valid call with { ok: true, value } that matches the declared result schema', async () => {
    for (const channel of ['app.info', 'settings.get'] as const) {
      const result = await app.invoke(channel)
      expect(result.ok).toBe(true)
      if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true)
    }
  })

  it.each([
    ['a string instead of an object', 'settings.update', 'dark'],
    ['an unknown field', 'settings.update', { theme: 'dark', isAdmin: true }],
    ['a wrong enum value', 'settings.update', { theme: 'neon' }],
    ['a bad bedtime', 'settings.update', { profile: { bedtime: '25:99' } }],
    ['a prototype-pollution key', 'settings.update', JSON.parse('{"__proto__": {"onboarded": true}, "theme": "dark"}')],
    [
      'onboarding without the disclaimer',
      'settings.completeOnboarding',
      { profile: { name: '', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:00' }, disclaimerAccepted: false }
    ],
    ['input on a channel that takes none', 'settings.get', { sneaky: 1 }]
  ])('rejects %s with a typed error and writes nothing', async (_label, channel, input) => {
    const before = snapshot()
    const result = await handle(app.handlers, channel, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.any(String) } })
    expect(snapshot()).toEqual(before)
    expect(({} as Record<string, unknown>)['onboarded']).toBeUndefined()
  })

  it('gives per-field messages a form can show', async () => {
    const result = await handle(app.handlers, 'settings.update', { profile: { bedtime: '7pm' } })
    expect(result).toMatchObject({ ok: false, error: { fields: { 'profile.bedtime': 'Use a 24-hour time such as 22:30.' } } })
  })

  it('rejects unknown channels, including inherited property names', async () => {
    for (const channel of ['settings.delete', 'constructor', '__proto__', 42, null]) {
      const result = await handle(app.handlers, channel, undefined)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it('turns an unexpected service failure into a generic internal error and logs the details', async () => {
    const log = vi.fn()
    const table = {
      ...app.handlers,
      'settings.get': () => {
        throw new Error('disk on fire')
      }
    }
    const result = await handle(table, 'settings.get', undefined, { log })
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('disk on fire') } })
    expect(log).toHaveBeenCalledWith('Channel settings.get failed', expect.any(Error))
  })
})
