import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../src/shared/contract'
import { loadWhenIdle } from '../../src/renderer/src/idle-load'
import { startTestApp, type TestApp } from '../support/app'
import type * as RendererApiModule from '../../src/renderer/src/api'

// The sections' code loads ahead of a first visit (main.ts): one at a time, in idle moments, never while the
// first screen still waits for answers from the main side (api: callsInFlight).

/** Idle moments handed out by the test, one at a time, instead of the browser's. */
function idleMoments(): { whenIdle: (task: () => void) => void; waiting: () => number; next: () => Promise<void> } {
  const tasks: (() => void)[] = []
  return {
    whenIdle: (task) => tasks.push(task),
    waiting: () => tasks.length,
    async next() {
      const task = tasks.shift()
      if (!task) throw new Error('nothing is waiting for an idle moment')
      task()
      await Promise.resolve()
      await Promise.resolve()
    }
  }
}

function deferred(): { promise: Promise<unknown>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise((res, rej) => {
    resolve = () => res(undefined)
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('loading code in idle time', () => {
  it('loads one at a time, in order, each in an idle moment after the last one loaded, then says it is done once', async () => {
    const idle = idleMoments()
    const started: string[] = []
    const loads = ['journal', 'insights', 'planner'].map((name) => ({ name, load: deferred() }))
    const done = vi.fn()
    loadWhenIdle(
      loads.map(
        ({ name, load }) =>
          () => (started.push(name), load.promise)
      ),
      { whenIdle: idle.whenIdle, done }
    )
    expect(started).toEqual([]) // nothing before the page is idle
    await idle.next()
    expect(started).toEqual(['journal'])
    expect(idle.waiting()).toBe(0) // the next waits for this one to load
    loads[0]!.load.resolve()
    await Promise.resolve()
    expect(started).toEqual(['journal'])
    await idle.next()
    expect(started).toEqual(['journal', 'insights'])
    loads[1]!.load.resolve()
    await Promise.resolve()
    await idle.next()
    loads[2]!.load.resolve()
    await Promise.resolve()
    expect(done).not.toHaveBeenCalled()
    await idle.next()
    expect(started).toEqual(['journal', 'insights', 'planner'])
    expect(done).toHaveBeenCalledTimes(1)
    expect(idle.waiting()).toBe(0)
  })

  it('stops at a load that fails, leaving the rest to load when opened, and never says it is done', async () => {
    const idle = idleMoments()
    const started: string[] = []
    const failing = deferred()
    const done = vi.fn()
    loadWhenIdle([() => (started.push('journal'), failing.promise), () => (started.push('insights'), Promise.resolve())], {
      whenIdle: idle.whenIdle,
      done
    })
    await idle.next()
    failing.reject(new Error('chunk missing after an update'))
    await failing.promise.catch(() => undefined)
    await Promise.resolve()
    expect(idle.waiting()).toBe(0)
    expect(started).toEqual(['journal'])
    expect(done).not.toHaveBeenCalled()
  })
})

describe('waiting for the first screen’s answers', () => {
  let app: TestApp
  let api: typeof RendererApiModule
  let held: { answer: Promise<unknown>; release: () => void }[]

  beforeEach(async () => {
    vi.resetModules()
    app = startTestApp()
    held = []
    api = await import('../../src/renderer/src/api')
    // The real handler table, each answer held back until the test releases it: a slow main side.
    const slow: Api = {
      ...app.transport,
      invoke: ((channel, ...input) => {
        const gate = deferred()
        const answer = gate.promise.then(() => app.transport.invoke(channel, ...input))
        held.push({ answer, release: gate.resolve })
        return answer
      }) as Api['invoke']
    }
    api.useTransport(slow)
  })
  afterEach(() => app.close())

  it('counts a call as on its way until it is answered or refused, and loads nothing until none is', async () => {
    const idle = idleMoments()
    const started: string[] = []
    const settings = api.call('settings.get')
    const refused = api.call('journal.get', { eveningDate: 'last Tuesday' }).catch((error: unknown) => error)
    expect(api.callsInFlight()).toBe(2)
    loadWhenIdle([() => (started.push('journal'), Promise.resolve())], {
      whenIdle: idle.whenIdle,
      busy: () => api.callsInFlight() > 0
    })
    await idle.next()
    expect(started).toEqual([]) // an answer is still on its way: it asks for another idle moment
    expect(idle.waiting()).toBe(1)
    held[0]!.release()
    await settings
    expect(api.callsInFlight()).toBe(1)
    await idle.next()
    expect(started).toEqual([])
    held[1]!.release()
    expect(await refused).toBeInstanceOf(api.ApiError)
    expect(api.callsInFlight()).toBe(0)
    await idle.next()
    expect(started).toEqual(['journal'])
  })
})
